package sqlite

import (
	"errors"

	"shopcrm/data"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

func init() { data.RegisterFaults(faultOf) }

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
