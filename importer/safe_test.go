package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shopcrm/data"
	"shopcrm/importer/sheet"
)

func TestAPanickingCleanerBecomesAnErrorWithoutTheCell(t *testing.T) {
	feed := make(chan readResult, 1)
	go func() {
		defer close(feed)
		defer recoverRead(feed)
		panic("index out of range on 13912345678")
	}()
	r := <-feed
	if !errors.Is(r.err, sheet.ErrUnreadable) || strings.Contains(r.err.Error(), "13912345678") {
		t.Fatalf("got %v, want ErrUnreadable without the cell", r.err)
	}
	if _, open := <-feed; open {
		t.Error("feed should be closed after the error")
	}
}

func TestImportWithBackupKeepsTheBackupOnlyWhenTheImportRan(t *testing.T) {
	dir := t.TempDir()
	s := newStore(t)
	ctx := context.Background()
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("商品,数量\n龙井,2\n"), 0o600)
	if _, err := ImportWithBackup(ctx, s, bad, Options{}); !errors.Is(err, ErrNoCustomer) {
		t.Fatalf("import without a customer or order number column: got %v", err)
	}
	if list, _ := s.Backups(); len(list) != 0 {
		t.Errorf("a failed import changed nothing; its backup should be gone, got %d", len(list))
	}
	good := filepath.Join(dir, "good.csv")
	os.WriteFile(good, []byte("顾客网名,手机\n小米粒,13800138000\n"), 0o600)
	if _, err := ImportWithBackup(ctx, s, good, Options{DryRun: true}); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Backups(); len(list) != 0 {
		t.Errorf("a dry run writes nothing and needs no backup, got %d", len(list))
	}
	if _, err := ImportWithBackup(ctx, s, good, Options{}); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Backups(); len(list) != 1 || list[0].Kind != data.BackupImport {
		t.Errorf("a real import should be preceded by one backup, got %v", list)
	}
}
