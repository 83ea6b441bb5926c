package importer

import (
	"context"
	"fmt"

	"shopcrm/data"
	"shopcrm/importer/sheet"
)

// ImportWithBackup is Import preceded, for a real (not dry) import, by a verified backup
// of the database: an import is only started when it can be undone to the byte. The
// GUI wizard and `shopcrm import` go through here. An import that fails changed
// nothing, so its backup is dropped again.
func ImportWithBackup(ctx context.Context, store Store, path string, opt Options) (*data.ImportResult, error) {
	if opt.DryRun {
		return Import(ctx, store, path, opt)
	}
	var res *data.ImportResult
	err := store.BackupBefore(ctx, data.BackupImport, func() (err error) {
		res, err = Import(ctx, store, path, opt)
		return err
	})
	return res, err
}

// recoverRead, deferred in the goroutine that reads and cleans rows, turns a panic of
// any parser or cleaning step on a hostile cell into an error for the import, which
// then rolls back, instead of a crash of the whole app. The panic's value is not kept:
// it may quote the cell.
func recoverRead(feed chan<- readResult) {
	if p := recover(); p != nil {
		feed <- readResult{err: fmt.Errorf("%w: a cell could not be read", sheet.ErrUnreadable)}
	}
}
