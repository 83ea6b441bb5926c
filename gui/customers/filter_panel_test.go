package customers

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/internal/guitest"
	"shopcrm/gui/ui"
)

// panelDemoShop fills the store with a small sample shop (its goods include 红茶).
func panelDemoShop(t *testing.T, store interface {
	GenerateDemo(context.Context, data.DemoOptions) error
}) {
	t.Helper()
	if err := store.GenerateDemo(t.Context(), data.DemoOptions{Customers: 300, Trades: 900, Seed: 19}); err != nil {
		t.Fatal(err)
	}
}

// panelType replaces the text of the i-th box of the open panel's row labelled label.
func panelType(t *testing.T, s *Screen, label string, i int, text string) {
	t.Helper()
	boxes := s.FilterPanelEntries(label)
	if len(boxes) <= i {
		t.Fatalf("the filter panel has no box %d in the row %q", i, label)
	}
	boxes[i].SetText(text)
}

// countText is what the panel shows for f, counted by the store.
func panelCount(t *testing.T, store interface {
	CountFiltered(context.Context, data.CustomerFilter) (int, int64, error)
}, f data.CustomerFilter) (string, int) {
	t.Helper()
	n, total, err := store.CountFiltered(t.Context(), f)
	if err != nil {
		t.Fatal(err)
	}
	return lang.L("groupsui.count", map[string]any{"Count": n, "Total": ui.Money(total)}), n
}

var (
	panelGoods = "买过的商品"
	panelTotal = "累计金额（¥）"
)

// Every condition a filter has is on the panel: a filter with all of them set shows
// in the panel and reads back the same (so a condition the panel lacked, or showed
// wrongly, fails here; dates are shown through 到, which includes its day).
func TestFilterPanelShowsEveryConditionAndReadsItBack(t *testing.T) {
	g, store := openCustomers(t)
	seedGoldenShop(t, store)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	f := data.CustomerFilter{
		Tag: "老客", Tier: "tier.vip", Segment: "HLH", Dormant: true,
		Goods: "红茶 罐装", Trades: data.Range{}.AtLeast(2).AtMost(9), TotalFen: data.Range{}.AtLeast(20050),
		AverageFen: data.Range{}.AtMost(0), DaysSinceLast: data.Range{}.AtLeast(30).AtMost(365),
		FirstTrade: data.DateRange{From: day(2025, 1, 1)}, LastTrade: data.DateRange{From: day(2026, 1, 1), Before: day(2026, 7, 1)},
		Platform: data.PlatformJD, Province: "浙江", City: "杭州", Source: "直播间", Gender: data.GenderFemale, BirthdayMonth: 8,
		OptedOut: data.No, Blacklisted: data.No, HasPhone: data.Yes, HasWeChat: data.No,
	}
	v := reflect.ValueOf(f)
	for i := range v.NumField() {
		if name := v.Type().Field(i).Name; v.Field(i).IsZero() && !strings.Contains("Query Sort Desc Limit Offset", name) {
			t.Fatalf("the test's filter leaves %s unset: set it so the panel must show it", name)
		}
	}
	g.customers.openFilterPanel(f, nil)
	got, problem := g.customers.panel.read()
	if problem != "" || got != f {
		t.Errorf("read back %+v (%q)\nwant       %+v", got, problem, f)
	}
	if to := g.customers.FilterPanelEntries("最近一次购买")[1].Text; to != "2026-06-30" {
		t.Errorf("到 shows %q, want the last day included, 2026-06-30", to)
	}
	if n := conditionCount(f); n != v.NumField()-5 {
		t.Errorf("conditionCount = %d, want %d", n, v.NumField()-5)
	}
	test.Tap(button(t, g.win, "重置"))
	if got, _ := g.customers.panel.read(); got != (data.CustomerFilter{}) {
		t.Errorf("after 重置: %+v", got)
	}
}

// The live count is the store's count of what the panel holds; a bound that cannot
// be read, or bounds the wrong way round, say why instead.
func TestFilterPanelCountsLiveAsTheStoreDoes(t *testing.T) {
	g, store := openCustomers(t)
	panelDemoShop(t, store)
	s := g.customers
	test.Tap(button(t, g.win, "筛选"))
	all, _ := panelCount(t, store, data.CustomerFilter{})
	if s.FilterPanelStatus() != all {
		t.Errorf("empty panel: %q, want %q", s.FilterPanelStatus(), all)
	}
	panelType(t, s, panelGoods, 0, "红茶")
	tea, nTea := panelCount(t, store, data.CustomerFilter{Goods: "红茶"})
	if s.FilterPanelStatus() != tea || nTea == 0 {
		t.Errorf("goods: %q, want %q", s.FilterPanelStatus(), tea)
	}
	panelType(t, s, panelTotal, 0, "¥1,000")
	rich, nRich := panelCount(t, store, data.CustomerFilter{Goods: "红茶", TotalFen: data.Range{}.AtLeast(100000)})
	if s.FilterPanelStatus() != rich || nRich == 0 || nRich >= nTea {
		t.Errorf("goods and total: %q, want %q (of %d tea buyers)", s.FilterPanelStatus(), rich, nTea)
	}
	for _, tc := range []struct {
		label string
		box   int
		text  string
		want  string
	}{
		{panelTotal, 1, "abc", "「累计金额（¥）」里的「abc」不是金额"},
		{panelTotal, 1, "500", "累计金额范围不对"},
		{"交易次数", 0, "2.5", "「交易次数」里的「2.5」不是整数"},
		{"第一次购买", 0, "2026-13-01", "「第一次购买」里的「2026-13-01」不是日期"},
		{"最近一次购买", 1, "2026/2/30", "「最近一次购买」里的「2026/2/30」不是日期"},
	} {
		panelType(t, s, tc.label, tc.box, tc.text)
		if !strings.Contains(s.FilterPanelStatus(), tc.want) {
			t.Errorf("%s %q: %q, want %q", tc.label, tc.text, s.FilterPanelStatus(), tc.want)
		}
		panelType(t, s, tc.label, tc.box, "")
	}
	panelType(t, s, "第一次购买", 0, "2026-06-01")
	panelType(t, s, "第一次购买", 1, "2026-05-31")
	if !strings.Contains(s.FilterPanelStatus(), "首次交易日期不对") {
		t.Errorf("dates the wrong way round: %q", s.FilterPanelStatus())
	}
	panelType(t, s, "第一次购买", 1, "2026-06-01") // from a day through the same day is that day
	if !strings.HasPrefix(s.FilterPanelStatus(), "符合条件：") {
		t.Errorf("one day: %q", s.FilterPanelStatus())
	}
	panelType(t, s, "第一次购买", 0, "")
	panelType(t, s, "第一次购买", 1, "")
	if s.FilterPanelStatus() != rich {
		t.Errorf("bounds cleared again: %q, want %q", s.FilterPanelStatus(), rich)
	}
}

// Counting runs off the UI goroutine; an answer that arrives after a newer edit is
// dropped, so the panel never shows the count of conditions it no longer holds.
func TestFilterPanelDropsAnOlderCount(t *testing.T) {
	g, store := openCustomers(t)
	panelDemoShop(t, store)
	s := g.customers
	var q guitest.JobQueue
	s.spawn = q.Spawn
	s.OpenFilterPanel()
	q.RunUntil(func() bool { return false })
	panelType(t, s, panelGoods, 0, "红")
	panelType(t, s, panelGoods, 0, "红茶")
	if len(q.Jobs) != 2 {
		t.Fatalf("%d counts queued, want 2", len(q.Jobs))
	}
	q.Jobs[0]() // the count for 红 comes back late
	if got := s.FilterPanelStatus(); got != lang.L("groupsui.counting") {
		t.Errorf("after the older answer: %q, want it dropped", got)
	}
	q.Jobs[1]()
	if want, _ := panelCount(t, store, data.CustomerFilter{Goods: "红茶"}); s.FilterPanelStatus() != want {
		t.Errorf("after the newer answer: %q, want %q", s.FilterPanelStatus(), want)
	}
}

// 应用 filters the list, the banner says so and counts the conditions, the search
// narrows within it, and 显示全部 clears it.
func TestFilterPanelApplyFiltersTheListWithTheSearch(t *testing.T) {
	g, store := openCustomers(t)
	panelDemoShop(t, store)
	s := g.customers
	test.Tap(button(t, g.win, "筛选"))
	panelType(t, s, panelGoods, 0, "红茶")
	panelType(t, s, panelTotal, 0, "300")
	test.Tap(button(t, g.win, "应用"))
	f := data.CustomerFilter{Goods: "红茶", TotalFen: data.Range{}.AtLeast(30000)}
	_, n := panelCount(t, store, f)
	if s.Total() != n || !hasText(g.win, "已筛选：2 个条件") {
		t.Errorf("applied: %d rows (want %d), banner shown %v", s.Total(), n, hasText(g.win, "已筛选：2 个条件"))
	}
	nick := s.Row(0).Nick
	s.search.SetText(nick)
	f.Query = nick
	if _, want, _ := store.FindCustomers(t.Context(), f); s.Total() != want || want >= n {
		t.Errorf("search within the filter: %d rows, want %d (of %d)", s.Total(), want, n)
	}
	test.Tap(button(t, g.win, "显示全部"))
	if _, want, _ := store.FindCustomers(t.Context(), data.CustomerFilter{Query: nick}); s.Total() != want || s.groups.filtered() {
		t.Errorf("显示全部 keeps the search: %d rows, want %d", s.Total(), want)
	}
}

// groupNameBox is the text box of the open name dialog.
func groupNameBox(t *testing.T, w fyne.Window) *widget.Entry {
	t.Helper()
	var e *widget.Entry
	guitest.Walk(guitest.TopLayer(w), func(o fyne.CanvasObject) bool {
		e, _ = o.(*widget.Entry)
		return e != nil
	})
	if e == nil {
		t.Fatal("no name box on screen")
	}
	return e
}

// 保存为分组 keeps the panel's conditions under a name and shows the group; a name
// another group has is said so in the name dialog, with the name and the panel kept.
func TestSaveAsGroupKeepsTheConditionsUnderAName(t *testing.T) {
	g, store := openCustomers(t)
	panelDemoShop(t, store)
	s := g.customers
	saved := 0
	s.OnGroupsChanged = func() { saved++ }
	save := func(name string) {
		test.Tap(button(t, g.win, "筛选"))
		panelType(t, s, panelGoods, 0, "红茶")
		panelType(t, s, "交易次数", 0, "2")
		test.Tap(button(t, g.win, "保存为分组"))
		test.Type(groupNameBox(t, g.win), name)
		test.Tap(button(t, g.win, "保存"))
	}
	save("红茶回头客")
	groups, err := store.SavedGroups(t.Context())
	want := data.CustomerFilter{Goods: "红茶", Trades: data.Range{}.AtLeast(2)}
	if err != nil || len(groups) != 1 || groups[0].Name != "红茶回头客" || groups[0].Filter != want || saved != 1 {
		t.Fatalf("saved %v %v, told %d times", groups, err, saved)
	}
	if _, n := panelCount(t, store, want); s.Total() != n || s.groups.label.Text != "正在看：红茶回头客" {
		t.Errorf("the list shows %d rows, want the group's %d under its name (banner %q)", s.Total(), n, s.groups.label.Text)
	}
	if !guitest.HasTextContaining(g.win, "已保存分组「红茶回头客」") {
		t.Error("no note that the group was saved")
	}
	test.Tap(button(t, g.win, "好"))

	save("红茶回头客")
	if !guitest.HasTextContaining(g.win, "已经有叫「红茶回头客」的分组了") || groupNameBox(t, g.win).Text != "红茶回头客" {
		t.Error("a taken name is not said so with the name kept")
	}
	test.Tap(button(t, g.win, "取消"))
	if typed := s.FilterPanelEntries(panelGoods)[0].Text; typed != "红茶" {
		t.Errorf("the panel lost its conditions: goods %q", typed)
	}
	if groups, _ := store.SavedGroups(t.Context()); len(groups) != 1 {
		t.Errorf("%d saved groups after the refused name", len(groups))
	}
}

// 修改条件 opens the panel on a saved group; saving changes that group, not a new one.
func TestEditingASavedGroupUpdatesIt(t *testing.T) {
	g, store := openCustomers(t)
	panelDemoShop(t, store)
	s := g.customers
	grp := &data.SavedGroup{Name: "红茶客", Filter: data.CustomerFilter{Goods: "红茶"}}
	if err := store.SaveGroup(t.Context(), grp); err != nil {
		t.Fatal(err)
	}
	s.EditGroup(grp)
	if typed := s.FilterPanelEntries(panelGoods)[0].Text; typed != "红茶" {
		t.Fatalf("the panel opened with goods %q", typed)
	}
	panelType(t, s, panelTotal, 1, "500")
	test.Tap(button(t, g.win, "保存修改"))
	groups, _ := store.SavedGroups(t.Context())
	want := data.CustomerFilter{Goods: "红茶", TotalFen: data.Range{}.AtMost(50000)}
	if len(groups) != 1 || groups[0].ID != grp.ID || groups[0].Filter != want {
		t.Errorf("after 保存修改: %+v", groups)
	}
	if _, n := panelCount(t, store, want); s.Total() != n || s.groups.label.Text != "正在看：红茶客" {
		t.Errorf("the list shows %d rows, want %d", s.Total(), n)
	}
}

// Enter in a box of the panel applies it, as Enter saves the other forms.
func TestEnterInTheFilterPanelApplies(t *testing.T) {
	g, store := openCustomers(t)
	panelDemoShop(t, store)
	s := g.customers
	test.Tap(button(t, g.win, "筛选"))
	box := s.FilterPanelEntries(panelGoods)[0]
	test.Type(box, "红茶")
	box.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if _, n := panelCount(t, store, data.CustomerFilter{Goods: "红茶"}); s.Total() != n || g.win.Canvas().Overlays().Top() != nil {
		t.Errorf("after Enter: %d rows, want %d, panel closed %v", s.Total(), n, g.win.Canvas().Overlays().Top() == nil)
	}
}
