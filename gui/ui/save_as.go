package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
	"shopcrm/importer"
)

// SaveAs asks where to save a file (fileName suggested), then runs write on the path
// off the UI goroutine. A failure is shown as an error; a non-empty message from write
// is shown under title.
func SaveAs(win fyne.Window, spawn func(func()), fileName, title string, write func(path string) (string, error)) {
	askPath(win, fileName, func(path string) {
		spawn(func() {
			msg, err := write(path)
			fyne.Do(func() {
				if err != nil {
					ShowError(win, err)
					return
				}
				if msg != "" {
					dialog.ShowInformation(title, msg, win)
				}
			})
		})
	})
}

// askPath asks where to save a file (fileName suggested) and hands the path to save.
func askPath(win fyne.Window, fileName string, save func(path string)) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		save(path)
	}, win)
	d.SetFileName(fileName)
	ShowFileDialog(d, lang.L("filedialog.save_title"))
}

// ExportCustomers saves the customers of filter f (all pages) with their trades to an
// xlsx through the exporter, with a progress bar and a cancel button.
func ExportCustomers(win fyne.Window, store importer.Store, spawn func(func()), f data.CustomerFilter, fileName string) {
	f.Limit, f.Offset = 0, 0
	askPath(win, fileName, func(path string) {
		RunWithProgress(win, spawn, lang.L("export.title"), path, func(ctx context.Context, progress func(done, total int)) (string, error) {
			n, err := importer.ExportFileProgress(ctx, store, path, f, time.Local, progress)
			return lang.L("export.done", map[string]any{"Count": n, "Path": path}), err
		})
	})
}
