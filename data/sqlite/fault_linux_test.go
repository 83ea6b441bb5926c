//go:build linux

package sqlite

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"shopcrm/data"
)

// mountTmpfs mounts a small tmpfs at a new folder, or skips the test where mounting is
// not allowed (not root, no CAP_SYS_ADMIN).
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "shopcrm-full-")
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		os.Remove(dir)
		t.Skipf("disk-full test skipped: cannot mount a %s tmpfs here (%v); it needs root or CAP_SYS_ADMIN", size, err)
	}
	t.Cleanup(func() {
		syscall.Unmount(dir, syscall.MNT_DETACH)
		os.Remove(dir)
	})
	return dir
}

func TestDiskFullGivesErrDiskFullAndDamagesNothing(t *testing.T) {
	mnt := mountTmpfs(t, "4m") // an empty archive takes about 1.5 MB with its WAL
	dir := filepath.Join(mnt, "data")
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("open on a 4 MB tmpfs: %v", err)
	}
	ctx := context.Background()
	note := strings.Repeat("很长的备注", 400)
	saved := 0
	for i := 0; i < 2000; i++ {
		err = s.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformTaobao, Nick: "买家" + formatID(int64(i)), Note: note})
		if err != nil {
			break
		}
		saved++
	}
	if !errors.Is(data.Classify(err), data.ErrDiskFull) {
		t.Fatalf("writing to a full disk: got %v, want ErrDiskFull", err)
	}
	if _, err := s.Backup(ctx, data.BackupManual); !errors.Is(err, data.ErrDiskFull) {
		t.Errorf("backup on a full disk: got %v, want ErrDiskFull", err)
	}
	if left, _ := filepath.Glob(filepath.Join(BackupDir(dir), "*")); len(left) != 0 {
		t.Errorf("a failed backup left files behind: %v", left)
	}
	s.Close()
	// The seller frees space; everything saved before is there and whole.
	if err := syscall.Mount("tmpfs", mnt, "tmpfs", syscall.MS_REMOUNT, "size=16m"); err != nil {
		t.Fatal(err)
	}
	s, err = Open(dir)
	if err != nil {
		t.Fatalf("reopen after freeing space: %v", err)
	}
	defer s.Close()
	if _, n, err := s.FindCustomers(ctx, data.CustomerFilter{}); err != nil || n != saved {
		t.Errorf("after disk full: got %d customers (%v), want the %d saved", n, err, saved)
	}
	if _, err := s.Backup(ctx, data.BackupManual); err != nil {
		t.Errorf("backup with room again: %v", err)
	}
}
