package i18n

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
	"shopcrm/data/folder"
)

// safetyMessage translates the data-safety faults: a damaged file, another instance,
// a full disk, a read-only folder, a wrong app password.
func safetyMessage(err error) (string, bool) {
	err = data.Classify(err)
	var ce *data.CorruptError
	switch {
	case errors.As(err, &ce) && ce.Backup != nil:
		return lang.L("error.corrupt.backup", map[string]any{"When": ce.Backup.At.Local().Format("2006-01-02 15:04")}), true
	case errors.Is(err, data.ErrCorrupt):
		return lang.L("error.corrupt"), true
	case errors.Is(err, data.ErrLocked):
		return lang.L("error.locked"), true
	case errors.Is(err, data.ErrDiskFull):
		return lang.L("error.disk_full"), true
	case errors.Is(err, data.ErrReadOnly):
		return lang.L("error.read_only"), true
	case errors.Is(err, data.ErrWrongPassword):
		return lang.L("error.wrong_app_password"), true
	}
	return "", false
}

// BackupKind is the translated reason a backup was taken.
func BackupKind(k data.BackupKind) string {
	if key := "backup.kind." + string(k); known[key] {
		return lang.L(key)
	}
	return string(k)
}

// SyncedFolderWarning warns that the data folder is in a synced folder or on a network
// share (where is a service name or folder.Network).
func SyncedFolderWarning(where string) string {
	if where == folder.Network {
		return lang.L("warning.network_folder")
	}
	return lang.L("warning.synced_folder", map[string]any{"Service": where})
}

// FileSize shows a byte count the way a file manager does (KB, MB, GB of 1024).
func FileSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// AuditAction describes an audit log entry in words: the action and its row count.
// An action this version does not know (written by a newer one) reads as "another
// action" with its count, never as its key.
func AuditAction(action data.AuditAction, count int) string {
	args := map[string]any{"Count": count}
	if key := "audit.action." + string(action); known[key] {
		return lang.L(key, args)
	}
	return lang.L("audit.action.other", args)
}
