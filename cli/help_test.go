package cli

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shopcrm/i18n"
)

// Every command in the table has its one line in both languages, so a command added
// later gets help (and a missing translation fails here, not in front of a seller).
func TestEveryCommandHasItsHelpLineInBothLanguages(t *testing.T) {
	for _, locale := range []string{"zh_Hans", "en"} {
		words, err := i18n.Bundle(locale)
		if err != nil {
			t.Fatal(err)
		}
		for name := range commands {
			if line := words["cli.help.cmd."+name]; line == "" || strings.Contains(line, "\n") {
				t.Errorf("%s: command %q needs one line under cli.help.cmd.%s, got %q", locale, name, name, line)
			}
		}
	}
}

// help, --help, -h and -help all print the whole help on stdout: every command of the
// table with its one line and every one of its flags, and the common flags.
func TestHelpListsEveryCommandWithItsFlags(t *testing.T) {
	for _, call := range [][]string{{"help"}, {"--help"}, {"-h"}, {"-help"}, {"--data", t.TempDir(), "--help"}} {
		out, errOut, code := run(t, call...)
		if code != exitOK || errOut != "" {
			t.Fatalf("%v: exit %d, stderr %q", call, code, errOut)
		}
		for name := range commands {
			assertListed(t, call, out, name, commandFlags(name))
		}
		for _, f := range commonFlags() {
			if !strings.Contains(out, "--"+f.Name) {
				t.Errorf("%v: common flag --%s is not listed", call, f.Name)
			}
		}
		if strings.Contains(out, "cli.") {
			t.Errorf("%v: an untranslated key in the help:\n%s", call, out)
		}
		if strings.Contains(out, "）（") || strings.Contains(out, ") (") {
			t.Errorf("%v: two brackets in a row (a default belongs inside the usage's own):\n%s", call, out)
		}
	}
}

// assertListed checks that name's line (with its description) is in out, followed by
// each of its flags.
func assertListed(t *testing.T, call []string, out, name string, flags []*flag.Flag) {
	t.Helper()
	at := -1
	for i, line := range strings.Split(out, "\n") {
		fields := strings.Fields(line)
		if len(fields) > 0 && fields[0] == name && strings.Contains(line, description(name)) {
			at = i
		}
	}
	if at < 0 {
		t.Errorf("%v: command %s is not listed with its line:\n%s", call, name, out)
		return
	}
	for _, f := range flags {
		if !strings.Contains(out, "--"+f.Name+" ") && !strings.Contains(out, "--"+f.Name+"\n") {
			t.Errorf("%v: %s's flag --%s is not listed", call, name, f.Name)
		}
	}
}

// "help CMD", "CMD --help" and "CMD -h" print that command's help: how to call it,
// its line, its flags and the common ones; nothing of the other commands.
func TestCommandHelp(t *testing.T) {
	for name := range commands {
		for _, call := range [][]string{{"help", name}, {name, "--help"}, {name, "-h"}, {name, "--data", t.TempDir(), "--help"}} {
			out, errOut, code := run(t, call...)
			if code != exitOK || errOut != "" {
				t.Fatalf("%v: exit %d, stderr %q", call, code, errOut)
			}
			if first := strings.SplitN(out, "\n", 2)[0]; !strings.Contains(first, "shopcrm "+name) {
				t.Errorf("%v: first line %q does not say how to call it", call, first)
			}
			if !strings.Contains(out, description(name)) {
				t.Errorf("%v: the command's line is missing:\n%s", call, out)
			}
			for _, f := range append(commandFlags(name), commonFlags()...) {
				if !strings.Contains(out, "--"+f.Name) {
					t.Errorf("%v: flag --%s is not listed", call, f.Name)
				}
			}
		}
	}
}

// A command added to the table is in the help with its flags, with no help code of its own.
func TestANewCommandGetsHelpForFree(t *testing.T) {
	commands["zz-later"] = command{flags: func(fs *flag.FlagSet) func(context.Context, *env) error {
		fs.Int("zz-count", 7, "how many")
		return nil
	}}
	defer delete(commands, "zz-later")
	out, _, _ := run(t, "help")
	if !strings.Contains(out, "zz-later") || !strings.Contains(out, "--zz-count N") || !strings.Contains(out, "how many（默认 7）") {
		t.Errorf("the new command is not in the help with its flag:\n%s", out)
	}
}

// --data (and --format) work before the command's name as well as after it.
func TestCommonFlagsBeforeOrAfterTheCommand(t *testing.T) {
	dir := t.TempDir()
	if _, errOut, code := run(t, "--data", dir, "demo", "--customers", "4", "--trades", "6", "--seed", "3"); code != exitOK {
		t.Fatalf("--data before demo: exit %d: %s", code, errOut)
	}
	for _, call := range [][]string{
		{"--data", dir, "customers", "--format", "csv"},
		{"--data=" + dir, "--format=csv", "customers"},
		{"-data", dir, "-format", "csv", "customers"},
		{"customers", "--data", dir, "--format", "csv"},
		{"--format", "csv", "customers", "--data", dir},
	} {
		if rows := runCSV(t, call...); len(rows) != 5 {
			t.Errorf("%v: %d rows, want the header and 4 customers", call, len(rows))
		}
	}
	// After the command, a value given again wins over the one before it.
	if rows := runCSV(t, "--data", t.TempDir(), "customers", "--data", dir, "--format", "csv"); len(rows) != 5 {
		t.Errorf("the later --data did not win: %d rows", len(rows))
	}
}

// Exit codes: 0 done, 1 failed, 2 wrong call; a wrong call says in one sentence what
// was wrong and where the help is, and prints nothing on stdout.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	notAFolder := filepath.Join(dir, "file")
	if err := os.WriteFile(notAFolder, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"check", "--data", dir}, exitOK, ""},
		{[]string{"help"}, exitOK, ""},
		{[]string{"import", filepath.Join(dir, "missing.xlsx"), "--data", dir}, exitFailed, "找不到这个文件"},
		{[]string{"customers", "--data", notAFolder}, exitFailed, "无法打开数据"},
		{[]string{}, exitWrongCall, "用法："},
		{[]string{"frobnicate"}, exitWrongCall, "未知命令「frobnicate」"},
		{[]string{"help", "frobnicate"}, exitWrongCall, "未知命令「frobnicate」"},
		{[]string{"--bogus", "customers"}, exitWrongCall, "没有 --bogus 这个参数。查看用法：shopcrm help"},
		{[]string{"customers", "--bogus", "--data", dir}, exitWrongCall, "没有 --bogus 这个参数。查看用法：shopcrm help customers"},
		{[]string{"customers", "--data"}, exitWrongCall, "--data 后面要写一个值"},
		{[]string{"--data"}, exitWrongCall, "--data 后面要写一个值"},
		{[]string{"reminders", "--days", "x", "--data", dir}, exitWrongCall, "--days 的值写得不对。查看用法：shopcrm help reminders"},
		{[]string{"customers", "--format", "xml", "--data", dir}, exitWrongCall, "不支持的格式「xml」"},
		{[]string{"export", "--data", dir}, exitWrongCall, "用法：shopcrm export"},
	} {
		out, errOut, code := run(t, tc.args...)
		if code != tc.code || !strings.Contains(errOut+out, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d with %q", tc.args, code, errOut, tc.code, tc.want)
		}
		if tc.code == exitWrongCall && len(tc.args) > 0 && (out != "" || strings.Count(strings.TrimSpace(errOut), "\n") > 0) {
			t.Errorf("%v: want one sentence on stderr and nothing on stdout, got %q / %q", tc.args, out, errOut)
		}
	}
}

// Window: the window is for no command at all, with at most --data and a sheet to
// open; everything else is Run's.
func TestWindowOrCommand(t *testing.T) {
	dir := t.TempDir()
	sheet := filepath.Join(dir, "客户.xlsx")
	if err := os.WriteFile(sheet, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args       []string
		window     bool
		data, file string
	}{
		{nil, true, "", ""},
		{[]string{"--data", dir}, true, dir, ""},
		{[]string{"--data=" + dir}, true, dir, ""},
		{[]string{sheet}, true, "", sheet},
		{[]string{sheet, "--data", dir}, true, dir, sheet},
		{[]string{"--data", dir, sheet}, true, dir, sheet},
		{[]string{"--data", dir, "customers"}, false, "", ""},
		{[]string{"customers", "--data", dir}, false, "", ""},
		{[]string{"help"}, false, "", ""},
		{[]string{"--help"}, false, "", ""},
		{[]string{"-h"}, false, "", ""},
		{[]string{"frobnicate"}, false, "", ""},
		{[]string{dir}, false, "", ""}, // a folder is no sheet
		{[]string{"--bogus"}, false, "", ""},
		{[]string{"--data"}, false, "", ""},
		{[]string{sheet, sheet}, false, "", ""},
	} {
		data, file, window := Window(tc.args)
		if window != tc.window || data != tc.data || file != tc.file {
			t.Errorf("Window(%q) = %q, %q, %v; want %q, %q, %v", tc.args, data, file, window, tc.data, tc.file, tc.window)
		}
	}
}
