package data

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
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

// ClassifyIO is Classify for file-system calls of the data folder: the OS errno part.
func ClassifyIO(err error) error {
	if err == nil {
		return nil
	}
	if f := ioFault(err); f != nil && !errors.Is(err, f) {
		return fmt.Errorf("%w: %w", f, err)
	}
	return err
}

// ioFault is the fault an OS error stands for, or nil.
func ioFault(err error) error {
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
