package orders

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
	"shopcrm/gui/ui"
)

// askBuyer asks for the nick of the order's buyer and links the order to them.
func (s *Screen) askBuyer(o *data.Order) {
	ui.AskText(s.win, lang.L("orders.link.title"),
		lang.L("orders.link.message", map[string]any{"Number": o.OrderNo}),
		lang.L("orders.link.placeholder"), lang.L("orders.link"), func(nick string) { s.Link(o, nick) })
}

// Link links the order to the customer with this nick (see data.LookupBuyer).
func (s *Screen) Link(o *data.Order, nick string) {
	s.write(func(ctx context.Context) error {
		c, err := data.LookupBuyer(ctx, s.store, o.Platform, nick)
		if err != nil {
			return err
		}
		return s.store.LinkOrder(ctx, o.ID, c.ID)
	})
}

// confirmUnlink asks before an order loses its buyer.
func (s *Screen) confirmUnlink(o *data.Order) {
	ui.Confirm(s.win, lang.L("orders.unlink.title"),
		lang.L("orders.unlink.message", map[string]any{"Number": o.OrderNo, "Buyer": o.Buyer()}),
		lang.L("orders.unlink"), func() { s.Unlink(o) })
}

// Unlink detaches the order from its customer.
func (s *Screen) Unlink(o *data.Order) {
	s.write(func(ctx context.Context) error { return s.store.UnlinkOrder(ctx, o.ID) })
}

// write runs a link or unlink off the UI goroutine, then reloads the screen and
// tells the window.
func (s *Screen) write(fn func(ctx context.Context) error) {
	s.spawn(func() {
		err := fn(context.Background())
		fyne.Do(func() {
			if err != nil {
				ui.ShowError(s.win, err)
				return
			}
			s.Reload()
			if s.OnChanged != nil {
				s.OnChanged()
			}
		})
	})
}
