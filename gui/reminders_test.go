package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
)

// navButton finds the navigation button whose label starts with title (it may carry
// a count: "提醒 (2)").
func navButton(t *testing.T, w fyne.Window, title string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(w.Canvas().Content(), func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, title) && b.Alignment == widget.ButtonAlignLeading {
			found = b
			return true
		}
		return false
	})
	if found == nil {
		t.Fatalf("no navigation button %q", title)
	}
	return found
}

// labelContaining reports whether a visible label in the window contains s.
func labelContaining(w fyne.Window, s string) bool {
	return walk(topLayer(w), func(o fyne.CanvasObject) bool {
		l, ok := o.(*widget.Label)
		return ok && strings.Contains(l.Text, s)
	})
}

func TestRemindersCopyMessageMarkDoneSeeContact(t *testing.T) {
	g, store := newTestApp(t)
	ctx := context.Background()
	c := &data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒", Name: "张三", Birthday: "1990-11-26"}
	if err := store.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}

	test.AssertNotificationSent(t, &fyne.Notification{Title: "今日提醒", Content: "今天有 1 条提醒要跟进（含逾期）。"},
		g.reminders.ReloadAndNotify)
	nav := navButton(t, g.win, "提醒")
	if nav.Text != "提醒 (1)" {
		t.Errorf("badge: got %q, want 提醒 (1)", nav.Text)
	}
	test.Tap(nav)
	if !hasText(g.win, "小米粒（张三）") || !labelContaining(g.win, "生日 · 2026-11-26（3 天后）") {
		t.Fatal("today's birthday reminder is not listed")
	}

	// 打开客户 shows the buyer on the 客户 screen; back on 提醒 the work goes on.
	test.Tap(button(t, g.win, "打开客户"))
	if g.customers.Selected() != c.ID || !hasText(g.win, "小米粒") {
		t.Fatal("打开客户 did not show the customer")
	}
	showFollowUps(t, g)
	if !labelContaining(g.win, "还没有沟通记录。") || !labelContaining(g.win, "2026-11-23 · 生日 · 生日 1990-11-26") {
		t.Error("the customer's 沟通与提醒 tab does not show the empty log and the coming birthday")
	}
	test.Tap(nav)

	test.Tap(button(t, g.win, "复制话术"))
	msg := g.fyneApp.Clipboard().Content()
	if !strings.HasPrefix(msg, "亲爱的张三，生日快乐！") || strings.ContainsAny(msg, "{}") {
		t.Errorf("clipboard: got %q, want the filled birthday template", msg)
	}

	test.Tap(button(t, g.win, "完成"))
	if len(g.reminders.Agenda().Today) != 0 || nav.Text != "提醒" {
		t.Errorf("after done: %d today, badge %q; want none", len(g.reminders.Agenda().Today), nav.Text)
	}
	if !hasText(g.win, "今天没有要跟进的客户。") {
		t.Error("the empty today list says nothing")
	}
	contacts, err := store.FindContacts(ctx, c.ID)
	if err != nil || len(contacts) != 1 || contacts[0].Channel != data.ChannelWangwang {
		t.Fatalf("contact record: got %+v, %v; want one on 旺旺", contacts, err)
	}

	// The customer's detail, refreshed after 完成, shows the contact record.
	test.Tap(navButton(t, g.win, "客户"))
	if !labelContaining(g.win, "旺旺 · 生日：生日 1990-11-26") {
		t.Error("the contact record is not in the customer's contact log")
	}
	if !labelContaining(g.win, "近 60 天没有提醒。") {
		t.Error("the done birthday is still listed among the customer's reminders")
	}
}

func TestCustomerDetailLogsContactsAndAddsReminders(t *testing.T) {
	g, store := newTestApp(t)
	ctx := context.Background()
	c := &data.Customer{Platform: data.PlatformPDD, Nick: "老顾客"}
	if err := store.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	g.customers.Refresh()
	g.openCustomer(c.ID)
	showFollowUps(t, g)

	test.Tap(button(t, g.win, "记录沟通"))
	entriesOf := func() []*widget.Entry { return formEntries(g.win) }
	es := entriesOf() // 沟通时间, 内容, 下次跟进
	if len(es) != 3 || es[0].Text != "2026-11-23 17:00" {
		t.Fatalf("contact form: got %d entries, want 3 with the time now first", len(es))
	}
	es[1].SetText("问了尺码，下周到货再联系")
	es[2].SetText("2026-11-30")
	test.Tap(button(t, g.win, "保存"))
	contacts, _ := store.FindContacts(ctx, c.ID)
	if len(contacts) != 1 || contacts[0].Channel != data.ChannelWeChat || contacts[0].NextFollowUp.Format(data.DateLayout) != "2026-11-30" {
		t.Fatalf("contact: got %+v", contacts)
	}
	if !labelContaining(g.win, "微信 · 问了尺码，下周到货再联系 · 下次跟进 2026-11-30") {
		t.Error("the new contact is not in the log")
	}

	test.Tap(button(t, g.win, "添加提醒"))
	es = entriesOf() // 提醒日期, 备注
	es[0].SetText("下周")
	test.Tap(button(t, g.win, "保存"))
	if !labelContaining(g.win, "请按 2026-12-01 的格式填写日期。") {
		t.Fatal("a wrong date was not explained")
	}
	es[0].SetText("2026-11-23")
	es[1].SetText("寄小样")
	test.Tap(button(t, g.win, "保存"))
	if n := len(g.reminders.Agenda().Today); n != 1 || g.reminders.Agenda().Today[0].Detail != "寄小样" {
		t.Errorf("提醒 today: got %d, want the new custom reminder", n)
	}
	if len(g.reminders.Agenda().Upcoming) != 1 {
		t.Errorf("提醒 upcoming: got %d, want the contact's next follow-up", len(g.reminders.Agenda().Upcoming))
	}
}

// showFollowUps selects the 沟通与提醒 tab of the customer detail.
func showFollowUps(t *testing.T, g *App) {
	t.Helper()
	var tabs *container.AppTabs
	walk(g.win.Canvas().Content(), func(o fyne.CanvasObject) bool {
		tabs, _ = o.(*container.AppTabs)
		return tabs != nil && len(tabs.Items) == 2 && tabs.Items[1].Text == "沟通与提醒"
	})
	if tabs == nil {
		t.Fatal("no 沟通与提醒 tab in the customer detail")
	}
	tabs.SelectIndex(1)
}
