package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"

	"shopcrm/data"
)

// errCheckFailed carries the first line quick_check reported (page numbers, never data).
var errCheckFailed = errors.New("integrity check failed")

// quickCheck runs PRAGMA quick_check on db: nil when the file is whole.
func quickCheck(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `PRAGMA quick_check`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return err
		}
		if line != "ok" && len(problems) < 3 {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w: %s", errCheckFailed, strings.Join(problems, "; "))
	}
	return nil
}

// Check runs SQLite's quick_check on the open database: nil when it is whole.
func (s *Store) Check(ctx context.Context) error {
	if err := quickCheck(ctx, s.db); err != nil {
		return &data.CorruptError{Dir: s.dir, Cause: err}
	}
	return nil
}

// damaged reports whether an error from opening or checking a database means the file
// itself is broken (as opposed to missing rights or room).
func damaged(err error) bool {
	return errors.Is(err, errCheckFailed) || errors.Is(data.Classify(err), data.ErrCorrupt)
}

// checkOnOpen runs quick_check on a freshly opened store and turns a failure into a
// data.CorruptError offering the newest good backup. It is skipped only when the store was
// closed cleanly earlier the same day and the file is untouched since (cleanMarker).
// lastCheck is the day takeCleanMarker reported before the database was opened.
func (s *Store) checkOnOpen(ctx context.Context, lastCheck string) error {
	today := localDay(s.Now())
	if lastCheck == today {
		s.checkedOn = today
		return nil
	}
	s.checkedAtOpen = true
	err := quickCheck(ctx, s.db)
	if err == nil {
		s.checkedOn = today
		return nil
	}
	if !damaged(err) {
		return data.Classify(err)
	}
	return corruptError(s.dir, err)
}

func corruptError(dir string, cause error) error {
	ce := &data.CorruptError{Dir: dir, Cause: cause}
	if b, err := NewestGoodBackup(dir); err == nil {
		ce.Backup = b
	}
	return ce
}

// fileExists reports whether path names an existing file.
func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
