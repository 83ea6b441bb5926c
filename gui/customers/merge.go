package customers

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// mergeCandidates is how many customers the 合并到… search lists.
const mergeCandidates = 50

// OfferMerge shows a customer and opens 合并到… for them, as the import's list of
// possible duplicates asks.
func (s *Screen) OfferMerge(id int64) {
	s.ShowCustomer(id)
	s.spawn(func() {
		c, err := s.store.FindCustomerByID(context.Background(), id)
		fyne.Do(func() {
			if err != nil {
				ui.ShowError(s.win, err)
				return
			}
			s.mergeCustomer(c)
		})
	})
}

// mergeCustomer (合并到…) lets the seller find the customer c is the same person as;
// c is merged into them after a confirmation (the store takes a backup first).
func (a *customerEdits) mergeCustomer(c *data.Customer) {
	s := a.s
	var found []*data.Customer
	list := widget.NewList(func() int { return len(found) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(mergeLine(found[i])) })
	hint := widget.NewLabel(lang.L("merge.possible"))
	query := widget.NewEntry()
	query.SetPlaceHolder(lang.L("merge.search"))
	search := func(q string) {
		s.spawn(func() {
			rows, _, err := s.store.FindCustomers(context.Background(), data.CustomerFilter{Query: q, Limit: mergeCandidates + 1})
			fyne.Do(func() {
				if err != nil || q != query.Text {
					return
				}
				found = found[:0]
				for _, r := range rows {
					if r.ID != c.ID && len(found) < mergeCandidates {
						found = append(found, r)
					}
				}
				list.UnselectAll()
				list.Refresh()
			})
		})
	}
	query.OnChanged = func(q string) {
		hint.Hide() // the seller searches for someone else than the same name
		search(q)
	}
	body := container.NewBorder(container.NewVBox(query, hint), nil, nil, nil, list)
	d := dialog.NewCustom(lang.L("merge.title", map[string]any{"Name": c.DisplayName()}), lang.L("action.cancel"), body, s.win)
	list.OnSelected = func(i widget.ListItemID) {
		into := found[i]
		d.Hide()
		a.confirmMerge(into, c)
	}
	size := s.win.Canvas().Size()
	d.Resize(fyne.NewSize(max(420, size.Width*0.5), max(360, size.Height*0.6)))
	d.Show()
	// Start from the customers who carry the same name: the likely same person.
	query.Text = c.Name
	if query.Text == "" {
		query.Text = c.Nick
	}
	query.Refresh()
	search(query.Text)
}

// mergeLine is how a merge candidate is listed: name, platform, phone (masked) and trades.
func mergeLine(c *data.Customer) string {
	who := c.DisplayName()
	if c.Nick != "" && c.Name != "" {
		who += " (" + c.Name + ")"
	}
	return fmt.Sprintf("%s · %s · %s · %s %d", who, i18n.PlatformName(c.Platform), data.MaskPhone(c.Phone),
		lang.L("field.trades"), c.Stats.TradeCount)
}

// confirmMerge asks before merging gone into kept, then shows the kept customer.
func (a *customerEdits) confirmMerge(kept, gone *data.Customer) {
	s := a.s
	names := map[string]any{"From": gone.DisplayName(), "Into": kept.DisplayName()}
	ui.Confirm(s.win, lang.L("merge.action"), lang.L("merge.confirm", names), lang.L("merge.action"), func() {
		s.spawn(func() {
			_, err := s.store.MergeCustomers(context.Background(), kept.ID, gone.ID)
			fyne.Do(func() {
				if err != nil {
					ui.ShowError(s.win, err)
					return
				}
				s.selected = kept.ID
				s.Refresh()
				s.changed()
				dialog.ShowInformation(lang.L("merge.action"), lang.L("merge.done", names), s.win)
			})
		})
	})
}

// undoMerge puts back the customer last merged into c.
func (a *customerEdits) undoMerge(m *data.CustomerMerge) {
	s := a.s
	s.spawn(func() {
		err := s.store.UndoMerge(context.Background(), m.ID)
		fyne.Do(func() {
			if err != nil {
				ui.ShowError(s.win, err)
				return
			}
			s.Refresh()
			s.changed()
			dialog.ShowInformation(lang.L("merge.undo"), lang.L("merge.undone"), s.win)
		})
	})
}

// changed tells the app that customers were merged or put back: counts, groups and
// reminders elsewhere follow.
func (s *Screen) changed() {
	if s.OnMerged != nil {
		s.OnMerged()
	}
}
