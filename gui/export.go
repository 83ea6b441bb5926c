package gui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"shopcrm/importer"
)

// exportList saves the customers the list shows now (all of them, or the search
// result) with their trades to an xlsx the seller picks.
func (s *customerScreen) exportList() {
	f := s.filter
	f.Limit, f.Offset = 0, 0
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		s.spawn(func() {
			n, err := importer.ExportFile(context.Background(), s.store, path, f, time.Local)
			fyne.Do(func() {
				if err != nil {
					showError(s.win, err)
					return
				}
				dialog.ShowInformation(lang.L("export.title"),
					lang.L("export.done", map[string]any{"Count": n, "Path": path}), s.win)
			})
		})
	}, s.win)
	d.SetFileName(lang.L("export.file_name", map[string]any{"Date": time.Now().Format("20060102")}) + ".xlsx")
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}
