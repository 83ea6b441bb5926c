package importer

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"shopcrm/data"
	"shopcrm/importer/export"
)

// ExportFile writes the customers matching f, with their trades, to an xlsx archive at
// path in the layout of the seller's imports (see ExportLayout), and returns how many customers it
// wrote. The file is written beside path and renamed into place, so a failed export
// never leaves a half-written workbook.
func ExportFile(ctx context.Context, store Store, path string, f data.CustomerFilter, loc *time.Location) (int, error) {
	layout, err := currentLayout(ctx, store)
	if err != nil {
		return 0, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".shopcrm-export-*.xlsx")
	if err != nil {
		return 0, fmt.Errorf("create export file: %w", err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriterSize(tmp, 1<<20)
	n := 0
	err = export.Archive(w, layout, loc,
		func(yield func(*data.Customer) error) error {
			return store.EachCustomer(ctx, f, func(c *data.Customer) error {
				n++
				return yield(c)
			})
		},
		func(yield func(*data.Trade, *data.Customer) error) error {
			return store.EachTrade(ctx, f, yield)
		})
	if err == nil {
		err = w.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	return n, store.Audit(ctx, data.AuditExport, n, "")
}

// currentLayout is the layout ExportLayout chooses from the imports still in place,
// with every extra field in use.
func currentLayout(ctx context.Context, store Store) (export.Layout, error) {
	cx, tx, err := store.ExtraKeys(ctx)
	if err != nil {
		return export.Layout{}, err
	}
	batches, err := store.FindImportBatches(ctx)
	if err != nil {
		return export.Layout{}, err
	}
	var layouts []string
	for _, b := range batches {
		if b.RevertedAt.IsZero() {
			layouts = append(layouts, b.Layout)
		}
	}
	return ExportLayout(layouts, cx, tx), nil
}
