package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"shopcrm/data"
	"shopcrm/data/folder"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// DBFileName is the name of the database file inside the data folder.
const DBFileName = "shopcrm.db"

// Store is the SQLite-backed home of all ShopCRM data.
type Store struct {
	db   *sql.DB
	path string
	dir  string
	lock *folder.Lock // the data folder's one-instance lock, held until Close
	// backupMu lets one backup or restore run at a time.
	backupMu sync.Mutex

	// Now returns the current time; tests replace it to make time rules repeatable.
	Now func() time.Time

	groups groupCache // today's grouping parameters
	// checkedOn is the local day the file last passed quick_check (integrity_marker.go);
	// checkedAtOpen tells whether Open ran it or trusted a clean close the same day.
	checkedOn     string
	checkedAtOpen bool

	background sync.WaitGroup // work started after a write returned, waited for by Close
	closing    atomic.Bool    // set by Close: background work stops at its next step
}

// Open opens (creating when missing) the database in dir and applies pending migrations.
// It takes the folder's one-instance lock (ErrLocked when another ShopCRM has it), and
// checks the file with quick_check: a damaged file gives a *data.CorruptError (ErrCorrupt)
// and is neither migrated nor written. A read-only folder gives ErrReadOnly.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create data folder: %w", data.Classify(err))
	}
	if err := folder.CheckWritable(dir); err != nil {
		return nil, err
	}
	lock, err := folder.TakeLock(dir)
	if err != nil {
		return nil, err
	}
	s, err := openLocked(dir, lock)
	if err != nil {
		lock.Release()
		return nil, err
	}
	return s, nil
}

func openLocked(dir string, lock *folder.Lock) (*Store, error) {
	path := filepath.Join(dir, DBFileName)
	lastCheck := takeCleanMarker(dir) // before opening: an open database has a WAL beside it
	if err := createFile(path); err != nil {
		return nil, fmt.Errorf("create database: %w", err)
	}
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
	if err == nil {
		err = s.resumeIndexing(ctx)
	}
	if err != nil {
		db.Close()
		return nil, data.Classify(err)
	}
	return s, nil
}

// newFilePageSize is the page size of a new archive. SQLite's default of 4 KiB made a
// 100k-row import some 140,000 reads and writes of single pages, each a system call;
// with 16 KiB pages it is about 50,000, and the import about 0.1 s faster. A lookup
// reads one page either way. An archive created before keeps its page size.
const newFilePageSize = 16384

// createFile creates a missing database file with newFilePageSize pages, in WAL mode.
// The page size is fixed by the first write, and the connection string cannot set it:
// its journal_mode pragma is applied first and writes the file's header.
func createFile(path string) error {
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return nil // there, or not readable: opening it says which
	}
	db, err := sql.Open("sqlite", fileURI(path))
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(1) // both pragmas on the one connection
	for _, p := range []string{fmt.Sprintf(`PRAGMA page_size = %d`, newFilePageSize), `PRAGMA journal_mode = WAL`} {
		if _, err = db.Exec(p); err != nil {
			break
		}
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return data.Classify(err)
}

// fileURI is the SQLite URI of the file at path.
func fileURI(path string) string {
	return "file:" + (&url.URL{Path: path}).EscapedPath()
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
		"cache_size(-4096)", // 4 MB of pages per connection; an import raises it on its own (importPragmas)
	} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	q.Set("_time_format", "sqlite")
	return fileURI(path) + "?" + q.Encode()
}

// Path is the database file's location, shown to the seller in Settings.
func (s *Store) Path() string { return s.path }

// Dir is the data folder.
func (s *Store) Dir() string { return s.dir }

// Close closes the database and releases the data folder's lock. A clean close leaves
// a marker that spares a same-day reopen the full integrity check.
func (s *Store) Close() error {
	s.closing.Store(true)
	s.background.Wait()
	s.groups.close()
	err := s.db.Close()
	if err == nil {
		writeCleanMarker(s.dir, s.checkedOn)
	}
	s.lock.Release()
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

// checkpoint copies the write-ahead log into the database file, after a large write
// whose own connection skipped it (see indexSoon). What is in the log is as safe as
// what is in the file (every commit is synced), and readers and writers go on
// meanwhile; one that fails, or stops short of readers still on older pages, is
// finished by the next commit's automatic checkpoint.
func (s *Store) checkpoint(ctx context.Context) {
	s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`)
}

// Store offers every interface of the domain.
var _ data.Store = (*Store)(nil)
