package importer

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"shopcrm/data"
	"shopcrm/importer/export"
)

// ExportFile writes the customers matching f, with their trades, to an xlsx archive at
// path in the layout of the seller's imports (see ExportLayout), and returns how many customers it
// wrote. The file is written beside path and renamed into place, so a failed or
// cancelled export never leaves a half-written workbook.
func ExportFile(ctx context.Context, store Store, path string, f data.CustomerFilter, loc *time.Location) (int, error) {
	return ExportFileProgress(ctx, store, path, f, loc, nil)
}

// ExportProgress is told how many rows (customers and trades) of total are written;
// done == total while the workbook is being compressed into the file, the last step.
type ExportProgress func(done, total int)

// ExportFileProgress is ExportFile telling progress (nil for none) how far it got, at
// most once per thousandth of the rows. Cancelling ctx stops it at the next row, or
// during the compression at the next block written.
func ExportFileProgress(ctx context.Context, store Store, path string, f data.CustomerFilter, loc *time.Location, progress ExportProgress) (int, error) {
	layout, err := currentLayout(ctx, store)
	if err != nil {
		return 0, err
	}
	defer lowerGCPercent()()
	var report export.Progress
	if progress != nil {
		nc, nt, err := store.CountExport(ctx, f)
		if err != nil {
			return 0, err
		}
		total, last := max(nc+nt, 1), -1
		progress(0, total)
		report = func(done int) {
			if step := done * 1000 / total; step != last {
				last = step
				progress(min(done, total), total)
			}
		}
	}
	n := 0
	err = writeFile(ctx, path, func(w io.Writer) error {
		return export.ArchiveProgress(w, layout, loc,
			func(yield func(*data.Customer) error) error {
				return store.EachCustomer(ctx, f, func(c *data.Customer) error {
					n++
					return yield(c)
				})
			},
			func(yield func(*data.Trade, *data.Customer) error) error {
				return store.EachTrade(ctx, f, yield)
			}, report)
	})
	if err != nil {
		return 0, err
	}
	return n, store.Audit(ctx, data.AuditExport, n, "")
}

// writeFile runs write on a buffered file beside path and renames it into place, so
// a failed or cancelled write never leaves a half-written workbook.
func writeFile(ctx context.Context, path string, write func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".shopcrm-export-*.xlsx")
	if err != nil {
		return fmt.Errorf("create export file: %w", err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriterSize(ctxWriter{ctx, tmp}, 1<<20)
	err = write(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// ctxWriter fails its writes once ctx is done, so that a cancel stops the compression too.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
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
