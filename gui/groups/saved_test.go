package groups

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/internal/guitest"
	"shopcrm/gui/ui"
)

// savedCountLine is the count line the 已保存 tab shows for f, counted by the store.
func savedCountLine(t *testing.T, g *testWindow, f data.CustomerFilter) string {
	t.Helper()
	n, total, err := g.store.CountFiltered(t.Context(), f)
	if err != nil {
		t.Fatal(err)
	}
	return lang.L("groups.saved.count", map[string]any{"Count": n, "Total": ui.Money(total)})
}

func saveTestGroup(t *testing.T, g *testWindow, name string, f data.CustomerFilter) *data.SavedGroup {
	t.Helper()
	sg := &data.SavedGroup{Name: name, Filter: f}
	if err := g.store.SaveGroup(t.Context(), sg); err != nil {
		t.Fatal(err)
	}
	return sg
}

// With no saved group the tab tells the seller how to make one.
func TestSavedTabSaysHowToMakeAGroup(t *testing.T) {
	g, s := openGroups(t)
	s.ShowSavedTab()
	if !guitest.HasTextContaining(g.win, "在「客户」页点「筛选」") || !guitest.HasTextContaining(g.win, "保存为分组") {
		t.Error("the empty 已保存 tab does not say how to make a group")
	}
}

// Each saved group shows its live count and value (counted again on every reload, so
// a new trade moves a buyer in), opens as a list under its name, and offers every
// action a group has plus 修改条件, 重命名 and 删除.
func TestSavedGroupsShowLiveCountsAndEveryAction(t *testing.T) {
	g, s := openGroups(t)
	// The golden shop: 爱喝茶的小王 3 trades ¥524, jd_李华 1 trade ¥5200, 拼团达人 none; all 明前龙井茶.
	tea := data.CustomerFilter{Goods: "龙井", TotalFen: data.Range{}.AtLeast(100000)}
	saveTestGroup(t, g, "龙井大客户", tea)
	sg := saveTestGroup(t, g, "回头客", data.CustomerFilter{Trades: data.Range{}.AtLeast(2)})
	s.Reload()
	s.ShowSavedTab()
	before := savedCountLine(t, g, tea)
	if !strings.HasPrefix(before, "1 位客户") || !guitest.HasText(g.win, before) || !guitest.HasText(g.win, "龙井大客户") {
		t.Errorf("the tab does not show 龙井大客户 with %q", before)
	}
	// 拼团达人 buys 龙井 for ¥1200: one more member after a reload.
	customers, _, _ := g.store.FindCustomers(t.Context(), data.CustomerFilter{Query: "拼团达人"})
	if err := g.store.CreateTrade(t.Context(), &data.Trade{CustomerID: customers[0].ID, AmountFen: 120000, Goods: "龙井 礼盒",
		TradedAt: time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	s.Reload()
	if after := savedCountLine(t, g, tea); !strings.HasPrefix(after, "2 位客户") || !guitest.HasText(g.win, after) {
		t.Errorf("after a new trade the tab shows no %q", after)
	}

	var opened data.CustomerFilter
	var label string
	s.OnOpen = func(f data.CustomerFilter, l string) { opened, label = f, l }
	var edited *data.SavedGroup
	s.OnEditSaved = func(g *data.SavedGroup) { edited = g }
	rows := s.saved.Objects
	if len(rows) != 2 {
		t.Fatalf("%d rows, want 2", len(rows))
	}
	// Rows are in name order: 回头客, 龙井大客户.
	test.Tap(savedRowButton(t, rows[1], "查看客户"))
	if opened != tea || label != "龙井大客户" {
		t.Errorf("查看客户 opened %+v %q", opened, label)
	}
	test.Tap(savedRowButton(t, rows[0], "更多"))
	var items []string
	walk(g.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		if t, ok := o.(*canvas.Text); ok && t.Text != "" {
			items = append(items, t.Text)
		}
		return false
	})
	var want []string
	for _, a := range s.groupActionList(sg.Filter, sg.Name)[1:] {
		want = append(want, lang.L(a.key))
	}
	want = append(want, "修改条件", "重命名", "删除")
	if strings.Join(items, ",") != strings.Join(want, ",") {
		t.Errorf("更多 menu: %q, want %q", items, want)
	}
	test.Tap(popUpMenuItem(t, g.win, "修改条件"))
	if edited == nil || edited.ID != sg.ID {
		t.Errorf("修改条件 opened %+v", edited)
	}
}

// 重命名 to a name another group has says so with the typed name kept; 删除 asks first.
func TestRenameAndDeleteASavedGroup(t *testing.T) {
	g, s := openGroups(t)
	a := saveTestGroup(t, g, "甲", data.CustomerFilter{Goods: "龙井"})
	saveTestGroup(t, g, "乙", data.CustomerFilter{Dormant: true})
	var told []string // what a list showing the group is told
	s.OnSavedChanged = func(old data.SavedGroup, now *data.SavedGroup) {
		if now == nil {
			told = append(told, old.Name+" deleted")
		} else {
			told = append(told, old.Name+" → "+now.Name)
		}
	}
	s.Reload()
	s.ShowSavedTab()
	s.renameSaved(a)
	box := dialogEntry(t, g.win)
	box.SetText("乙")
	test.Tap(button(t, g.win, "保存"))
	if !guitest.HasTextContaining(g.win, "已经有叫「乙」的分组了") || dialogEntry(t, g.win).Text != "乙" {
		t.Error("a taken name is not said so with the name kept")
	}
	dialogEntry(t, g.win).SetText("甲级")
	test.Tap(button(t, g.win, "保存"))
	if got, _ := g.store.SavedGroup(t.Context(), a.ID); got == nil || got.Name != "甲级" || got.Filter != a.Filter {
		t.Errorf("after renaming: %+v", got)
	}
	if !guitest.HasText(g.win, "甲级") {
		t.Error("the tab does not show the new name")
	}
	// Birthday reminders go to 甲: deleting it says so first.
	rules, err := g.store.ReminderRules(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	birthday := rules[data.KindBirthday]
	birthday.TargetGroup = a.ID
	if err := g.store.SaveReminderRule(t.Context(), birthday); err != nil {
		t.Fatal(err)
	}
	s.deleteSaved(a)
	if groups, _ := g.store.SavedGroups(t.Context()); len(groups) != 2 {
		t.Fatal("删除 did not ask first")
	}
	if !guitest.HasTextContaining(g.win, "提醒的发送对象") {
		t.Error("deleting a group reminders are sent to does not say so")
	}
	test.Tap(button(t, g.win, "删除"))
	if groups, _ := g.store.SavedGroups(t.Context()); len(groups) != 1 || groups[0].Name != "乙" {
		t.Errorf("after 删除: %+v", groups)
	}
	if fmt.Sprint(told) != "[甲 → 甲级 甲 deleted]" { // the test deletes the group as it read it first
		t.Errorf("a list showing the group was told %v", told)
	}
}

// savedRowButton is the button labelled label in a row.
func savedRowButton(t *testing.T, row fyne.CanvasObject, label string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(row, func(o fyne.CanvasObject) bool {
		found, _ = o.(*widget.Button)
		if found != nil && found.Text != label {
			found = nil
		}
		return found != nil
	})
	if found == nil {
		t.Fatalf("no button %q in the row", label)
	}
	return found
}

// popUpMenuItem is the item labelled label of the open pop-up menu.
func popUpMenuItem(t *testing.T, w fyne.Window, label string) fyne.Tappable {
	t.Helper()
	var found fyne.Tappable
	walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		item, ok := o.(fyne.Tappable)
		if !ok {
			return false
		}
		if _, isWidget := o.(fyne.Widget); isWidget && walk(o, func(c fyne.CanvasObject) bool {
			text, ok := c.(*canvas.Text)
			return ok && text.Text == label
		}) {
			found = item // the innermost one holding the label: the item, not the menu
		}
		return false
	})
	if found == nil {
		t.Fatalf("no menu item %q", label)
	}
	return found
}

// dialogEntry is the text box of the open dialog.
func dialogEntry(t *testing.T, w fyne.Window) *widget.Entry {
	t.Helper()
	var e *widget.Entry
	walk(guitest.TopLayer(w), func(o fyne.CanvasObject) bool {
		e, _ = o.(*widget.Entry)
		return e != nil
	})
	if e == nil {
		t.Fatal("no text box on top")
	}
	return e
}
