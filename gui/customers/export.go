package customers

import (
	"time"

	"fyne.io/fyne/v2/lang"

	"shopcrm/gui/ui"
)

// ExportList saves the customers the list shows now (all of them, or the search
// result) with their trades to an xlsx the seller picks.
func (s *Screen) ExportList() {
	ui.ExportCustomers(s.win, s.store, s.spawn, s.filter,
		lang.L("export.file_name", map[string]any{"Date": time.Now().Format("20060102")})+".xlsx")
}
