package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/groups"
	"shopcrm/i18n"
)

// openGroups shows the 分组 screen of a test app on the golden shop.
func openGroups(t *testing.T) (*App, *groups.Screen) {
	t.Helper()
	g, store := newTestApp(t)
	seedGoldenShop(t, store)
	test.Tap(button(t, g.win, "分组"))
	return g, g.groups
}

func TestClickingAGroupOpensTheFilteredList(t *testing.T) {
	g, gs := openGroups(t)
	gs.OnOpen(data.CustomerFilter{Tier: "tier.supreme"}, "至尊VIP")
	if g.customers.Total() != 1 || cell(g.customers, 0, 0) != "jd_李华" {
		t.Errorf("supreme list: %d rows, first %q", g.customers.Total(), cell(g.customers, 0, 0))
	}
	if !hasText(g.win, "正在看：至尊VIP") {
		t.Error("the list does not say which group it shows")
	}
	test.Tap(button(t, g.win, "显示全部"))
	if g.customers.Total() != 3 {
		t.Errorf("show all: %d rows", g.customers.Total())
	}
}

func TestTagSeveralCustomersFromTheList(t *testing.T) {
	g, store := newTestApp(t)
	seedGoldenShop(t, store)
	g.customers.Reload()
	test.Tap(button(t, g.win, "多选"))
	g.customers.SelectRow(0)
	g.customers.SelectRow(2)
	if g.customers.Picked() != 2 || !hasText(g.win, "已选 2 位") {
		t.Fatalf("picked %d", g.customers.Picked())
	}
	test.Tap(button(t, g.win, "加标签"))
	var entry *widget.Entry
	walk(topLayer(g.win), func(o fyne.CanvasObject) bool {
		entry, _ = o.(*widget.Entry)
		return entry != nil
	})
	test.Type(entry, "双11名单")
	test.Tap(button(t, g.win, "保存"))
	if !hasText(g.win, "已给 2 位客户加上标签「双11名单」。") {
		t.Error("no confirmation of the tagging")
	}
	if _, n, _ := store.FindCustomers(t.Context(), data.CustomerFilter{Tag: "双11名单"}); n != 2 {
		t.Errorf("tagged: %d", n)
	}
}

func TestGoldenGroupsScreen(t *testing.T) {
	g, _ := openGroups(t)
	test.AssertRendersToMarkup(t, "groups.xml", g.win.Canvas())
}

// The tier table fits a 1240 px window in both languages: every row, its actions
// included, is no wider than the table, so nothing hides behind a sideways scroll.
func TestTierTableFitsTheWindow(t *testing.T) {
	for _, choice := range []string{i18n.Chinese, i18n.English} {
		g, store := newTestAppIn(t, choice)
		seedGoldenShop(t, store)
		g.win.Resize(fyne.NewSize(1240, 780))
		g.showScreen(g.groups.Content)
		table, rows := g.groups.TierRows()
		width := table.Size().Width
		if width < 600 {
			t.Fatalf("%s: tier table only %.0f px wide", choice, width)
		}
		for i, row := range rows {
			if w := row.MinSize().Width; w > width {
				t.Errorf("%s: tier %d needs %.0f px, the table has %.0f", choice, i, w, width)
			}
		}
		button(t, g.win, lang.L("groups.open"))
		button(t, g.win, lang.L("groups.more"))
	}
	if err := i18n.Use(i18n.Chinese); err != nil {
		t.Fatal(err)
	}
}
