package customers

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"shopcrm/data"
)

const (
	colNick  = 0
	colPhone = 2
	colCity  = 3
	colTotal = 5
)

func seedCustomers(t *testing.T, s Store, nicks ...string) []*data.Customer {
	t.Helper()
	var out []*data.Customer
	for i, n := range nicks {
		c := &data.Customer{Platform: data.PlatformTaobao, Nick: n, Name: "客户" + n,
			Phone: "1380013800" + string(rune('0'+i%10)), City: "杭州"}
		if err := s.CreateCustomer(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	return out
}

func TestEmptyArchiveTellsTheSellerWhatToDo(t *testing.T) {
	g, _ := openCustomers(t)
	if !g.customers.empty.Visible() || g.customers.table.Visible() {
		t.Fatal("an empty archive should show the empty state instead of the table")
	}
	if !strings.Contains(g.customers.emptyMsg.Message(), "新增客户") {
		t.Errorf("empty state: got %q, want it to point at 新增客户", g.customers.emptyMsg.Message())
	}
}

func TestAddCustomerThroughTheDialog(t *testing.T) {
	g, store := openCustomers(t)
	s := g.customers
	test.Tap(button(t, g.win, "新增客户"))
	if g.win.Canvas().Overlays().Top() == nil {
		t.Fatal("tapping 新增客户 did not open the dialog")
	}
	form := newCustomerFormOf(t, s)
	test.Type(form.nick, "小米粒")
	test.Type(form.name, "张三")
	test.Type(form.phone, "138 0013 8000")
	test.Type(form.city, "杭州")
	test.Tap(button(t, g.win, "保存"))

	if g.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the dialog stayed open after a valid save")
	}
	if got, want := s.pages.total, 1; got != want {
		t.Fatalf("rows: got %d, want %d", got, want)
	}
	for col, want := range map[int]string{colNick: "小米粒", colPhone: "138****8000", colCity: "杭州", colTotal: "¥0.00"} {
		if got := cell(s, 0, col); got != want {
			t.Errorf("column %d: got %q, want %q", col, got, want)
		}
	}
	if got, want := s.count.Text, "共 1 位客户"; got != want {
		t.Errorf("count: got %q, want %q", got, want)
	}
	if s.empty.Visible() {
		t.Error("empty state still visible after the first customer")
	}
	if c, err := store.FindCustomerByNick(context.Background(), data.PlatformTaobao, "小米粒"); err != nil || c.Phone != "13800138000" {
		t.Errorf("stored: got %+v, %v, want phone 13800138000", c, err)
	}
	if !s.detail.body.Visible() || s.detail.title.Text != "小米粒" {
		t.Errorf("the new customer should be shown in the detail pane, got title %q", s.detail.title.Text)
	}
}

func newCustomerFormOf(t *testing.T, s *Screen) *customerForm {
	t.Helper()
	if s.custForm == nil {
		t.Fatal("no customer form is open")
	}
	return s.custForm
}

func TestInvalidInputShowsTranslatedMessagesAndSavesNothing(t *testing.T) {
	g, store := openCustomers(t)
	s := g.customers
	test.Tap(button(t, g.win, "新增客户"))
	form := newCustomerFormOf(t, s)
	test.Type(form.phone, "12345")
	test.Type(form.email, "not-an-email")
	test.Type(form.birthday, "1991-02-29")
	test.Tap(button(t, g.win, "保存"))

	if g.win.Canvas().Overlays().Top() == nil {
		t.Fatal("the dialog closed on invalid input")
	}
	for field, want := range map[string]string{
		"nick":     "请填写顾客网名或真实姓名（至少一项）。",
		"phone":    "手机号格式不对",
		"email":    "邮箱格式不对",
		"birthday": "生日不是有效日期",
	} {
		l := form.errors[field]
		if !l.Visible() || !strings.HasPrefix(l.Text, want) {
			t.Errorf("%s: got %q (visible %v), want a message starting %q", field, l.Text, l.Visible(), want)
		}
	}
	if _, n, _ := store.FindCustomers(context.Background(), data.CustomerFilter{}); n != 0 {
		t.Errorf("invalid input stored %d customers", n)
	}
	// Fixing a field clears its message as the seller types.
	form.phone.SetText("13800138000")
	if form.errors["phone"].Visible() {
		t.Error("the phone message stayed after the phone was corrected")
	}
}

func TestEnterSavesAndEscCancels(t *testing.T) {
	g, store := openCustomers(t)
	s := g.customers
	test.Tap(button(t, g.win, "新增客户"))
	form := newCustomerFormOf(t, s)
	test.Type(form.nick, "回车保存")
	form.nick.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if g.win.Canvas().Overlays().Top() != nil || s.pages.total != 1 {
		t.Fatalf("Enter did not save: overlay %v, rows %d", g.win.Canvas().Overlays().Top(), s.pages.total)
	}

	test.Tap(button(t, g.win, "新增客户"))
	form = newCustomerFormOf(t, s)
	test.Type(form.nick, "不要保存")
	form.nick.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if g.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the dialog")
	}
	if _, err := store.FindCustomerByNick(context.Background(), data.PlatformTaobao, "不要保存"); err == nil {
		t.Error("Esc saved the customer")
	}
}

func TestEditCustomerFromTheDetailPane(t *testing.T) {
	g, _ := openCustomers(t)
	s := g.customers
	seedCustomers(t, s.store, "改城市")
	s.Reload()
	s.table.Select(widgetCell(0))
	test.Tap(button(t, g.win, "编辑"))
	form := newCustomerFormOf(t, s)
	form.city.SetText("宁波")
	test.Tap(button(t, g.win, "保存"))
	if got := cell(s, 0, colCity); got != "宁波" {
		t.Errorf("city after edit: got %q, want 宁波", got)
	}
}

func TestDeleteAsksFirst(t *testing.T) {
	g, store := openCustomers(t)
	s := g.customers
	seedCustomers(t, s.store, "要删的", "留着的")
	s.Reload()
	s.table.Select(widgetCell(1)) // newest first: row 1 is 要删的
	if s.detail.title.Text != "要删的" {
		t.Fatalf("selected %q, want 要删的", s.detail.title.Text)
	}
	test.Tap(button(t, g.win, "删除"))
	if _, n, _ := store.FindCustomers(context.Background(), data.CustomerFilter{}); n != 2 {
		t.Fatal("deleted without asking")
	}
	if !hasText(g.win, "确定删除「要删的」以及 TA 的全部交易记录吗？\n（计入统计的交易 0 笔）删除后无法恢复。") {
		t.Error("the confirmation does not name the customer")
	}
	test.Tap(button(t, g.win, "删除"))
	if got := s.pages.total; got != 1 || cell(s, 0, colNick) != "留着的" {
		t.Errorf("after delete: %d rows, first %q; want 1 row 留着的", got, cell(s, 0, colNick))
	}
	if s.detail.body.Visible() {
		t.Error("the deleted customer is still shown in the detail pane")
	}
}

func TestSearchNarrowsTheList(t *testing.T) {
	g, _ := openCustomers(t)
	s := g.customers
	seedCustomers(t, s.store, "apple_tea", "banana", "apple_pie")
	s.Reload()
	for _, tc := range []struct {
		query string
		want  int
	}{{"", 3}, {"APPLE", 2}, {"apple_t", 1}, {"13800138001", 1}, {"没有这个人", 0}} {
		s.search.SetText(tc.query)
		if got := s.pages.total; got != tc.want {
			t.Errorf("search %q: got %d rows, want %d", tc.query, got, tc.want)
		}
	}
	if !s.empty.Visible() || !strings.Contains(s.emptyMsg.Message(), "没有这个人") {
		t.Errorf("no-match state: got %q", s.emptyMsg.Message())
	}
}

func TestHeaderTapSorts(t *testing.T) {
	g, _ := openCustomers(t)
	s := g.customers
	cs := seedCustomers(t, s.store, "少", "多", "中")
	for i, amount := range []int64{100, 90000, 5000} {
		if err := s.store.CreateTrade(context.Background(), &data.Trade{CustomerID: cs[i].ID, TradedAt: testNow, AmountFen: amount}); err != nil {
			t.Fatal(err)
		}
	}
	s.Reload()
	test.Tap(button(t, g.win, "累计金额"))
	if got := []string{cell(s, 0, colNick), cell(s, 1, colNick), cell(s, 2, colNick)}; strings.Join(got, ",") != "多,中,少" {
		t.Errorf("sort by total: got %v, want 多,中,少", got)
	}
	test.Tap(button(t, g.win, "累计金额"))
	if got := cell(s, 0, colNick); got != "少" {
		t.Errorf("second tap reverses: got %q first, want 少", got)
	}
}

func TestDuplicateNickOffersTheExistingCustomer(t *testing.T) {
	g, _ := openCustomers(t)
	s := g.customers
	seedCustomers(t, s.store, "花花")
	s.Reload()
	test.Tap(button(t, g.win, "新增客户"))
	form := newCustomerFormOf(t, s)
	test.Type(form.nick, "花花")
	test.Tap(button(t, g.win, "保存"))
	test.Tap(button(t, g.win, "打开该客户"))
	if g.win.Canvas().Overlays().Top() != nil {
		t.Error("the add dialog stayed open after opening the existing customer")
	}
	if s.search.Text != "花花" || s.detail.title.Text != "花花" || s.pages.total != 1 {
		t.Errorf("got search %q, detail %q, %d rows; want the existing 花花 shown", s.search.Text, s.detail.title.Text, s.pages.total)
	}
}

func TestRecordATradeByHandUpdatesTheTotals(t *testing.T) {
	g, _ := openCustomers(t)
	s := g.customers
	seedCustomers(t, s.store, "买茶的")
	s.Reload()
	s.table.Select(widgetCell(0))
	test.Tap(button(t, g.win, "新增交易"))
	form := s.tradeForm
	form.tradedAt.SetText("2026-11-20 10:30")
	test.Type(form.goods, "明前龙井")
	test.Type(form.amount, "268")
	test.Tap(button(t, g.win, "保存"))
	if got := cell(s, 0, colTotal); got != "¥268.00" {
		t.Errorf("list total: got %q, want ¥268.00", got)
	}
	if len(s.detail.tradeRows) != 1 || s.detail.customer.Stats.TradeCount != 1 {
		t.Errorf("detail: %d trades, count %d; want 1 and 1", len(s.detail.tradeRows), s.detail.customer.Stats.TradeCount)
	}

	// A bad amount is refused with a message, and nothing changes.
	test.Tap(button(t, g.win, "新增交易"))
	form = s.tradeForm
	test.Type(form.amount, "12.345")
	test.Tap(button(t, g.win, "保存"))
	if msg := form.errors["amount"]; !msg.Visible() || !strings.Contains(msg.Text, "两位小数") {
		t.Errorf("amount message: got %q", msg.Text)
	}
}

func TestCustomerDialogReadsSolarAndLunarBirthdays(t *testing.T) {
	for _, tt := range []struct {
		typed     string
		lunarTick bool
		want      string
		wantLunar bool
	}{
		{"1990年5月1日", false, "1990-05-01", false},
		{"5/1", false, "05-01", false},
		{"八月十五", false, "08-15", true},
		{"农历1990-08-15", false, "1990-08-15", true},
		{"08-15", true, "08-15", true},
		{"腊月初八", true, "12-08", true},
	} {
		t.Run(tt.typed, func(t *testing.T) {
			g, store := openCustomers(t)
			test.Tap(button(t, g.win, "新增客户"))
			form := newCustomerFormOf(t, g.customers)
			test.Type(form.nick, "寿星")
			test.Type(form.birthday, tt.typed)
			form.lunar.SetChecked(tt.lunarTick)
			test.Tap(button(t, g.win, "保存"))
			rows, _, err := store.FindCustomers(context.Background(), data.CustomerFilter{})
			if err != nil || len(rows) != 1 {
				t.Fatalf("got %d customers, %v", len(rows), err)
			}
			if rows[0].Birthday != tt.want || rows[0].BirthdayLunar != tt.wantLunar {
				t.Errorf("got %q lunar=%v, want %q lunar=%v", rows[0].Birthday, rows[0].BirthdayLunar, tt.want, tt.wantLunar)
			}
		})
	}
}
