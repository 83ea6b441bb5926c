package customers

import (
	"context"
	"io"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/data/sqlite"
	"shopcrm/gui/internal/guitest"
)

// importUnlinked imports two orders of a platform export without buyers.
func importUnlinked(t *testing.T, store *sqlite.Store) {
	t.Helper()
	tb := data.Customer{Platform: data.PlatformTaobao}
	rows := []data.ImportRow{
		{Row: 2, Customer: tb, Trade: &data.Trade{OrderNo: "3304375611452180770", Goods: "西湖龙井", AmountFen: 12800,
			TradedAt: time.Date(2026, 5, 2, 2, 0, 0, 0, time.UTC)}},
		{Row: 3, Customer: tb, Trade: &data.Trade{OrderNo: "3304375611452180771", Goods: "普洱", AmountFen: 26800,
			TradedAt: time.Date(2026, 5, 3, 2, 0, 0, 0, time.UTC)}},
	}
	i := 0
	if _, err := store.Import(context.Background(), data.ImportOptions{FileName: "订单报表.xlsx"}, nil, func() (*data.ImportRow, error) {
		if i == len(rows) {
			return nil, io.EOF
		}
		i++
		return &rows[i-1], nil
	}); err != nil {
		t.Fatal(err)
	}
}

// TestLinkOrderByPastingItsNumberIntoTheDetail: 关联订单 on a customer's detail takes
// an order number as copied from a sheet; the order becomes the customer's trade
// (stats follow, the window is told), marked as linked, and 取消关联 takes it back.
func TestLinkOrderByPastingItsNumberIntoTheDetail(t *testing.T) {
	g, store := openCustomers(t)
	ctx := context.Background()
	c := &data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒"}
	if err := store.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	importUnlinked(t, store)
	s := g.customers
	told := 0
	s.OnOrdersChanged = func() { told++ }
	s.Reload()
	s.ShowCustomer(c.ID)

	test.Tap(button(t, g.win, "关联订单"))
	entry, ok := g.win.Canvas().Focused().(*widget.Entry)
	if !ok {
		t.Fatal("关联订单 opened no entry")
	}
	test.Type(entry, " '3304375611452180771 ")
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})

	got, _ := store.FindCustomerByID(ctx, c.ID)
	if got.Stats.TradeCount != 1 || got.Stats.TotalFen != 26800 || told != 1 {
		t.Fatalf("after 关联订单: %+v, told %d times", got.Stats, told)
	}
	if len(s.detail.tradeRows) != 1 || !guitest.HasTextContaining(g.win, "按订单编号关联") {
		t.Fatalf("the detail shows %d trades, or the order is not marked as linked", len(s.detail.tradeRows))
	}
	s.detail.OnUnlinkOrder(s.detail.tradeRows[0])
	test.Tap(button(t, g.win, "取消关联"))
	if got, _ = store.FindCustomerByID(ctx, c.ID); got.Stats.TradeCount != 0 || len(s.detail.tradeRows) != 0 || told != 2 {
		t.Errorf("after 取消关联: %+v, %d trades shown, told %d times", got.Stats, len(s.detail.tradeRows), told)
	}
	s.LinkOrder(c, "404")
	if !guitest.HasTextContaining(g.win, "没有找到这个订单编号的订单") {
		t.Error("an unknown order number gave no sentence")
	}
}
