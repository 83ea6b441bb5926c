package data

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Faults of the disk and the file, told apart so that the seller reads what happened
// and what to do, not a driver message. Check them with errors.Is after Classify.
var (
	// ErrDiskFull means the disk has no room left; nothing was written.
	ErrDiskFull = errors.New("disk is full")
	// ErrReadOnly means the data folder (or the database file) cannot be written.
	ErrReadOnly = errors.New("data folder is read-only")
	// ErrCorrupt means the database file is damaged; see CorruptError for a way back.
	ErrCorrupt = errors.New("database file is damaged")
)

// Classify returns err wrapped with ErrDiskFull, ErrReadOnly or ErrCorrupt when it is
// such a fault underneath (an SQLite result code or an OS errno), else err unchanged.
func Classify(err error) error {
	if err == nil {
		return nil
	}
	for _, sentinel := range []error{ErrDiskFull, ErrReadOnly, ErrCorrupt} {
		if errors.Is(err, sentinel) {
			return err
		}
	}
	if f := faultOf(err); f != nil {
		return fmt.Errorf("%w: %w", f, err)
	}
	return err
}

func faultOf(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_FULL:
			return ErrDiskFull
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM:
			return ErrReadOnly
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return ErrCorrupt
		}
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		switch errno {
		case syscall.ENOSPC:
			return ErrDiskFull
		case syscall.EROFS:
			return ErrReadOnly
		}
	}
	if errors.Is(err, fs.ErrPermission) {
		return ErrReadOnly
	}
	return nil
}

// classifyIOError is Classify for file-system calls of the data folder.
func classifyIOError(err error) error { return Classify(err) }
