package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"

	"shopcrm/data"
)

//go:embed migrations/*.sql
var embeddedMigrations embed.FS

// migrationFS holds the migrations migrate applies: the embedded ones (a test adds
// one to play an archive from the version before).
var migrationFS fs.FS = embeddedMigrations

// migrate applies, in name order, every embedded migration not yet recorded, each in
// its own transaction together with its record.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (
		name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) WITHOUT ROWID`); err != nil {
		return fmt.Errorf("create migrations table: %w", err)
	}
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	known := make(map[string]bool, len(names))
	for _, name := range names {
		known[name] = true
	}
	// A newer version's database is refused before anything is applied to it.
	applied, err := countMigrations(ctx, s.db, known)
	if err != nil {
		return err
	}
	// A migration is written against the whole schema: the indexes an import left
	// for later are created first.
	if applied > 0 && applied < len(names) {
		if err := s.inTx(ctx, func(tx *sql.Tx) error { return createLaterIndexes(ctx, tx) }); err != nil {
			return fmt.Errorf("create indexes: %w", err)
		}
	}
	for _, name := range names {
		if err := s.migrateFile(ctx, name); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
	}
	return nil
}

func (s *Store) migrateFile(ctx context.Context, name string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM migrations WHERE name = ?`, name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		body, err := fs.ReadFile(migrationFS, name)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO migrations (name, applied_at) VALUES (?, ?)`, name, formatTime(s.now()))
		return err
	})
}

// countMigrations counts the migrations recorded in db; one this binary does not know
// gives ErrNewerDatabase.
func countMigrations(ctx context.Context, db *sql.DB, known map[string]bool) (int, error) {
	rows, err := db.QueryContext(ctx, `SELECT name FROM migrations`)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return 0, err
		}
		if !known[name] {
			return 0, data.ErrNewerDatabase
		}
		n++
	}
	return n, rows.Err()
}

// knownMigrations are the names of the migrations this version embeds.
func knownMigrations() (map[string]bool, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	known := make(map[string]bool, len(names))
	for _, n := range names {
		known[n] = true
	}
	return known, nil
}
