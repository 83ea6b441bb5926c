package orders

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// listLimit is how many orders the screen lists, newest first; the summary counts
// them all.
const listLimit = 2000

// Screen is 未关联订单: a summary of the orders waiting for a buyer, and the orders
// themselves (with 显示已关联的订单, the linked ones too), each with 关联客户 or 取消关联.
type Screen struct {
	win   fyne.Window
	store Store
	spawn func(func())

	summary *widget.Label
	showAll *widget.Check
	list    *widget.List
	empty   *ui.WrapLabel
	orders  []*data.Order
	sum     data.UnlinkedSummary

	// Content is the screen, for the navigation rail.
	Content fyne.CanvasObject
	// OnChanged is told after an order was linked or unlinked: a customer's trades,
	// totals, tier and reminders changed.
	OnChanged func()
}

// New builds the screen on store; spawn runs slow work off the UI goroutine. Call
// Reload when it is shown.
func New(win fyne.Window, store Store, spawn func(func())) *Screen {
	s := &Screen{win: win, store: store, spawn: spawn}
	title := widget.NewLabelWithStyle(lang.L("orders.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	hint := ui.NewWrapLabel(lang.L("orders.hint")) // a readable explanation, not a faint low-importance one
	s.showAll = widget.NewCheck(lang.L("orders.show_linked"), func(bool) { s.Reload() })
	s.list = widget.NewList(func() int { return len(s.orders) }, newOrderRow, s.updateOrderRow)
	s.empty = ui.EmptyMessage(lang.L("orders.empty"))
	head := container.NewVBox(container.NewBorder(nil, nil, title, s.showAll), s.summary, hint)
	s.Content = container.NewBorder(container.NewPadded(head), nil, nil, nil, container.NewStack(s.list, ui.EmptyState(s.empty)))
	return s
}

// Reload fetches the summary and the orders off the UI goroutine.
func (s *Screen) Reload() {
	f := data.OrderFilter{UnlinkedOnly: !s.showAll.Checked, Limit: listLimit}
	s.spawn(func() {
		ctx := context.Background()
		sum, err := s.store.UnlinkedSummary(ctx)
		var orders []*data.Order
		if err == nil {
			orders, err = s.store.FindOrders(ctx, f)
		}
		fyne.Do(func() {
			if err != nil {
				ui.ShowError(s.win, err)
				return
			}
			s.sum, s.orders = sum, orders
			s.summary.SetText(summaryText(sum))
			if len(orders) == 0 {
				s.empty.Show()
			} else {
				s.empty.Hide()
			}
			s.list.Refresh()
		})
	})
}

// summaryText says how many orders wait for a buyer and their money, or that none do.
func summaryText(sum data.UnlinkedSummary) string {
	if sum.Orders == 0 {
		return lang.L("orders.summary_none")
	}
	return lang.L("orders.summary", map[string]any{"Orders": sum.Orders, "Counting": sum.Counting, "Amount": ui.Money(sum.NetFen)})
}

// Orders are the orders listed now, newest first.
func (s *Screen) Orders() []*data.Order { return s.orders }

// Summary is the count and money of the unlinked orders shown now.
func (s *Screen) Summary() data.UnlinkedSummary { return s.sum }

// newOrderRow is the template of one order: goods and order number above, time,
// status and buyer below, the amount, then 关联客户 or 取消关联.
func newOrderRow() fyne.CanvasObject {
	return ui.NewTwoLineRow(true, widget.NewLabel(""), container.NewCenter(widget.NewButton("", nil)))
}

func (s *Screen) updateOrderRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.orders) {
		return
	}
	ord := s.orders[i]
	what, info, right := ui.TwoLineRowParts(o)
	amount := right.Objects[0].(*widget.Label)
	action := right.Objects[1].(*fyne.Container).Objects[0].(*widget.Button)

	goods := ord.Goods
	if goods == "" {
		goods = "—"
	}
	what.SetText(goods + "  " + lang.L("orders.number", map[string]any{"Number": ord.OrderNo}))
	buyer := lang.L("orders.unlinked")
	if !ord.Unlinked() {
		buyer = lang.L("orders.buyer", map[string]any{"Buyer": ord.Buyer()})
	}
	info.SetText(ui.LocalDateTime(ord.TradedAt) + " · " + i18n.StatusName(ord.Status) + " · " +
		i18n.PlatformName(ord.Platform) + " · " + buyer)
	amount.SetText(ui.Money(ord.AmountFen))
	if ord.Unlinked() {
		action.SetText(lang.L("orders.link"))
		action.SetIcon(theme.ContentAddIcon())
		action.OnTapped = func() { s.askBuyer(ord) }
	} else {
		action.SetText(lang.L("orders.unlink"))
		action.SetIcon(theme.ContentRemoveIcon())
		action.OnTapped = func() { s.confirmUnlink(ord) }
	}
}
