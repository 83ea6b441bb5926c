package importer

import (
	"context"

	"shopcrm/data"
)

// ImportWithBackup is Import preceded, for a real (not dry) import, by a verified backup
// of the database: an import is only started when it can be undone to the byte. The
// GUI wizard and `shopcrm import` go through here.
func ImportWithBackup(ctx context.Context, store *data.Store, path string, opt Options) (*data.ImportResult, error) {
	if !opt.DryRun {
		if err := store.BackupBefore(ctx, data.BackupImport); err != nil {
			return nil, err
		}
	}
	return Import(ctx, store, path, opt)
}
