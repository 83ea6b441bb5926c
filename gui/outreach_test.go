package gui

import (
	"context"
	"image/png"
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
)

// A holiday greeting on 提醒 has 逐个发送: its queue holds the greeting's buyers (and
// the greeting is done on 提醒), Enter logs a holiday care message, and a stopped queue
// is offered on 提醒 and on 分组; a group on 分组 starts its own queue the same way.
func TestOutreachStartsFromRemindersAndGroups(t *testing.T) {
	store := newTestStore(t)
	store.Now = func() time.Time { return time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC) } // 双12 greeting due today
	seedGoldenShop(t, store)
	g := openTestWindow(t, store)
	g.win.Resize(fyne.NewSize(1024, 700))

	test.Tap(navButton(t, g.win, "提醒"))
	test.Tap(button(t, g.win, "逐个发送"))
	if !hasText(g.win, "逐个发送：双12问候") {
		t.Fatal("逐个发送 on the holiday greeting does not open its queue")
	}
	test.Tap(button(t, g.win, "开始发送"))
	for _, r := range g.reminders.Agenda().Today {
		if r.Kind == data.KindHoliday {
			t.Error("the greeting is still on 提醒 once its queue is made")
		}
	}
	if !hasText(g.win, "jd_李华（李华） · 京东") {
		t.Fatal("the greeting's first buyer is not the most valuable one")
	}
	if msg := g.fyneApp.Clipboard().Content(); msg != "亲爱的jd_李华，双12快乐！感谢您对小店的支持，祝您和家人节日愉快～" {
		t.Errorf("clipboard %q, want the filled holiday greeting", msg)
	}
	g.outreach.Now = func() time.Time { return time.Now().Add(time.Hour) } // past Enter's pause
	g.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	ids := customerIDs(t, g)
	cs, err := store.FindContacts(context.Background(), ids["jd_李华"])
	if err != nil || len(cs) != 1 || cs[0].Care != string(data.KindHoliday) {
		t.Fatalf("after Enter: %+v, %v; want one holiday care message", cs, err)
	}
	test.Tap(button(t, g.win, "停止"))
	test.Tap(button(t, g.win, "好"))
	if !hasText(g.win, "继续发送：双12问候，还剩 2 位") {
		t.Error("the stopped greeting is not offered on 提醒")
	}
	test.Tap(navButton(t, g.win, "分组"))
	if !hasText(g.win, "继续发送：双12问候，还剩 2 位") {
		t.Error("the stopped greeting is not offered on 分组")
	}

	// A group (an RFM segment) starts its own queue.
	selectTab(t, g.win, "RFM 分析")
	test.Tap(button(t, g.win, "更多"))
	popUpItem(t, g.win, "逐个发送")
	if !labelContaining(g.win, "逐个发送：") {
		t.Fatal("a group's 逐个发送 does not open its queue")
	}
	if path := os.Getenv("OUTREACH_SHOT"); path != "" {
		f, _ := os.Create(path)
		png.Encode(f, g.win.Canvas().Capture())
		f.Close()
	}
}

func customerIDs(t *testing.T, g *App) map[string]int64 {
	t.Helper()
	ids := map[string]int64{}
	err := g.store.EachCustomer(context.Background(), data.CustomerFilter{}, func(c *data.Customer) error {
		ids[c.Nick] = c.ID
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// popUpItem taps the item labelled label of the open pop-up menu.
func popUpItem(t *testing.T, w fyne.Window, label string) {
	t.Helper()
	found := walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		var items []fyne.CanvasObject
		switch m := o.(type) {
		case *widget.PopUpMenu:
			items = m.Items
		case *widget.Menu:
			items = m.Items
		}
		for _, it := range items {
			tap, ok := it.(fyne.Tappable)
			if ok && walk(it, func(x fyne.CanvasObject) bool { txt, ok := x.(*canvas.Text); return ok && txt.Text == label }) {
				test.Tap(tap)
				return true
			}
		}
		return false
	})
	if !found {
		t.Fatalf("no menu item %q", label)
	}
}

// selectTab selects the visible tab named title.
func selectTab(t *testing.T, w fyne.Window, title string) {
	t.Helper()
	found := walk(w.Canvas().Content(), func(o fyne.CanvasObject) bool {
		tabs, ok := o.(*container.AppTabs)
		if !ok {
			return false
		}
		for i, it := range tabs.Items {
			if it.Text == title {
				tabs.SelectIndex(i)
				return true
			}
		}
		return false
	})
	if !found {
		t.Fatalf("no tab %q", title)
	}
}
