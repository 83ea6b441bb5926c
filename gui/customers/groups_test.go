package customers

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"shopcrm/data"
	"shopcrm/gui/internal/guitest"
	"shopcrm/i18n"
)

// The first page of the list does not wait for today's RFM parameters (a whole-shop
// pass): it shows tiers at once and the segments right after; once the parameters are
// known, a page comes rated in one step.
func TestListShowsTheFirstPageBeforeRating(t *testing.T) {
	g, store := openCustomers(t)
	seedGoldenShop(t, store)
	s := g.customers
	q := &guitest.JobQueue{}
	s.spawn = q.Spawn
	s.Reload()
	q.RunUntil(func() bool { return s.pages.total == 3 })
	group := len(listColumns) - 1
	for row := 0; row < 3; row++ {
		if c, _ := s.pages.row(row); c.Rating.Segment != "" {
			t.Errorf("row %d rated before the page was shown: %q", row, cell(s, row, group))
		}
	}
	if len(q.Jobs) != 1 {
		t.Fatalf("%d jobs after the first page, want the rating", len(q.Jobs))
	}
	q.RunUntil(func() bool { return false })
	rated := 0
	for row := 0; row < 3; row++ {
		if c, _ := s.pages.row(row); c.Rating.Segment != "" {
			rated++
			if !strings.Contains(cell(s, row, group), i18n.SegmentName(c.Rating.Segment)) {
				t.Errorf("row %d: group column %q has no segment", row, cell(s, row, group))
			}
		}
	}
	if rated != 2 {
		t.Errorf("%d rows rated, want the 2 buyers", rated)
	}
	s.Reload()
	if len(q.Jobs) != 1 {
		t.Fatalf("%d jobs queued by a reload", len(q.Jobs))
	}
	q.Jobs[0]()
	q.Jobs = q.Jobs[1:]
	if c, _ := s.pages.row(0); len(q.Jobs) != 0 || (c.Stats.TradeCount > 0 && c.Rating.Segment == "") {
		t.Errorf("with the parameters known, the page came unrated (%d jobs left)", len(q.Jobs))
	}
}

// An empty group says which group is empty, not that a (blank) search found nothing;
// a search inside a group names both.
func TestEmptyGroupNamesTheGroup(t *testing.T) {
	g, store := openCustomers(t)
	seedGoldenShop(t, store)
	s := g.customers
	s.ShowGroup(data.CustomerFilter{Tier: "tier.vip"}, "VIP客户")
	if s.pages.total != 0 || !s.empty.Visible() {
		t.Fatalf("VIP list: %d rows", s.pages.total)
	}
	if want := "「VIP客户」里现在没有客户。\n点击「显示全部」回到全部客户。"; s.emptyMsg.Message() != want {
		t.Errorf("empty group: %q, want %q", s.emptyMsg.Message(), want)
	}
	s.ShowGroup(data.CustomerFilter{Tier: "tier.supreme"}, "至尊VIP")
	s.search.SetText("小王")
	if s.pages.total != 0 || !strings.HasPrefix(s.emptyMsg.Message(), "「至尊VIP」里没有与「小王」匹配的客户。") {
		t.Errorf("search in a group: %d rows, %q", s.pages.total, s.emptyMsg.Message())
	}
	test.Tap(button(t, g.win, "显示全部"))
	s.search.SetText("没有这个人")
	if !strings.HasPrefix(s.emptyMsg.Message(), "没有找到与「没有这个人」匹配的客户。") {
		t.Errorf("search without a group: %q", s.emptyMsg.Message())
	}
}

// 「显示全部」 under a search that found nothing in the group leaves the group and
// keeps the search: the list shows the matches among all customers (issue 16, item 10).
func TestShowAllKeepsTheSearch(t *testing.T) {
	g, store := openCustomers(t)
	seedGoldenShop(t, store)
	s := g.customers
	s.ShowGroup(data.CustomerFilter{Tier: "tier.supreme"}, "至尊VIP")
	test.Type(s.search, "小王")
	if s.pages.total != 0 || !strings.HasPrefix(s.emptyMsg.Message(), "「至尊VIP」里没有与「小王」匹配的客户。") {
		t.Fatalf("search in the group: %d rows, %q", s.pages.total, s.emptyMsg.Message())
	}
	test.Tap(button(t, g.win, "显示全部"))
	if got := s.search.Text; got != "小王" {
		t.Errorf("search entry after 显示全部: got %q, want %q", got, "小王")
	}
	if s.groups.filtered() {
		t.Errorf("still filtered to a group after 显示全部: %+v", s.filter)
	}
	if s.pages.total != 1 || s.empty.Visible() {
		t.Fatalf("after 显示全部: got %d rows (empty message %v), want the 1 match among all customers", s.pages.total, s.empty.Visible())
	}
	if c := s.Row(0); c == nil || c.Nick != "爱喝茶的小王" {
		t.Errorf("after 显示全部: got row %+v, want 爱喝茶的小王", c)
	}
}
