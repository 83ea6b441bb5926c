package i18n

import (
	"errors"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
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
// share (where is a service name or data.NetworkFolder).
func SyncedFolderWarning(where string) string {
	if where == data.NetworkFolder {
		return lang.L("warning.network_folder")
	}
	return lang.L("warning.synced_folder", map[string]any{"Service": where})
}
