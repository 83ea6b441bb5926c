package gui

import (
	"context"
	"sort"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/onboarding"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// storeCountLine is what the filter panel and 已保存 say for f, counted by the store.
func storeCountLine(t *testing.T, g *App, key string, f data.CustomerFilter) string {
	t.Helper()
	n, total, err := g.store.CountFiltered(t.Context(), f)
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatalf("no customer matches %+v: the test would prove nothing", f)
	}
	return lang.L(key, map[string]any{"Count": n, "Total": ui.Money(total)})
}

// panelSetBox types text into the i-th box of the panel's row labelled label.
func panelSetBox(t *testing.T, g *App, label string, i int, text string) {
	t.Helper()
	boxes := g.customers.FilterPanelEntries(label)
	if len(boxes) <= i {
		t.Fatalf("the filter panel has no box %d in %q", i, label)
	}
	test.Type(boxes[i], text)
}

// The seller's path: build a filter on 客户 (goods and a bound), see the live count,
// save it as a group, find it on 分组 with that count, open it, and the list shows
// exactly its members.
func TestBuildAFilterSaveItAndOpenTheGroup(t *testing.T) {
	g, store := newTestApp(t)
	if err := store.GenerateDemo(context.Background(), onboarding.DemoSize); err != nil {
		t.Fatal(err)
	}
	g.customers.Reload()
	f := data.CustomerFilter{Goods: "红茶", TotalFen: data.Range{}.AtLeast(50000)}

	test.Tap(button(t, g.win, "筛选"))
	panelSetBox(t, g, "买过的商品", 0, "红茶")
	panelSetBox(t, g, "累计金额（¥）", 0, "500")
	if got, want := g.customers.FilterPanelStatus(), storeCountLine(t, g, "groupsui.count", f); got != want {
		t.Errorf("live count %q, want %q", got, want)
	}
	test.Tap(button(t, g.win, "保存为分组"))
	test.Type(groupNameEntry(t, g.win), "红茶大客户")
	test.Tap(button(t, g.win, "保存"))
	test.Tap(button(t, g.win, "好"))

	test.Tap(button(t, g.win, "分组"))
	g.groups.ShowSavedTab()
	if want := storeCountLine(t, g, "groups.saved.count", f); !hasText(g.win, "红茶大客户") || !hasText(g.win, want) {
		t.Errorf("分组 → 已保存 does not list 红茶大客户 with %q", want)
	}
	test.Tap(button(t, g.win, "查看客户"))
	if !hasText(g.win, "正在看：红茶大客户") {
		t.Error("the group did not open as the customer list under its name")
	}
	var members []int64
	if err := store.EachCustomer(t.Context(), f, func(c *data.Customer) error {
		members = append(members, c.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var listed []int64
	for i := range g.customers.Total() {
		listed = append(listed, g.customers.Row(i).ID)
	}
	sort.Slice(members, func(i, j int) bool { return members[i] < members[j] })
	sort.Slice(listed, func(i, j int) bool { return listed[i] < listed[j] })
	if len(listed) != len(members) || len(members) == 0 {
		t.Fatalf("the list shows %d customers, the group has %d", len(listed), len(members))
	}
	for i := range members {
		if listed[i] != members[i] {
			t.Fatalf("the list shows customer %d where the group has %d", listed[i], members[i])
		}
	}
}

// The filter panel fits a 1024×700 window in both languages: its conditions scroll
// inside it, and its buttons stay on screen.
func TestFilterPanelFitsASmallScreen(t *testing.T) {
	for _, choice := range []string{i18n.Chinese, i18n.English} {
		t.Run(choice, func(t *testing.T) {
			t.Cleanup(func() { i18n.Use(i18n.Chinese) })
			g, store := newTestAppIn(t, choice)
			seedGoldenShop(t, store)
			g.win.Resize(smallScreen)
			g.customers.OpenFilterPanel()
			fitsSmallScreen(t, g, "filter panel")
			top := g.win.Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("no filter panel")
			}
			apply := button(t, g.win, lang.L("groupsui.apply"))
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(apply)
			if size := g.win.Canvas().Size(); pos.Y+apply.Size().Height > size.Height || pos.X+apply.Size().Width > size.Width {
				t.Errorf("应用 at %v is off a %v window", pos, size)
			}
		})
	}
}

func TestGoldenFilterPanel(t *testing.T) {
	g, store := newTestApp(t)
	seedGoldenShop(t, store)
	g.win.Resize(smallScreen)
	test.Tap(button(t, g.win, "筛选"))
	panelSetBox(t, g, "买过的商品", 0, "龙井")
	panelSetBox(t, g, "累计金额（¥）", 0, "200")
	test.AssertRendersToMarkup(t, "filter_panel.xml", g.win.Canvas())
}

// groupNameEntry is the first text box of the open dialog.
func groupNameEntry(t *testing.T, w fyne.Window) *widget.Entry {
	t.Helper()
	var e *widget.Entry
	walk(topLayer(w), func(o fyne.CanvasObject) bool {
		e, _ = o.(*widget.Entry)
		return e != nil
	})
	if e == nil {
		t.Fatal("no text box on top")
	}
	return e
}
