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

// engineFaults name the faults in a storage engine's own errors (SQLite result
// codes, …). An engine adds its reader with RegisterFaults when it is linked in, the
// way a database/sql driver registers itself, so that Classify — and the messages
// that use it — need not import the engine.
var engineFaults []func(error) error

// RegisterFaults adds a reader of an engine's errors to Classify: it returns
// ErrDiskFull, ErrReadOnly, ErrCorrupt or nil. Call it from the engine's init.
func RegisterFaults(fault func(error) error) { engineFaults = append(engineFaults, fault) }

// Classify returns err wrapped with ErrDiskFull, ErrReadOnly or ErrCorrupt when it is
// such a fault underneath (an engine's result code or an OS errno), else err unchanged.
func Classify(err error) error {
	if err == nil {
		return nil
	}
	for _, sentinel := range []error{ErrDiskFull, ErrReadOnly, ErrCorrupt} {
		if errors.Is(err, sentinel) {
			return err
		}
	}
	for _, fault := range engineFaults {
		if f := fault(err); f != nil {
			return fmt.Errorf("%w: %w", f, err)
		}
	}
	return ClassifyIO(err)
}

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
