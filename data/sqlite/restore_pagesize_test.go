package sqlite

import (
	"context"
	"fmt"
	"testing"

	"shopcrm/data"
)

// TestRestoreTakesABackupOfAnyPageSize: archives made by earlier versions have 4 KiB
// pages, today's 16 KiB; SQLite's backup API refuses to copy between page sizes into a
// WAL database, so a seller could not restore an older backup (it failed as
// "read-only"). Every page size restores, whole.
func TestRestoreTakesABackupOfAnyPageSize(t *testing.T) {
	for _, size := range []int{1024, 4096, newFilePageSize, 65536} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			ctx := context.Background()
			s := openTestStore(t)
			if err := s.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒"}); err != nil {
				t.Fatal(err)
			}
			b, err := s.Backup(ctx, data.BackupManual)
			if err != nil {
				t.Fatal(err)
			}
			setPageSize(t, b.Path, size)
			if err := s.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformJD, Nick: "后来的"}); err != nil {
				t.Fatal(err)
			}
			if err := s.Restore(ctx, b.Path); err != nil {
				t.Fatalf("restore a backup of %d-byte pages: %v", size, err)
			}
			cs, n, err := s.FindCustomers(ctx, data.CustomerFilter{})
			if err != nil || n != 1 || cs[0].Nick != "小米粒" {
				t.Fatalf("after restore: %d customers (%v), want only the backed-up one", n, err)
			}
			var ok string
			if err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
				t.Errorf("integrity after restore: %q, %v", ok, err)
			}
		})
	}
}

// setPageSize rewrites the database file at path with pages of size bytes.
func setPageSize(t *testing.T, path string, size int) {
	t.Helper()
	ctx := context.Background()
	if err := rewritePages(ctx, path, size); err != nil {
		t.Fatal(err)
	}
	if got, err := pageSize(ctx, path); err != nil || got != size {
		t.Fatalf("page size %d (%v), want %d", got, err, size)
	}
}
