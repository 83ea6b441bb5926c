package sqlite

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"shopcrm/data"
)

func TestSecondOpenOfTheSameFolderIsRefusedUntilTheFirstCloses(t *testing.T) {
	dir := t.TempDir()
	first, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir); !errors.Is(err, data.ErrLocked) {
		t.Fatalf("second open: got %v, want ErrLocked", err)
	}
	first.Close()
	again, err := Open(dir)
	if err != nil {
		t.Fatalf("open after close: %v", err)
	}
	again.Close()
}

func TestBackupIsVerifiedListedAndRestoresRoundTrip(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	c := &data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒", Phone: "13800138000"}
	if err := s.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	b, err := s.Backup(ctx, data.BackupManual)
	if err != nil {
		t.Fatalf("backup: %v", err)
	}
	if b.Size == 0 || b.Kind != data.BackupManual || filepath.Dir(b.Path) != BackupDir(s.Dir()) {
		t.Fatalf("backup info: got %+v", b)
	}
	if err := VerifyBackup(ctx, b.Path); err != nil {
		t.Fatalf("verify: %v", err)
	}
	if err := s.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformJD, Nick: "后来的"}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteCustomer(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return time.Date(2026, 11, 23, 9, 5, 0, 0, time.UTC) }
	if err := s.Restore(ctx, b.Path); err != nil {
		t.Fatalf("restore: %v", err)
	}
	_, n, err := s.FindCustomers(ctx, data.CustomerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.FindCustomerByNick(ctx, data.PlatformTaobao, "小米粒")
	if n != 1 || err != nil || got.Phone != "13800138000" {
		t.Fatalf("after restore: got %d customers, %v, %v; want only the backed-up one", n, got, err)
	}
	if hits, _, _ := s.FindCustomers(ctx, data.CustomerFilter{Query: "小米粒"}); len(hits) != 1 {
		t.Errorf("search after restore: got %d hits, want 1", len(hits))
	}
	list, _ := s.Backups()
	if len(list) != 2 || list[0].Kind != data.BackupRestore {
		t.Fatalf("backups after restore: got %v, want the manual one and the state before the restore", list)
	}
	log, _ := s.FindAuditLog(ctx, 10)
	if len(log) == 0 || log[0].Action != "backup.restore" {
		t.Errorf("audit: got %v, want a restore entry first", log)
	}
	// The state before the restore can itself be restored: nothing is ever lost.
	if err := s.Restore(ctx, list[0].Path); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FindCustomerByNick(ctx, data.PlatformJD, "后来的"); err != nil {
		t.Errorf("undoing the restore: %v", err)
	}
}

func TestRotationKeepsSevenDailyFourWeeklyAndTenOfEachOperationKind(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	start := time.Date(2026, 8, 1, 1, 0, 0, 0, time.UTC)
	for d := 0; d < 60; d++ { // two months of daily backups
		at := start.AddDate(0, 0, d)
		s.Now = func() time.Time { return at }
		if _, err := s.Backup(ctx, data.BackupDaily); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 14; i++ {
		at := start.AddDate(0, 2, 0).Add(time.Duration(i) * time.Minute)
		s.Now = func() time.Time { return at }
		for _, k := range []data.BackupKind{data.BackupImport, data.BackupManual} {
			if _, err := s.Backup(ctx, k); err != nil {
				t.Fatal(err)
			}
		}
	}
	list, err := s.Backups()
	if err != nil {
		t.Fatal(err)
	}
	count := map[data.BackupKind]int{}
	weeks := map[int]bool{}
	for _, b := range list {
		count[b.Kind]++
		if b.Kind == data.BackupDaily {
			_, w := b.At.Local().ISOWeek()
			weeks[w] = true
		}
	}
	if count[data.BackupDaily] != keepDaily+keepWeekly || count[data.BackupImport] != keepOperation || count[data.BackupManual] != keepManual {
		t.Fatalf("kept: got %v, want %d daily, %d import, %d manual", count, keepDaily+keepWeekly, keepOperation, keepManual)
	}
	if newest := list[0]; newest.Kind == data.BackupDaily {
		t.Errorf("newest backup should be an operation one, got %v", newest)
	}
	if len(weeks) < keepWeekly+1 {
		t.Errorf("daily backups span %d weeks, want at least %d", len(weeks), keepWeekly+1)
	}
}

func TestDailyBackupRunsOncePerDay(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	first, err := s.DailyBackup(ctx)
	if err != nil || first == nil {
		t.Fatalf("first start of the day: got %v, %v, want a backup", first, err)
	}
	if again, err := s.DailyBackup(ctx); err != nil || again != nil {
		t.Fatalf("second start the same day: got %v, %v, want none", again, err)
	}
	s.Now = func() time.Time { return time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC) }
	if next, err := s.DailyBackup(ctx); err != nil || next == nil {
		t.Fatalf("next day: got %v, %v, want a backup", next, err)
	}
}

func TestDamagedFileIsDetectedOnOpenAndTheNewestGoodBackupOffered(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := s.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒"}); err != nil {
		t.Fatal(err)
	}
	good, err := s.Backup(ctx, data.BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 300; i++ { // enough pages that damage lands inside a table
		if err := s.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformJD, Nick: "买家" + formatID(int64(i)), Address: "浙江省杭州市西湖区文三路 100 号"}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	// A broken backup, newer than the good one, must be passed over.
	bad := filepath.Join(BackupDir(dir), "shopcrm-29990101-000000-daily.db")
	if err := os.WriteFile(bad, []byte("not a database at all"), 0o600); err != nil {
		t.Fatal(err)
	}
	damageFile(t, filepath.Join(dir, DBFileName))

	_, err = Open(dir)
	var ce *data.CorruptError
	if !errors.As(err, &ce) || !errors.Is(err, data.ErrCorrupt) {
		t.Fatalf("open damaged: got %v, want a data.CorruptError", err)
	}
	if ce.Backup == nil || ce.Backup.Path != good.Path {
		t.Fatalf("offered backup: got %+v, want %s", ce.Backup, good.Path)
	}
	if err := RestoreDamaged(ctx, dir, ce.Backup.Path); err != nil {
		t.Fatalf("restore damaged: %v", err)
	}
	s, err = Open(dir)
	if err != nil {
		t.Fatalf("open after restore: %v", err)
	}
	defer s.Close()
	if _, n, _ := s.FindCustomers(ctx, data.CustomerFilter{}); n != 1 {
		t.Errorf("after restore: got %d customers, want the 1 of the backup", n)
	}
	kept, _ := filepath.Glob(filepath.Join(dir, DBFileName+".damaged-*"))
	if len(kept) == 0 {
		t.Errorf("the damaged file should be kept aside for support")
	}
}

// damageFile overwrites the middle pages of a database with noise, as a failing disk
// or a half-synced copy would.
func damageFile(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 8*4096 {
		t.Fatalf("database too small to damage: %d bytes", len(b))
	}
	for i := 2 * 4096; i < len(b)-4096; i += 7 {
		b[i] ^= 0x5a
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestNewerDatabaseIsRefusedBeforeAnyMigrationRuns(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec(`INSERT INTO migrations (name, applied_at) VALUES ('migrations/9999_future.sql', '2030-01-01 00:00:00')`)
	s.db.Exec(`DELETE FROM migrations WHERE name = 'migrations/0001_init.sql'`)
	s.Close()
	if _, err := Open(dir); !errors.Is(err, data.ErrNewerDatabase) {
		t.Fatalf("open: got %v, want ErrNewerDatabase", err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, DBFileName))
	if len(b) == 0 {
		t.Fatal("database vanished")
	}
}

func TestBackupBeforeKeepsTheBackupOnlyWhenTheOperationChangedSomething(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	failed := errors.New("merge failed")
	if err := s.BackupBefore(ctx, data.BackupMerge, func() error { return failed }); !errors.Is(err, failed) {
		t.Fatalf("got %v, want the operation's error", err)
	}
	if list, _ := s.Backups(); len(list) != 0 {
		t.Fatalf("a failed operation changed nothing; got %d backups, want 0", len(list))
	}
	ran := false
	if err := s.BackupBefore(ctx, data.BackupBulkDelete, func() error { ran = true; return nil }); err != nil || !ran {
		t.Fatalf("got %v (ran %v)", err, ran)
	}
	if list, _ := s.Backups(); len(list) != 1 || list[0].Kind != data.BackupBulkDelete {
		t.Fatalf("got %v, want one bulk-delete backup", list)
	}
}
