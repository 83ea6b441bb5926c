package ui

import (
	"context"
	"errors"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// ExportRun writes the export, telling progress how many rows of total it wrote
// (done == total while it finishes the file), and returns the message shown when it
// is done. It stops with ctx's error when ctx is cancelled.
type ExportRun func(ctx context.Context, progress func(done, total int)) (string, error)

// RunWithProgress runs an export off the UI goroutine behind a dialog with a progress
// bar and a 取消 button. Cancelling stops it and says so; a failure is shown as an
// error; otherwise the run's message is shown under title. path is the file the save
// dialog already created: a failed or cancelled export leaves nothing there (the
// export itself writes beside it and renames), so an empty file left by the save dialog
// is removed.
func RunWithProgress(win fyne.Window, spawn func(func()), title, path string, run ExportRun) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	status := widget.NewLabel(lang.L("export.progress.rows", map[string]any{"Done": 0, "Total": 0}))
	d := dialog.NewCustomWithoutButtons(lang.L("export.progress.title"), container.NewVBox(status, bar), win)
	var stop *widget.Button
	stop = widget.NewButton(lang.L("action.cancel"), func() {
		cancel()
		stop.Disable()
		status.SetText(lang.L("export.progress.cancelling"))
	})
	d.SetButtons([]fyne.CanvasObject{stop})
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
	spawn(func() {
		defer cancel()
		msg, err := run(ctx, func(done, total int) {
			fyne.Do(func() {
				if ctx.Err() != nil {
					return
				}
				if total > 0 {
					bar.SetValue(float64(done) / float64(total))
				}
				key := "export.progress.rows"
				if done >= total {
					key = "export.progress.finishing"
				}
				status.SetText(lang.L(key, map[string]any{"Done": done, "Total": total}))
			})
		})
		if err != nil {
			removeIfEmpty(path)
		}
		fyne.Do(func() {
			d.Hide()
			switch {
			case errors.Is(err, context.Canceled):
				dialog.ShowInformation(lang.L("export.progress.title"), lang.L("export.cancelled"), win)
			case err != nil:
				ShowError(win, err)
			case msg != "":
				dialog.ShowInformation(title, msg, win)
			}
		})
	})
}

// removeIfEmpty removes path when it is an empty file.
func removeIfEmpty(path string) {
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() && st.Size() == 0 {
		os.Remove(path)
	}
}
