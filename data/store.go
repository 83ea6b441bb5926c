package data

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// DBFileName is the name of the database file inside the data folder.
const DBFileName = "shopcrm.db"

// Store is the SQLite-backed home of all ShopCRM data.
type Store struct {
	db   *sql.DB
	path string

	// Now returns the current time; tests replace it to make time rules repeatable.
	Now func() time.Time

	groups groupCache // today's grouping parameters
}

// Open opens (creating when missing) the database in dir and applies pending migrations.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create data folder: %w", err)
	}
	path := filepath.Join(dir, DBFileName)
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	s := &Store{db: db, path: path, Now: time.Now}
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database: %w", err)
	}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// dsn builds the connection string. Pragmas travel in the DSN so that every pooled
// connection gets them, not only the one an Exec happened to run on.
func dsn(path string) string {
	q := url.Values{}
	for _, p := range []string{
		"foreign_keys(1)",
		"journal_mode(WAL)",
		"synchronous(FULL)",
		"busy_timeout(5000)",
		"cache_size(-16384)", // 16 MB of pages in memory (the default 2 MB spills an import to the WAL early)
	} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	q.Set("_time_format", "sqlite")
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Path is the database file's location, shown to the seller in Settings.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	s.groups.close()
	return s.db.Close()
}

// now is the store clock in UTC.
func (s *Store) now() time.Time { return s.Now().UTC() }

// inTx runs fn in one immediate transaction: all of it is committed or none.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// DefaultDir is the data folder: $SHOPCRM_DATA when set, else the app's own folder
// under the user's config directory (never Documents or a synced folder).
func DefaultDir() (string, error) {
	if d := os.Getenv("SHOPCRM_DATA"); d != "" {
		return d, nil
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the user config folder: %w", err)
	}
	return filepath.Join(base, "ShopCRM"), nil
}
