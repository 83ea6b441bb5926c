package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
)

// inPageSize returns path, or, when the backup's pages are another size than the
// archive's (earlier versions made 4 KiB pages, today's archives 16 KiB), a copy of
// it rewritten with the archive's page size: SQLite's backup API cannot change the
// page size of a WAL database, so such a backup could not be restored at all. The
// copy is made beside the archive and removed by done; the backup itself is never
// written.
func (s *Store) inPageSize(ctx context.Context, path string) (copyPath string, done func(), err error) {
	var want, have int
	if err := s.db.QueryRowContext(ctx, `PRAGMA page_size`).Scan(&want); err != nil {
		return "", nil, err
	}
	if have, err = pageSize(ctx, path); err != nil || have == want {
		return path, func() {}, err
	}
	tmp := filepath.Join(s.dir, DBFileName+".restore-pages")
	done = func() {
		for _, suffix := range []string{"", "-journal", "-wal", "-shm"} {
			os.Remove(tmp + suffix)
		}
	}
	done()
	if err := copyFile(path, tmp); err != nil {
		done()
		return "", nil, err
	}
	if err := rewritePages(ctx, tmp, want); err != nil {
		done()
		return "", nil, err
	}
	return tmp, done, nil
}

// pageSize is the page size of the database file at path, read without writing it.
func pageSize(ctx context.Context, path string) (int, error) {
	db, err := sql.Open("sqlite", readOnlyDSN(path))
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var n int
	err = db.QueryRowContext(ctx, `PRAGMA page_size`).Scan(&n)
	return n, err
}

// rewritePages rewrites the database file at path with pages of size bytes (VACUUM
// in rollback-journal mode is what may change a page size).
func rewritePages(ctx context.Context, path string, size int) error {
	db, err := sql.Open("sqlite", fileURI(path))
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // the pragmas and the VACUUM on one connection
	for _, q := range []string{`PRAGMA journal_mode = DELETE`, fmt.Sprintf(`PRAGMA page_size = %d`, size), `VACUUM`} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return db.Close()
}
