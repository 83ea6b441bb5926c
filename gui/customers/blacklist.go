package customers

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// The blacklist (黑名单) in the window: 加入黑名单… and 移出黑名单 on the detail's ⋮
// menu, and 加入黑名单 for the customers picked in the list. Each is one small write on
// the UI goroutine; the list row and the detail turn red (or back) with the reload
// that follows. The store writes the audit log.

// blacklistItem is the detail's ⋮ entry for c: 移出黑名单 for a listed buyer, else
// 加入黑名单….
func (d *customerDetail) blacklistItem() *fyne.MenuItem {
	c := d.customer
	if c != nil && c.Blacklisted {
		return fyne.NewMenuItem(lang.L("blacklist.remove"), func() { d.OnUnblacklist(c) })
	}
	return fyne.NewMenuItem(lang.L("blacklist.add"), func() { d.OnBlacklist(c) })
}

// blacklistCustomer asks for the reason and puts c on the blacklist.
func (a *customerEdits) blacklistCustomer(c *data.Customer) {
	a.askReason(lang.L("blacklist.add.message", map[string]any{"Name": c.DisplayName()}), func(reason string) error {
		return a.s.store.Blacklist(context.Background(), c.ID, reason)
	}, nil)
}

// unblacklistCustomer takes c off the blacklist once the seller confirms.
func (a *customerEdits) unblacklistCustomer(c *data.Customer) {
	ui.Confirm(a.s.win, lang.L("blacklist.remove.title"),
		lang.L("blacklist.remove.message", map[string]any{"Name": c.DisplayName()}), lang.L("blacklist.remove.yes"), func() {
			if _, err := a.s.store.Unblacklist(context.Background(), c.ID); err != nil {
				ui.ShowError(a.s.win, err)
				return
			}
			a.s.Refresh()
		})
}

// blacklistPicked asks for one reason and puts every picked customer on the
// blacklist in one transaction.
func (gr *customerGroups) blacklistPicked() {
	ids := gr.pickedIDs()
	if len(ids) == 0 {
		return
	}
	s := gr.s
	var n int
	s.askReason(lang.L("blacklist.add_many.message", map[string]any{"Count": len(ids)}), func(reason string) error {
		var err error
		n, err = s.store.BlacklistCustomers(context.Background(), ids, reason)
		if err == nil {
			gr.picked = map[int64]bool{}
			gr.update()
		}
		return err
	}, func() {
		dialog.ShowInformation(lang.L("blacklist.add.title"), lang.L("blacklist.add_many.done", map[string]any{"Count": n}), s.win)
	})
}

// reasonDialog is the 加入黑名单 dialog: what happens, the reason (required), and
// the problem with the reason typed, shown under it while the dialog stays open.
type reasonDialog struct {
	dialog  *dialog.CustomDialog
	entry   *widget.Entry
	problem *widget.Label
	save    *widget.Button
}

// askReason opens the reason dialog; write stores the reason and returns its error.
// A validation problem (no reason) is shown in the dialog in words; another error is
// shown as any error is. After a write the list and the detail reload and onDone (if
// any) runs.
func (a *customerEdits) askReason(message string, write func(reason string) error, onDone func()) {
	r := &reasonDialog{entry: widget.NewEntry(), problem: widget.NewLabel("")}
	a.reasonDialog = r
	r.entry.SetPlaceHolder(lang.L("blacklist.reason.placeholder"))
	r.problem.Importance = widget.DangerImportance
	r.problem.Wrapping = fyne.TextWrapWord
	r.problem.Hide()
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	submit := func() {
		err := write(r.entry.Text)
		var ve *data.ValidationError
		switch {
		case errors.As(err, &ve):
			r.problem.SetText(i18n.FieldMessage(ve))
			r.problem.Show()
			a.s.win.Canvas().Focus(r.entry)
			return
		case err != nil:
			r.dialog.Hide()
			ui.ShowError(a.s.win, err)
			return
		}
		r.dialog.Hide()
		a.s.Refresh()
		if onDone != nil {
			onDone()
		}
	}
	r.entry.OnSubmitted = func(string) { submit() }
	cancel := widget.NewButton(lang.L("action.cancel"), func() { r.dialog.Hide() })
	r.save = widget.NewButton(lang.L("blacklist.add.yes"), submit)
	r.save.Importance = widget.DangerImportance
	form := container.NewVBox(msg, widget.NewLabel(i18n.FieldName("reason")), r.entry, r.problem)
	r.dialog = dialog.NewCustomWithoutButtons(lang.L("blacklist.add.title"), form, a.s.win)
	r.dialog.SetButtons([]fyne.CanvasObject{cancel, r.save})
	r.dialog.Resize(fyne.NewSize(460, 260))
	r.dialog.Show()
	a.s.win.Canvas().Focus(r.entry)
}

// pickedIDs are the customers picked in the list.
func (gr *customerGroups) pickedIDs() []int64 {
	ids := make([]int64, 0, len(gr.picked))
	for id := range gr.picked {
		ids = append(ids, id)
	}
	return ids
}
