package orders

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
	"shopcrm/i18n"
)

func TestMain(m *testing.M) { guitest.Main(m) }

// openOrders shows the screen on a store holding 小米粒 and three orders of a
// platform export without buyers (one closed), slow work run at once.
func openOrders(t *testing.T) (*Screen, fyne.Window, *sqlite.Store) {
	t.Helper()
	_, w := guitest.Window(t, i18n.Chinese)
	store := guitest.Open(t, sqlite.Open)
	store.Now = guitest.Clock
	ctx := context.Background()
	if err := store.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒"}); err != nil {
		t.Fatal(err)
	}
	tb := data.Customer{Platform: data.PlatformTaobao}
	at := func(day int) time.Time { return time.Date(2026, 5, day, 2, 0, 0, 0, time.UTC) }
	rows := []data.ImportRow{
		{Row: 2, Customer: tb, Trade: &data.Trade{OrderNo: "3304375611452180770", TradedAt: at(2), Goods: "西湖龙井", AmountFen: 12800}},
		{Row: 3, Customer: tb, Trade: &data.Trade{OrderNo: "3304375611452180771", TradedAt: at(3), Goods: "普洱", AmountFen: 26800}},
		{Row: 4, Customer: tb, Trade: &data.Trade{OrderNo: "3304375611452180772", TradedAt: at(4), Goods: "白茶", AmountFen: 9900, Status: data.StatusClosed}},
	}
	i := 0
	if _, err := store.Import(ctx, data.ImportOptions{FileName: "订单报表.xlsx"}, nil, func() (*data.ImportRow, error) {
		if i == len(rows) {
			return nil, io.EOF
		}
		i++
		return &rows[i-1], nil
	}); err != nil {
		t.Fatal(err)
	}
	s := New(w, store, func(f func()) { f() })
	w.SetContent(s.Content)
	w.Resize(fyne.NewSize(1000, 600))
	s.Reload()
	return s, w, store
}

func wantStats(t *testing.T, store *sqlite.Store, trades int, total int64, tier string) {
	t.Helper()
	c, err := store.FindCustomerByNick(context.Background(), data.PlatformTaobao, "小米粒")
	if err != nil {
		t.Fatal(err)
	}
	if c.Stats.TradeCount != trades || c.Stats.TotalFen != total || c.Tier != tier {
		t.Errorf("小米粒: %d trades, %d fen, %s; want %d, %d, %s", c.Stats.TradeCount, c.Stats.TotalFen, c.Tier, trades, total, tier)
	}
}

// TestUnlinkedOrdersAreCountedListedLinkedAndUnlinked: the screen counts the orders
// without a buyer and their money; 关联客户 with a nick gives one to its customer
// (whose stats and tier follow, and the window is told), 取消关联 takes it back.
func TestUnlinkedOrdersAreCountedListedLinkedAndUnlinked(t *testing.T) {
	s, w, store := openOrders(t)
	changed := 0
	s.OnChanged = func() { changed++ }
	if !guitest.HasText(w, "3 笔订单还没有关联客户，其中 2 笔计入销售，共 ¥396.00。") || len(s.Orders()) != 3 {
		t.Fatalf("got %d orders listed, summary %+v", len(s.Orders()), s.Summary())
	}
	if s.Orders()[0].OrderNo != "3304375611452180772" {
		t.Errorf("first listed: %s, want the newest order", s.Orders()[0].OrderNo)
	}

	// 关联客户 on the second row (…771, ¥268.00): type the nick, press Enter.
	var buttons []*widget.Button
	guitest.Walk(w.Canvas().Content(), func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == "关联客户" {
			buttons = append(buttons, b)
		}
		return false
	})
	if len(buttons) != 3 {
		t.Fatalf("got %d 关联客户 buttons, want one per order", len(buttons))
	}
	test.Tap(buttons[1])
	entry, ok := w.Canvas().Focused().(*widget.Entry)
	if !ok {
		t.Fatal("the link dialog has no focused entry")
	}
	test.Type(entry, "小米粒")
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})

	wantStats(t, store, 1, 26800, "tier.regular")
	if changed != 1 || len(s.Orders()) != 2 || s.Summary() != (data.UnlinkedSummary{Orders: 2, Counting: 1, NetFen: 12800}) {
		t.Errorf("after linking: told %d times, %d listed, %+v", changed, len(s.Orders()), s.Summary())
	}

	s.showAll.SetChecked(true)
	if len(s.Orders()) != 3 || !guitest.HasTextContaining(w, "客户 小米粒") {
		t.Fatalf("with linked orders shown: %d listed", len(s.Orders()))
	}
	test.Tap(guitest.Button(t, w, "取消关联"))
	test.Tap(guitest.Button(t, w, "取消关联")) // the confirmation
	wantStats(t, store, 0, 0, "tier.potential")
	if changed != 2 || s.Summary().Orders != 3 {
		t.Errorf("after unlinking: told %d times, %+v", changed, s.Summary())
	}

	// A nick nobody has: one sentence, nothing linked.
	s.Link(s.Orders()[0], "没有这人")
	if !guitest.HasTextContaining(w, "没有找到这个网名的客户") || s.Summary().Orders != 3 {
		t.Errorf("unknown nick: no sentence, or the order was linked (%+v)", s.Summary())
	}
}

// With every order linked, the summary says so instead of "0 笔订单… 共 ¥0.00".
func TestSummaryWithoutUnlinkedOrdersSaysAllAreLinked(t *testing.T) {
	_, w := guitest.Window(t, i18n.Chinese)
	store := guitest.Open(t, sqlite.Open)
	s := New(w, store, func(f func()) { f() })
	w.SetContent(s.Content)
	s.Reload()
	if got, want := s.summary.Text, "所有订单都已关联客户。"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
}
