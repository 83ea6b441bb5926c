package data

import (
	"fmt"
	"path/filepath"
	"time"
)

// BackupKind says why a backup was made; it decides how long the backup is kept.
type BackupKind string

// Backup kinds. Daily ones keep 7 days plus one a week for 4 weeks; the seller's own
// (manual) keep the last 10; those taken before an operation keep the last 10.
const (
	BackupDaily      BackupKind = "daily"
	BackupManual     BackupKind = "manual"
	BackupImport     BackupKind = "import"
	BackupRevert     BackupKind = "revert"
	BackupMerge      BackupKind = "merge"
	BackupBulkDelete BackupKind = "delete"
	BackupRestore    BackupKind = "restore" // the state just before a restore
)

// BackupInfo describes one backup file.
type BackupInfo struct {
	Path string
	Kind BackupKind
	At   time.Time // when it was taken (UTC)
	Size int64     // bytes
}

// Name is the backup's file name.
func (b *BackupInfo) Name() string { return filepath.Base(b.Path) }

// CorruptError is returned by a store's Open when the file fails its integrity check.
// The damaged file is left untouched; Backup names the newest backup that passes the
// check (nil when there is none), which the store can put in its place.
type CorruptError struct {
	Dir    string
	Backup *BackupInfo
	Cause  error // the check's own error
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("database file is damaged: %v", e.Cause)
}

// Is makes errors.Is(err, ErrCorrupt) true.
func (e *CorruptError) Is(target error) bool { return target == ErrCorrupt }

// Unwrap gives the check's own error.
func (e *CorruptError) Unwrap() error { return e.Cause }
