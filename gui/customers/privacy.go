package customers

import (
	"context"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
)

// moreButton (⋮) opens a small menu of what else can be done with a customer (merge
// them into another, undo a merge, a buyer's data rights); items is asked each time.
func moreButton(items func() []*fyne.MenuItem) *widget.Button {
	var b *widget.Button
	b = widget.NewButtonWithIcon("", theme.MoreVerticalIcon(), func() {
		menu := fyne.NewMenu("", items()...)
		c := fyne.CurrentApp().Driver().CanvasForObject(b)
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).AddXY(0, b.Size().Height)
		widget.ShowPopUpMenuAtPosition(menu, c, pos)
	})
	return b
}

// privacyItems are a buyer's data rights: export everything held about them, or
// erase them completely.
func privacyItems(onExport, onErase func()) []*fyne.MenuItem {
	return []*fyne.MenuItem{
		fyne.NewMenuItem(lang.L("privacy.export"), onExport),
		fyne.NewMenuItem(lang.L("privacy.erase"), onErase),
	}
}

// exportCustomerData saves everything stored about one buyer to a JSON file the seller
// picks, to answer the buyer's request to see their data.
func (a *customerEdits) exportCustomerData(c *data.Customer) {
	ui.SaveAs(a.s.win, a.s.spawn, lang.L("privacy.export.file_name", map[string]any{"ID": c.ID})+".json", lang.L("privacy.export"),
		func(path string) (string, error) {
			return lang.L("privacy.export.done", map[string]any{"Path": path}), writeCustomerData(a.s.store, c.ID, path)
		})
}

// writeCustomerData writes the buyer's export to path; a failed export leaves no file.
func writeCustomerData(store Store, id int64, path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	err = store.ExportCustomerData(context.Background(), id, f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}

// EraseCustomer removes a buyer completely after a clear warning: unlike 删除 it also
// wipes the import snapshots, so no revert brings them back.
func (a *customerEdits) EraseCustomer(c *data.Customer) {
	ui.Confirm(a.s.win, lang.L("privacy.erase.title"),
		lang.L("privacy.erase.message", map[string]any{"Name": c.DisplayName(), "Trades": c.Stats.TradeCount}),
		lang.L("privacy.erase.confirm"), func() {
			a.s.spawn(func() {
				res, err := a.s.store.EraseCustomer(context.Background(), c.ID)
				fyne.Do(func() {
					if err != nil {
						ui.ShowError(a.s.win, err)
						return
					}
					a.s.selected = 0
					a.s.detail.clear()
					a.s.Reload()
					dialog.ShowInformation(lang.L("privacy.erase.title"), lang.L("privacy.erase.done", map[string]any{
						"Trades": res.Trades, "Contacts": res.Contacts, "FollowUps": res.FollowUps}), a.s.win)
				})
			})
		})
}
