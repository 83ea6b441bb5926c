package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// buildShopCRM builds the real binary once per test run.
func buildShopCRM(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skipf("go is not on PATH here: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "shopcrm")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runBinary runs bin with args under the given locale variables (and none other), no
// display, and returns stdout, stderr and the exit code.
func runBinary(t *testing.T, bin string, locale []string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "DISPLAY", "WAYLAND_DISPLAY", "SHOPCRM_DATA":
			continue
		}
		cmd.Env = append(cmd.Env, kv)
	}
	cmd.Env = append(cmd.Env, locale...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return out.String(), errOut.String(), exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.String(), errOut.String(), 0
}

// The built program as a seller's script meets it: --data before or after the
// command, help in the system's language, exit codes 0 / 1 / 2, and no toolkit lines
// on stderr under any locale, those Fyne cannot parse included.
func TestTheCommandLineAsBuilt(t *testing.T) {
	bin := buildShopCRM(t)
	dir := t.TempDir()
	zh := []string{"LANG=zh_CN.UTF-8"}

	t.Run("--data before the command", func(t *testing.T) {
		out, errOut, code := runBinary(t, bin, zh, "--data", dir, "demo", "--customers", "3", "--trades", "5", "--seed", "2")
		if code != 0 || errOut != "" || !strings.Contains(out, "3 位客户") {
			t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
		}
		out, errOut, code = runBinary(t, bin, zh, "--data", dir, "customers", "--format", "csv")
		if code != 0 || errOut != "" || strings.Count(out, "\n") != 4 {
			t.Errorf("exit %d, stderr %q, stdout %q", code, errOut, out)
		}
	})
	t.Run("--data after the command", func(t *testing.T) {
		out, errOut, code := runBinary(t, bin, zh, "customers", "--format", "csv", "--data", dir)
		if code != 0 || errOut != "" || strings.Count(out, "\n") != 4 {
			t.Errorf("exit %d, stderr %q, stdout %q", code, errOut, out)
		}
	})

	for _, tc := range []struct {
		name   string
		locale []string
		want   string // a word of the help in the language that locale should give
	}{
		{"unset", nil, "命令："},
		{"LANG=C", []string{"LANG=C"}, "命令："},
		{"LANG=C.UTF-8", []string{"LANG=C.UTF-8"}, "命令："},
		{"LANG=POSIX", []string{"LANG=POSIX"}, "命令："},
		{"LC_ALL=C", []string{"LC_ALL=C"}, "命令："},
		{"LC_ALL=C over English", []string{"LC_ALL=C", "LANG=en_US.UTF-8"}, "Commands:"}, // the next variable decides, as before
		{"LC_ALL=C.UTF-8 over English", []string{"LC_ALL=C.UTF-8", "LANG=en_US.UTF-8"}, "Commands:"},
		{"modifier", []string{"LANG=de_DE@euro"}, "命令："},
		{"unknown language", []string{"LANG=xx_YY.UTF-8"}, "命令："},
		{"bad LANGUAGE list", []string{"LANG=en_US.UTF-8", "LANGUAGE=xx:en"}, "Commands:"},
		{"English", []string{"LANG=en_US.UTF-8"}, "Commands:"},
		{"Chinese", zh, "命令："},
	} {
		t.Run("locale "+tc.name, func(t *testing.T) {
			for _, args := range [][]string{{"help"}, {"--help"}, {"customers", "--help"}, {"--data", dir, "check"}, {"customers", "--data", dir}} {
				out, errOut, code := runBinary(t, bin, tc.locale, args...)
				if code != 0 || errOut != "" {
					t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
				}
				if args[0] == "help" && !strings.Contains(out, tc.want) {
					t.Errorf("help is not in the expected language (%q):\n%s", tc.want, out)
				}
			}
		})
	}

	t.Run("help lists every command with its flags", func(t *testing.T) {
		out, _, _ := runBinary(t, bin, zh, "--help")
		for _, word := range []string{"backup", "check", "customers", "demo", "export", "groups", "import", "reminders", "restore",
			"--list", "--search", "--customers", "--trades", "--seed", "--group", "--as-of", "--dry-run", "--sheet", "--password",
			"--platform", "--date", "--days", "--data", "--format"} {
			if !strings.Contains(out, word) {
				t.Errorf("%s is not in the help", word)
			}
		}
	})

	t.Run("exit codes", func(t *testing.T) {
		for _, tc := range []struct {
			args []string
			code int
		}{
			{[]string{"--data", dir, "check"}, 0},
			{[]string{"help", "import"}, 0},
			{[]string{"--data", dir, "import", filepath.Join(dir, "missing.xlsx")}, 1},
			{[]string{"--data", dir}, 1}, // the window, with no display to open it on
			{[]string{"frobnicate"}, 2},
			{[]string{"help", "frobnicate"}, 2},
			{[]string{"--data", dir, "customers", "--bogus"}, 2},
			{[]string{"--data", dir, "reminders", "--days", "x"}, 2},
		} {
			out, errOut, code := runBinary(t, bin, zh, tc.args...)
			if code != tc.code {
				t.Errorf("%v: exit %d, want %d (stdout %q, stderr %q)", tc.args, code, tc.code, out, errOut)
			}
			if code != 0 && (strings.Count(strings.TrimSpace(errOut), "\n") != 0 || strings.Contains(errOut, "Fyne")) {
				t.Errorf("%v: want one sentence on stderr, got %q", tc.args, errOut)
			}
		}
	})
}
