package customers

import (
	"context"
	"errors"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
	"shopcrm/gui/ui"
)

// customerEdits are the write actions of the 客户 screen: the customer and trade
// dialogs, deleting, and a buyer's data rights (customer_privacy.go). Writes are single
// small transactions; they run on the UI goroutine so a dialog can show their
// validation result at once.
type customerEdits struct {
	s *Screen
	// custForm and tradeForm are the forms opened last (kept for keyboard focus and tests).
	custForm     *customerForm
	tradeForm    *tradeForm
	reasonDialog *reasonDialog // 加入黑名单 (blacklist.go)
}

// AddCustomer opens the add-customer dialog.
func (a *customerEdits) AddCustomer() {
	a.openCustomerForm(&data.Customer{Platform: data.PlatformTaobao}, lang.L("customers.add"))
}

func (a *customerEdits) editCustomer(c *data.Customer) {
	a.openCustomerForm(c, lang.L("customers.edit"))
}

func (a *customerEdits) openCustomerForm(base *data.Customer, title string) {
	form := newCustomerForm(base)
	a.custForm = form
	var fd *formDialog
	fd = showFormDialog(a.s.win, title, form.fieldForm, func() bool {
		c := form.customer()
		c.Normalize()
		if form.showProblems(c.Problems(), "nick") {
			return false
		}
		ctx := context.Background()
		var err error
		if c.ID == 0 {
			err = a.s.store.CreateCustomer(ctx, c)
		} else {
			err = a.s.store.UpdateCustomer(ctx, c)
		}
		switch {
		case errors.Is(err, data.ErrConflict):
			a.offerExisting(c, fd)
			return false
		case err != nil:
			ui.ShowError(a.s.win, err)
			return false
		}
		a.s.selected = c.ID
		a.s.Refresh()
		return true
	})
}

// offerExisting explains that the platform + nick is taken and offers to open that
// customer instead.
func (a *customerEdits) offerExisting(c *data.Customer, fd *formDialog) {
	existing, err := a.s.store.FindCustomerByNick(context.Background(), c.Platform, c.Nick)
	if err != nil {
		ui.ShowError(a.s.win, err)
		return
	}
	ui.Confirm(a.s.win, lang.L("customers.duplicate.title"),
		lang.L("customers.duplicate.message", map[string]any{"Nick": existing.Nick}),
		lang.L("customers.duplicate.open"), func() {
			fd.dialog.Hide()
			a.s.search.SetText(existing.Nick)
			a.s.ShowCustomer(existing.ID)
		})
}

func (a *customerEdits) deleteCustomer(c *data.Customer) {
	ui.Confirm(a.s.win, lang.L("customers.delete.title"),
		lang.L("customers.delete.message", map[string]any{"Name": c.DisplayName(), "Trades": c.Stats.TradeCount}),
		lang.L("action.delete"), func() {
			if err := a.s.store.DeleteCustomer(context.Background(), c.ID); err != nil {
				ui.ShowError(a.s.win, err)
				return
			}
			a.s.selected = 0
			a.s.detail.clear()
			a.s.Reload()
		})
}

func (a *customerEdits) addTrade(c *data.Customer) {
	t := &data.Trade{CustomerID: c.ID, Platform: c.Platform, Status: data.StatusPaid, Quantity: 1,
		TradedAt: a.s.now()}
	a.openTradeForm(t, lang.L("trades.add"))
}

func (a *customerEdits) editTrade(t *data.Trade) {
	a.openTradeForm(t, lang.L("trades.edit"))
}

func (a *customerEdits) openTradeForm(base *data.Trade, title string) {
	form := newTradeForm(base)
	a.tradeForm = form
	showFormDialog(a.s.win, title, form.fieldForm, func() bool {
		t, ok := form.trade()
		if !ok {
			return false
		}
		ctx := context.Background()
		var err error
		if t.ID == 0 {
			err = a.s.store.CreateTrade(ctx, t)
		} else {
			err = a.s.store.UpdateTrade(ctx, t)
		}
		switch {
		case errors.Is(err, data.ErrConflict):
			form.setError("order_no", lang.L("trades.duplicate_order"))
			return false
		case err != nil:
			ui.ShowError(a.s.win, err)
			return false
		}
		a.s.Refresh()
		return true
	})
}

func (a *customerEdits) deleteTrade(t *data.Trade) {
	ui.Confirm(a.s.win, lang.L("trades.delete.title"), lang.L("trades.delete.message"), lang.L("action.delete"), func() {
		if err := a.s.store.DeleteTrade(context.Background(), t.ID); err != nil {
			ui.ShowError(a.s.win, err)
			return
		}
		a.s.Refresh()
	})
}
