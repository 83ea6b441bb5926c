package data

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// DBFileName is the name of the database file inside the data folder.
const DBFileName = "shopcrm.db"

// Store is the SQLite-backed home of all ShopCRM data.
type Store struct {
	db   *sql.DB
	path string
	dir  string
	lock *folderLock // the data folder's one-instance lock, held until Close
	// backupMu lets one backup or restore run at a time.
	backupMu sync.Mutex

	// Now returns the current time; tests replace it to make time rules repeatable.
	Now func() time.Time

	groups groupCache // today's grouping parameters
	// checkedOn is the local day the file last passed quick_check (integrity_marker.go);
	// checkedAtOpen tells whether Open ran it or trusted a clean close the same day.
	checkedOn     string
	checkedAtOpen bool
}

// Open opens (creating when missing) the database in dir and applies pending migrations.
// It takes the folder's one-instance lock (ErrLocked when another ShopCRM has it), and
// checks the file with quick_check: a damaged file gives a *CorruptError (ErrCorrupt)
// and is neither migrated nor written. A read-only folder gives ErrReadOnly.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create data folder: %w", Classify(err))
	}
	if err := probeWritable(dir); err != nil {
		return nil, err
	}
	lock, err := lockFolder(dir)
	if err != nil {
		return nil, err
	}
	s, err := openLocked(dir, lock)
	if err != nil {
		lock.release()
		return nil, err
	}
	return s, nil
}

func openLocked(dir string, lock *folderLock) (*Store, error) {
	path := filepath.Join(dir, DBFileName)
	lastCheck := takeCleanMarker(dir) // before opening: an open database has a WAL beside it
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	s := &Store{db: db, path: path, dir: dir, lock: lock, Now: time.Now}
	ctx := context.Background()
	err = db.Ping()
	if err == nil {
		err = s.checkOnOpen(ctx, lastCheck)
	} else if damaged(err) {
		err = corruptError(dir, err)
	}
	if err == nil {
		err = s.migrate(ctx)
	}
	if err != nil {
		db.Close()
		return nil, Classify(err)
	}
	return s, nil
}

// probeWritable creates and removes a file in dir, so that a read-only folder is
// reported plainly before SQLite half-opens the database.
func probeWritable(dir string) error {
	f, err := os.CreateTemp(dir, ".shopcrm-probe-*")
	if err != nil {
		return fmt.Errorf("write to data folder: %w", Classify(err))
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
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

// Dir is the data folder.
func (s *Store) Dir() string { return s.dir }

// Close closes the database and releases the data folder's lock. A clean close leaves
// a marker that spares a same-day reopen the full integrity check.
func (s *Store) Close() error {
	s.groups.close()
	err := s.db.Close()
	if err == nil {
		writeCleanMarker(s.dir, s.checkedOn)
	}
	s.lock.release()
	return err
}

// now is the store clock in UTC.
func (s *Store) now() time.Time { return s.Now().UTC() }

// inTx runs fn in one immediate transaction: all of it is committed or none.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return runTx(ctx, s.db.BeginTx, fn)
}

// runTx runs fn in a transaction begun by begin (a pool's or one connection's
// BeginTx): all of it is committed or none.
func runTx(ctx context.Context, begin func(context.Context, *sql.TxOptions) (*sql.Tx, error), fn func(tx *sql.Tx) error) error {
	tx, err := begin(ctx, nil)
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
