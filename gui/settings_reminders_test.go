package gui

import (
	"context"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/internal/guitest"
)

// entries lists the visible entries of the open dialog, else of the window, in
// layout order.
func entries(w fyne.Window) []*widget.Entry {
	var out []*widget.Entry
	walk(guitest.TopLayer(w), func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widget.Entry); ok {
			out = append(out, e)
		}
		return false
	})
	return out
}

func TestReminderSettingsSaveRulesAndTemplates(t *testing.T) {
	g, store := newTestApp(t)
	ctx := context.Background()
	test.Tap(navButton(t, g.win, "设置"))
	es := entries(g.win)
	// Rows in order: birthday lead, holiday lead, anniversary lead, revisit days,
	// dormant lead, dormant days, then the cap's days and messages.
	if len(es) < 9 || es[0].Text != "3" || es[1].Text != "7" || es[3].Text != "7" || es[5].Text != "180" ||
		es[6].Text != "7" || es[7].Text != "1" {
		t.Fatalf("rule entries: got %d, want the defaults 3, 7, …, 7, …, 180, then the cap 7 days 1 message", len(es))
	}
	es[0].SetText("0")
	es[5].SetText("90")
	es[6].SetText("14")
	es[7].SetText("2")
	test.Tap(button(t, g.win, "发送对象：全部客户")) // the first row's: birthdays
	check(t, g.win, "VIP客户").SetChecked(true)
	check(t, g.win, "重要价值").SetChecked(true)
	for _, e := range entries(g.win) {
		e.SetText("老客，回头客") // the dialog's one entry: tags
	}
	test.Tap(button(t, g.win, "确定"))
	check(t, g.win, "元宵节").SetChecked(false)
	test.Tap(button(t, g.win, "保存提醒设置"))
	rules, _ := store.ReminderRules(ctx)
	if days, _ := store.DormantDays(ctx); rules[data.KindBirthday].LeadDays != 0 || days != 90 {
		t.Errorf("saved: birthday lead %d, dormant %d; want 0 and 90", rules[data.KindBirthday].LeadDays, days)
	}
	br, hr := rules[data.KindBirthday], rules[data.KindHoliday]
	if fmt.Sprint(br.TargetTiers, br.TargetSegments, br.TargetTags) != "[tier.vip] [HHH] [老客 回头客]" {
		t.Errorf("birthday rule: got tiers %v segments %v tags %v", br.TargetTiers, br.TargetSegments, br.TargetTags)
	}
	if hr.Targeted() || fmt.Sprint(hr.HolidaysOff) != "[lantern]" {
		t.Errorf("holiday rule: got %+v; want everyone, 元宵节 off", hr)
	}
	if cap, _ := store.CareCap(ctx); cap != (data.CareCap{Messages: 2, Days: 14}) {
		t.Errorf("cap: got %+v, want 2 in 14 days", cap)
	}

	es[3].SetText("一周")
	test.Tap(button(t, g.win, "保存提醒设置"))
	if g.win.Canvas().Overlays().Top() == nil {
		t.Error("a wrong number was saved without a message")
	}
	g.win.Canvas().Overlays().Top().Hide()
	if rules, _ = store.ReminderRules(ctx); rules[data.KindRevisit].AfterDays != 7 {
		t.Errorf("revisit days: got %d, want 7 kept", rules[data.KindRevisit].AfterDays)
	}

	var body *widget.Entry
	for _, e := range entries(g.win) {
		if e.MultiLine {
			body = e
		}
	}
	if body == nil || body.Text == "" {
		t.Fatal("the template editor shows no default template")
	}
	body.SetText("{网名}，生日快乐！")
	test.Tap(button(t, g.win, "保存话术"))
	if got, custom, _ := store.Template(ctx, data.KindBirthday, "zh"); !custom || got != "{网名}，生日快乐！" {
		t.Errorf("saved template: got %q custom=%v", got, custom)
	}
	test.Tap(button(t, g.win, "恢复默认话术"))
	if _, custom, _ := store.Template(ctx, data.KindBirthday, "zh"); custom || body.Text == "{网名}，生日快乐！" {
		t.Errorf("restore: custom=%v, editor %q; want the default back", custom, body.Text)
	}
}

// check finds a visible check box by its label in the open dialog, else the window.
func check(t *testing.T, w fyne.Window, label string) *widget.Check {
	t.Helper()
	var found *widget.Check
	walk(guitest.TopLayer(w), func(o fyne.CanvasObject) bool {
		found, _ = o.(*widget.Check)
		return found != nil && found.Text == label
	})
	if found == nil || found.Text != label {
		t.Fatalf("no check box %q", label)
	}
	return found
}
