package importer

import (
	"context"

	"shopcrm/data"
)

// Store is what importing and exporting ask of the archive; data/sqlite's Store has it.
type Store interface {
	// Import applies rows in one transaction (see sqlite.Store.Import).
	Import(ctx context.Context, opt data.ImportOptions, issues []data.RowIssue, next func() (*data.ImportRow, error)) (*data.ImportResult, error)
	// BackupBefore backs the archive up, runs op, and keeps the backup when op changed something.
	BackupBefore(ctx context.Context, kind data.BackupKind, op func() error) error
	// Setting and SetSetting keep remembered column mappings.
	Setting(ctx context.Context, key, def string) (string, error)
	SetSetting(ctx context.Context, key, value string) error

	// EachCustomer, EachTrade, ExtraKeys and FindImportBatches walk the archive for an export.
	EachCustomer(ctx context.Context, f data.CustomerFilter, fn func(*data.Customer) error) error
	EachTrade(ctx context.Context, f data.CustomerFilter, fn func(t *data.Trade, owner *data.Customer) error) error
	ExtraKeys(ctx context.Context) (customers, trades []string, err error)
	// CountExport counts the customers matching f and their trades, for an export's progress.
	CountExport(ctx context.Context, f data.CustomerFilter) (customers, trades int, err error)
	FindImportBatches(ctx context.Context) ([]*data.ImportBatch, error)
	// Audit logs what was done, never personal data.
	Audit(ctx context.Context, action data.AuditAction, count int, detail string) error
}
