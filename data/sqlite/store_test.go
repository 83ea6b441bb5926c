package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"shopcrm/data"
)

// openTestStore opens a real store on a temp file with a fixed clock.
func openTestStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	s.Now = func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenMigratesEmptyFileAndReopenIsNoOp(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("open empty: %v", err)
	}
	ctx := context.Background()
	if got, want := s.Path(), filepath.Join(dir, DBFileName); got != want {
		t.Errorf("path: got %q, want %q", got, want)
	}
	var tiers, migrations int
	s.db.QueryRow(`SELECT count(*) FROM tiers`).Scan(&tiers)
	s.db.QueryRow(`SELECT count(*) FROM migrations`).Scan(&migrations)
	if tiers != 5 || migrations == 0 {
		t.Fatalf("after migrate: got %d tiers, %d migrations, want 5 and ≥1", tiers, migrations)
	}
	c := &data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒"}
	if err := s.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s2, err := Open(dir)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s2.Close()
	var migrations2 int
	s2.db.QueryRow(`SELECT count(*) FROM migrations`).Scan(&migrations2)
	if migrations2 != migrations {
		t.Errorf("reopen applied migrations again: got %d, want %d", migrations2, migrations)
	}
	if _, err := s2.FindCustomerByID(ctx, c.ID); err != nil {
		t.Errorf("customer lost on reopen: %v", err)
	}
}

// TestNewArchiveHasLargePagesOldKeepsItsOwn: a new archive gets newFilePageSize
// pages in WAL mode; an archive made with SQLite's default 4 KiB pages opens, works
// and keeps them.
func TestNewArchiveHasLargePagesOldKeepsItsOwn(t *testing.T) {
	pageSize := func(s *Store) (size int, mode string) {
		t.Helper()
		if err := s.db.QueryRow(`PRAGMA page_size`).Scan(&size); err != nil {
			t.Fatal(err)
		}
		if err := s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil {
			t.Fatal(err)
		}
		return size, mode
	}
	if size, mode := pageSize(openTestStore(t)); size != newFilePageSize || mode != "wal" {
		t.Errorf("new archive: %d-byte pages, journal %s; want %d, wal", size, mode, newFilePageSize)
	}

	dir := t.TempDir()
	old, err := sql.Open("sqlite", fileURI(filepath.Join(dir, DBFileName)))
	if err != nil {
		t.Fatal(err)
	}
	old.SetMaxOpenConns(1)
	if _, err := old.Exec(`PRAGMA page_size = 4096; PRAGMA journal_mode = WAL`); err != nil {
		t.Fatal(err)
	}
	old.Close()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.CreateCustomer(context.Background(), &data.Customer{Platform: data.PlatformTaobao, Nick: "老档案"}); err != nil {
		t.Fatal(err)
	}
	if size, mode := pageSize(s); size != 4096 || mode != "wal" {
		t.Errorf("older archive: %d-byte pages, journal %s; want 4096, wal", size, mode)
	}
}

func TestOpenSetsPragmasOnEveryConnection(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	// Hold several connections at once so the pool has to open more than one.
	var conns []interface{ Close() error }
	for i := 0; i < 3; i++ {
		conn, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, conn)
		var fk, sync int
		var mode string
		conn.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk)
		conn.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&sync)
		conn.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode)
		if fk != 1 || sync != 2 || mode != "wal" {
			t.Errorf("conn %d: foreign_keys=%d synchronous=%d journal=%s, want 1, 2 (FULL), wal", i, fk, sync, mode)
		}
	}
	for _, c := range conns {
		c.Close()
	}
}

func TestOpenRefusesDatabaseFromNewerVersion(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec(`INSERT INTO migrations (name, applied_at) VALUES ('migrations/9999_future.sql', '2030-01-01 00:00:00')`)
	s.Close()
	if _, err := Open(dir); !errors.Is(err, data.ErrNewerDatabase) {
		t.Errorf("got %v, want ErrNewerDatabase", err)
	}
}
