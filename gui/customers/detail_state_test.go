package customers

import (
	"context"
	"testing"
	"time"

	"shopcrm/data"
)

// TestDetailShowsAnotherCustomerFromItsTop: the detail of the next customer opens at
// its top, not where the previous one's fields, trades and follow-ups were scrolled to
// (issue 16, item 13).
func TestDetailShowsAnotherCustomerFromItsTop(t *testing.T) {
	g, store := openCustomers(t)
	ctx := context.Background()
	var ids []int64
	for _, nick := range []string{"甲", "乙"} {
		c := &data.Customer{Platform: data.PlatformTaobao, Nick: nick, Name: "张" + nick, Phone: "13800138000", City: "杭州",
			Address: "西湖区文三路 1 号", Email: "a@b.cn", Note: "老客"}
		if err := store.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 40; i++ {
			if err := store.CreateTrade(ctx, &data.Trade{CustomerID: c.ID, AmountFen: 1000, Goods: "茶",
				TradedAt: time.Date(2026, 1, 1+i, 12, 0, 0, 0, time.UTC)}); err != nil {
				t.Fatal(err)
			}
		}
		ids = append(ids, c.ID)
	}
	s := g.customers
	s.Reload()
	s.ShowCustomer(ids[0])
	d := s.detail
	d.info.ScrollToBottom()
	d.trades.ScrollToBottom()
	d.followUps.scroll.ScrollToBottom()
	if d.info.Offset.Y == 0 {
		t.Fatal("the detail's fields do not scroll at this window size: the test shows nothing")
	}
	s.ShowCustomer(ids[1])
	if d.info.Offset.Y != 0 || d.followUps.scroll.Offset.Y != 0 || d.trades.GetScrollOffset() != 0 {
		t.Errorf("the next customer opens scrolled: fields at %v, follow-ups at %v, trades at %v",
			d.info.Offset.Y, d.followUps.scroll.Offset.Y, d.trades.GetScrollOffset())
	}
	d.info.ScrollToBottom()
	s.ShowCustomer(ids[1]) // the same customer again (after an edit): stays where it was
	if d.info.Offset.Y == 0 {
		t.Error("showing the same customer again scrolled it to the top")
	}
}

// TestOpeningAGroupLetsGoOfACustomerOutsideIt: the detail never shows a customer who
// is not in the group (or search) just opened; one who is stays (issue 16, item 13).
func TestOpeningAGroupLetsGoOfACustomerOutsideIt(t *testing.T) {
	g, store := openCustomers(t)
	seedGoldenShop(t, store) // 爱喝茶的小王 is tagged 老客
	s := g.customers
	s.Reload()
	var wang, li int64
	for row := 0; row < s.Total(); row++ {
		switch c := s.Row(row); c.Nick {
		case "爱喝茶的小王":
			wang = c.ID
		case "jd_李华":
			li = c.ID
		}
	}
	s.ShowCustomer(li)
	s.ShowGroup(data.CustomerFilter{Tag: "老客"}, "老客")
	if s.Selected() != 0 || s.detail.body.Visible() {
		t.Error("the detail still shows 李华, who is not in the group 老客")
	}
	s.ShowGroup(data.CustomerFilter{}, "")
	s.ShowCustomer(wang)
	s.ShowGroup(data.CustomerFilter{Tag: "老客"}, "老客")
	if s.Selected() != wang || !s.detail.body.Visible() {
		t.Error("opening a group the shown customer is in let go of them")
	}
	s.search.SetText("李华")
	if s.Selected() != 0 {
		t.Error("a search that does not find the shown customer kept them in the detail")
	}
}
