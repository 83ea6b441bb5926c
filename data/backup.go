package data

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
