package customers

import (
	"context"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
	"shopcrm/gui/ui"
)

// 关联订单 on the customer detail: the seller pastes the number of an unlinked order
// (one a buyer sent for 好评返现 or 售后) and it becomes this customer's trade; an order
// linked that way can be unlinked again from its trade line.

// askOrder asks for an order number and links that order to c.
func (s *Screen) askOrder(c *data.Customer) {
	ui.AskText(s.win, lang.L("orders.link_order.title"),
		lang.L("orders.link_order.message", map[string]any{"Name": c.DisplayName()}),
		lang.L("orders.link_order.placeholder"), lang.L("orders.link_order"), func(no string) { s.LinkOrder(c, no) })
}

// LinkOrder links the order with this number (on c's platform first, see
// data.LookupOrder) to c.
func (s *Screen) LinkOrder(c *data.Customer, orderNo string) {
	ctx := context.Background()
	o, err := data.LookupOrder(ctx, s.store, c.Platform, orderNo)
	if err == nil {
		err = s.store.LinkOrder(ctx, o.ID, c.ID)
	}
	s.ordersChanged(err)
}

// confirmUnlinkOrder asks before an order linked by its number leaves its customer.
func (s *Screen) confirmUnlinkOrder(t *data.Trade) {
	buyer := ""
	if s.detail.customer != nil {
		buyer = s.detail.customer.DisplayName()
	}
	ui.Confirm(s.win, lang.L("orders.unlink.title"),
		lang.L("orders.unlink.message", map[string]any{"Number": t.OrderNo, "Buyer": buyer}),
		lang.L("orders.unlink"), func() { s.ordersChanged(s.store.UnlinkOrder(context.Background(), t.ID)) })
}

// ordersChanged shows a link's or unlink's error, or refreshes the list and detail
// and tells the window. Like the trade dialogs, the write is one small transaction on
// the UI goroutine.
func (s *Screen) ordersChanged(err error) {
	if err != nil {
		ui.ShowError(s.win, err)
		return
	}
	s.Refresh()
	if s.OnOrdersChanged != nil {
		s.OnOrdersChanged()
	}
}
