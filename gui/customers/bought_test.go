package customers

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"shopcrm/data"
)

// A search names who the buyer is; when it finds no one, the list offers the buyers
// of goods with those words instead (the seller typed 红茶 meaning "who bought 红茶"),
// and the offer shows exactly them, under that name, with the search cleared. A search
// that matches no goods either offers nothing.
func TestASearchThatFindsNoOneOffersTheBuyersOfThoseGoods(t *testing.T) {
	g, _ := openCustomers(t)
	s := g.customers
	cs := seedCustomers(t, s.store, "茶友甲", "茶友乙", "路人")
	ctx := context.Background()
	for i, goods := range []string{"西湖龙井 250g", "明前龙井", "保温杯"} {
		if err := s.store.CreateTrade(ctx, &data.Trade{CustomerID: cs[i].ID, TradedAt: testNow, AmountFen: 9900, Goods: goods}); err != nil {
			t.Fatal(err)
		}
	}
	// A refunded 龙井 does not make a buyer of it.
	if err := s.store.CreateTrade(ctx, &data.Trade{CustomerID: cs[2].ID, TradedAt: testNow, AmountFen: 5000, RefundFen: 5000,
		Status: data.StatusRefunded, Goods: "龙井茶"}); err != nil {
		t.Fatal(err)
	}
	s.Reload()
	s.search.SetText("龙井")
	if s.pages.total != 0 || !s.boughtBox.Visible() || s.bought.Text != "2 位客户买过「龙井」：查看他们" {
		t.Fatalf("search 龙井: %d rows, offer visible %v %q", s.pages.total, s.boughtBox.Visible(), s.bought.Text)
	}
	test.Tap(s.bought)
	if s.pages.total != 2 || s.search.Text != "" || s.filter.Goods != "龙井" || !hasText(g.win, "正在看：买过「龙井」的客户") {
		t.Errorf("after the offer: %d rows, search %q, goods %q", s.pages.total, s.search.Text, s.filter.Goods)
	}
	for _, c := range s.pages.pages[0] {
		if c.Nick == "路人" {
			t.Error("the buyer of a refunded 龙井 is listed")
		}
	}
	s.groups.showAll()
	s.search.SetText("没有这个人")
	if s.boughtBox.Visible() {
		t.Error("a search that matches no goods offers buyers")
	}
}

// A list showing a saved group follows it when 分组 renames it (the banner's name) or
// deletes it (everyone again, the search kept); a list showing another group does not.
func TestTheListFollowsItsSavedGroupRenamedOrDeleted(t *testing.T) {
	g, _ := openCustomers(t)
	s := g.customers
	seedCustomers(t, s.store, "茶友甲", "路人")
	jia := data.SavedGroup{ID: 1, Name: "甲", Filter: data.CustomerFilter{Query: "", City: "杭州"}}
	s.ShowGroup(jia.Filter, jia.Name)
	s.SavedGroupChanged(data.SavedGroup{ID: 2, Name: "乙", Filter: data.CustomerFilter{City: "上海"}}, nil)
	if !hasText(g.win, "正在看：甲") {
		t.Fatal("another group's deletion changed the list")
	}
	renamed := jia
	renamed.Name = "甲级"
	s.SavedGroupChanged(jia, &renamed)
	if !hasText(g.win, "正在看：甲级") || hasText(g.win, "正在看：甲") {
		t.Error("the banner does not follow the new name")
	}
	s.search.SetText("茶")
	s.SavedGroupChanged(renamed, nil)
	if s.groups.filtered() || s.filter.Query != "茶" || s.pages.total != 1 {
		t.Errorf("after deleting the group shown: filtered %v, query %q, %d rows", s.groups.filtered(), s.filter.Query, s.pages.total)
	}
}
