package gui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"shopcrm/data"
	"shopcrm/data/sqlite"
)

// seedGoldenShop makes a small, fixed shop for the golden pictures.
func seedGoldenShop(t *testing.T, s *sqlite.Store) {
	t.Helper()
	ctx := context.Background()
	for i, sc := range []struct {
		c      data.Customer
		trades []int64
	}{
		{data.Customer{Platform: data.PlatformTaobao, Nick: "爱喝茶的小王", Name: "王小明", Phone: "13812345678", City: "杭州", Tags: []string{"老客"}}, []int64{26800, 15800, 9800}},
		{data.Customer{Platform: data.PlatformJD, Nick: "jd_李华", Name: "李华", Phone: "13987654321", City: "上海"}, []int64{520000}},
		{data.Customer{Platform: data.PlatformPDD, Nick: "拼团达人", Name: "赵敏", Phone: "0571-88886666", City: "北京"}, nil},
	} {
		c := sc.c
		if err := s.CreateCustomer(ctx, &c); err != nil {
			t.Fatal(err)
		}
		for j, a := range sc.trades {
			at := time.Date(2026, 10, 1+i+j, 12, 0, 0, 0, time.UTC)
			if err := s.CreateTrade(ctx, &data.Trade{CustomerID: c.ID, TradedAt: at, AmountFen: a, Goods: "明前龙井茶"}); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestGoldenCustomerList(t *testing.T) {
	g, store := newTestApp(t)
	seedGoldenShop(t, store)
	g.customers.reload()
	g.customers.table.Select(widgetCell(2))
	test.AssertRendersToMarkup(t, "customer_list.xml", g.win.Canvas())
}

func TestGoldenAddDialogWithChineseText(t *testing.T) {
	g, _ := newTestApp(t)
	test.Tap(button(t, g.win, "新增客户"))
	form := g.customers.custForm
	test.Type(form.nick, "小米粒")
	test.Type(form.name, "张三")
	test.Type(form.phone, "12345")
	test.Tap(button(t, g.win, "保存"))
	test.AssertRendersToMarkup(t, "customer_dialog.xml", g.win.Canvas())
}
