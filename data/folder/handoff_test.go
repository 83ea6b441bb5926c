package folder

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestHandOffReachesTheRunningInstance: a file handed over on the same data folder
// reaches the running instance, as an absolute path; with nothing running, or a wrong
// secret, nothing is taken (issue 16, item 11).
func TestHandOffReachesTheRunningInstance(t *testing.T) {
	dir := t.TempDir()
	if err := HandOff(dir, "a.xlsx"); !errors.Is(err, ErrNoHandoff) {
		t.Fatalf("with nothing running: %v", err)
	}
	got := make(chan string, 2)
	h, err := ListenHandoff(dir, func(p string) { got <- p })
	if err != nil {
		t.Fatal(err)
	}
	if err := HandOff(dir, "客户 表.xlsx"); err != nil {
		t.Fatal(err)
	}
	want, _ := filepath.Abs("客户 表.xlsx")
	if p := <-got; p != want {
		t.Errorf("handed %q, want %q", p, want)
	}
	// Someone else's guess at the secret is refused.
	file := filepath.Join(dir, HandoffFileName)
	b, _ := os.ReadFile(file)
	forged := append([]byte{}, b[:len(b)-2]...)
	forged = append(forged, 'x', '\n')
	os.WriteFile(file, forged, 0o600)
	if err := HandOff(dir, "b.xlsx"); !errors.Is(err, ErrNoHandoff) {
		t.Errorf("a wrong secret was let in: %v", err)
	}
	h.Close()
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Error("the hand-off file outlives the instance")
	}
	if err := HandOff(dir, "c.xlsx"); !errors.Is(err, ErrNoHandoff) {
		t.Errorf("after Close: %v", err)
	}
	if len(got) != 0 {
		t.Errorf("taken after refusal: %q", <-got)
	}
}
