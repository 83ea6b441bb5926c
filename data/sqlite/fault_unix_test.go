//go:build unix

package sqlite

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"shopcrm/data"
	"shopcrm/data/folder"
)

// readOnlyChildEnv makes this test binary, re-run, open the folder it names and print
// the outcome (the parent runs it as an unprivileged user when it is root itself).
const readOnlyChildEnv = "SHOPCRM_READONLY_CHILD"

func TestReadOnlyChild(t *testing.T) {
	dir := os.Getenv(readOnlyChildEnv)
	if dir == "" {
		t.Skip("only runs as the child of TestReadOnlyFolderIsRefusedPlainlyAndLeftAlone")
	}
	s, err := Open(dir)
	switch {
	case err == nil:
		s.Close()
		fmt.Println("opened")
	case errors.Is(err, data.ErrReadOnly):
		fmt.Println("readonly")
	default:
		fmt.Println("other:", err)
	}
	os.Exit(0)
}

func TestReadOnlyFolderIsRefusedPlainlyAndLeftAlone(t *testing.T) {
	// A folder others can enter, since the child may run as nobody.
	root, err := os.MkdirTemp("", "shopcrm-ro-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(root, "data"), 0o700); os.RemoveAll(root) })
	os.Chmod(root, 0o755)
	dir := filepath.Join(root, "data")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateCustomer(context.Background(), &data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := folderBytes(t, dir)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{DBFileName, folder.LockFileName} {
		os.Chmod(filepath.Join(dir, f), 0o444)
	}

	cmd := exec.Command(os.Args[0], "-test.run=^TestReadOnlyChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), readOnlyChildEnv+"="+dir)
	if os.Geteuid() == 0 {
		// Root writes through any mode bits: run the child as nobody from a copy of
		// this binary that nobody can execute.
		bin := filepath.Join(root, "child.test")
		copyExecutable(t, os.Args[0], bin)
		cmd.Path, cmd.Args[0] = bin, bin
		cmd.Dir = root
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v (%s)", err, out)
	}
	if got := string(bytes.TrimSpace(lastLine(out))); got != "readonly" {
		t.Fatalf("opening a read-only folder: got %q, want ErrReadOnly", got)
	}
	if after := folderBytes(t, dir); !bytes.Equal(before, after) {
		t.Error("the read-only folder was changed")
	}
}

func lastLine(b []byte) []byte {
	lines := bytes.Split(bytes.TrimSpace(b), []byte("\n"))
	return lines[len(lines)-1]
}

// folderBytes is every file of a folder, concatenated in name order.
func folderBytes(t *testing.T, dir string) []byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var all []byte
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		all = append(append(all, e.Name()...), b...)
	}
	return all
}

func copyExecutable(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
