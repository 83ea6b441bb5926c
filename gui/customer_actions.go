package gui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
	"shopcrm/gui/ui"
)

// The write actions of the 客户 screen. Writes are single small transactions; they run
// on the UI goroutine so a dialog can show their validation result at once.

func (s *customerScreen) addCustomer() {
	s.openCustomerForm(&data.Customer{Platform: data.PlatformTaobao}, lang.L("customers.add"))
}

func (s *customerScreen) editCustomer(c *data.Customer) {
	s.openCustomerForm(c, lang.L("customers.edit"))
}

func (s *customerScreen) openCustomerForm(base *data.Customer, title string) {
	form := newCustomerForm(base)
	s.custForm = form
	var fd *formDialog
	fd = showFormDialog(s.win, title, form.fieldForm, func() bool {
		c := form.customer()
		c.Normalize()
		if form.showProblems(c.Problems(), "nick") {
			return false
		}
		ctx := context.Background()
		var err error
		if c.ID == 0 {
			err = s.store.CreateCustomer(ctx, c)
		} else {
			err = s.store.UpdateCustomer(ctx, c)
		}
		switch {
		case errors.Is(err, data.ErrConflict):
			s.offerExisting(c, fd)
			return false
		case err != nil:
			ui.ShowError(s.win, err)
			return false
		}
		s.selected = c.ID
		s.refresh()
		return true
	})
}

// offerExisting explains that the platform + nick is taken and offers to open that
// customer instead.
func (s *customerScreen) offerExisting(c *data.Customer, fd *formDialog) {
	existing, err := s.store.FindCustomerByNick(context.Background(), c.Platform, c.Nick)
	if err != nil {
		ui.ShowError(s.win, err)
		return
	}
	ui.Confirm(s.win, lang.L("customers.duplicate.title"),
		lang.L("customers.duplicate.message", map[string]any{"Nick": existing.Nick}),
		lang.L("customers.duplicate.open"), func() {
			fd.dialog.Hide()
			s.search.SetText(existing.Nick)
			s.selectCustomer(existing.ID)
		})
}

func (s *customerScreen) deleteCustomer(c *data.Customer) {
	ui.Confirm(s.win, lang.L("customers.delete.title"),
		lang.L("customers.delete.message", map[string]any{"Name": c.DisplayName(), "Trades": c.Stats.TradeCount}),
		lang.L("action.delete"), func() {
			if err := s.store.DeleteCustomer(context.Background(), c.ID); err != nil {
				ui.ShowError(s.win, err)
				return
			}
			s.selected = 0
			s.detail.clear()
			s.reload()
		})
}

func (s *customerScreen) addTrade(c *data.Customer) {
	t := &data.Trade{CustomerID: c.ID, Platform: c.Platform, Status: data.StatusPaid, Quantity: 1,
		TradedAt: s.store.Now()}
	s.openTradeForm(t, lang.L("trades.add"))
}

func (s *customerScreen) editTrade(t *data.Trade) {
	s.openTradeForm(t, lang.L("trades.edit"))
}

func (s *customerScreen) openTradeForm(base *data.Trade, title string) {
	form := newTradeForm(base)
	s.tradeForm = form
	showFormDialog(s.win, title, form.fieldForm, func() bool {
		t, ok := form.trade()
		if !ok {
			return false
		}
		ctx := context.Background()
		var err error
		if t.ID == 0 {
			err = s.store.CreateTrade(ctx, t)
		} else {
			err = s.store.UpdateTrade(ctx, t)
		}
		switch {
		case errors.Is(err, data.ErrConflict):
			form.setError("order_no", lang.L("trades.duplicate_order"))
			return false
		case err != nil:
			ui.ShowError(s.win, err)
			return false
		}
		s.refresh()
		return true
	})
}

func (s *customerScreen) deleteTrade(t *data.Trade) {
	ui.Confirm(s.win, lang.L("trades.delete.title"), lang.L("trades.delete.message"), lang.L("action.delete"), func() {
		if err := s.store.DeleteTrade(context.Background(), t.ID); err != nil {
			ui.ShowError(s.win, err)
			return
		}
		s.refresh()
	})
}
