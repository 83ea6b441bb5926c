package imports

import (
	"context"

	"shopcrm/importer"
)

// Store is what importing asks of the archive: the importer's own Store (the wizard
// hands it to the importer), and undoing an import from 导入记录.
type Store interface {
	importer.Store
	RevertImport(ctx context.Context, batchID int64) error
}
