package i18n

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"shopcrm/data"
	"shopcrm/data/sqlite"
)

func TestSafetyFaultsReadAsPlainSentences(t *testing.T) {
	if err := Use(Chinese); err != nil {
		t.Fatal(err)
	}
	backup := &data.BackupInfo{At: time.Date(2026, 11, 20, 1, 0, 0, 0, time.UTC)}
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"disk full from the OS", fmt.Errorf("backup: %w", syscall.ENOSPC), "磁盘空间已满"},
		{"read-only folder", fmt.Errorf("write to data folder: %w", syscall.EROFS), "数据文件夹是只读的"},
		{"second instance", data.ErrLocked, "已经在运行"},
		{"damaged, no backup", &data.CorruptError{}, "请从备份恢复"},
		{"damaged, with a backup", &data.CorruptError{Backup: backup}, "最近一份完好的备份"},
		{"wrong app password", data.ErrWrongPassword, "密码不正确"},
		{"newer database", data.ErrNewerDatabase, "更新版本"},
	} {
		if got := Message(tc.err); !strings.Contains(got, tc.want) {
			t.Errorf("%s: got %q, want it to say %q", tc.name, got, tc.want)
		}
	}
}

func TestRestoringAMissingBackupSaysTheFileIsMissing(t *testing.T) {
	if err := Use(Chinese); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	err = s.Restore(context.Background(), s.Path()+"-missing")
	s.Close()
	if err == nil || errors.Is(err, data.ErrCorrupt) {
		t.Fatalf("restoring a missing file: got %v", err)
	}
	if got := Message(err); !strings.Contains(got, "找不到这个文件") {
		t.Errorf("restoring a missing file: got %q", got)
	}
}
