package sqlite

import (
	"errors"
	"fmt"

	"shopcrm/data"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Classify returns err wrapped with ErrDiskFull, ErrReadOnly or ErrCorrupt when it is
// such a fault underneath (an SQLite result code or an OS errno), else err unchanged.
func Classify(err error) error {
	if err == nil {
		return nil
	}
	for _, sentinel := range []error{data.ErrDiskFull, data.ErrReadOnly, data.ErrCorrupt} {
		if errors.Is(err, sentinel) {
			return err
		}
	}
	if f := faultOf(err); f != nil {
		return fmt.Errorf("%w: %w", f, err)
	}
	return data.ClassifyIO(err)
}

// faultOf is the fault an SQLite result code stands for, or nil.
func faultOf(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_FULL:
			return data.ErrDiskFull
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM:
			return data.ErrReadOnly
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return data.ErrCorrupt
		}
	}
	return nil
}
