package reminders

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"shopcrm/data"
)

func TestRemindersSnoozeAndDismiss(t *testing.T) {
	g, store := newTestApp(t)
	ctx := context.Background()
	for _, nick := range []string{"甲", "乙"} {
		if err := store.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformJD, Nick: nick, Birthday: "11-26"}); err != nil {
			t.Fatal(err)
		}
	}
	g.reminders.Reload()
	today := g.reminders.agenda.Today
	if len(today) != 2 {
		t.Fatalf("got %d reminders today, want 2", len(today))
	}
	g.reminders.snooze(today[0], 3)
	g.reminders.dismiss(today[1])
	a := g.reminders.agenda
	if len(a.Today) != 0 || len(a.Upcoming) != 1 || !a.Upcoming[0].Snoozed || a.Upcoming[0].Due.Format(data.DateLayout) != "2026-11-26" {
		t.Errorf("after snooze and dismiss: today %v, upcoming %v; want only the snoozed one, back on 2026-11-26", a.Today, a.Upcoming)
	}
}

func TestReminderNotificationOncePerDay(t *testing.T) {
	g, store := newTestApp(t)
	ctx := context.Background()
	if err := store.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformJD, Nick: "甲", Birthday: "11-26"}); err != nil {
		t.Fatal(err)
	}
	if err := store.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformJD, Nick: "乙", Birthday: "11-27"}); err != nil {
		t.Fatal(err)
	}
	test.AssertNotificationSent(t, &fyne.Notification{Title: "今日提醒", Content: "今天有 1 条提醒要跟进（含逾期）。"},
		g.reminders.ReloadAndNotify)
	test.AssertNotificationSent(t, nil, g.reminders.ReloadAndNotify) // same day: once is enough
	store.Now = func() time.Time { return testNow.AddDate(0, 0, 1) }
	// Next day: 乙's birthday is due, 甲's is overdue.
	test.AssertNotificationSent(t, &fyne.Notification{Title: "今日提醒", Content: "今天有 2 条提醒要跟进（含逾期）。"},
		g.reminders.ReloadAndNotify)
}

func TestReminderMessagesPerKind(t *testing.T) {
	_, store := newTestApp(t)
	ctx := context.Background()
	c := &data.Customer{Platform: data.PlatformTaobao, Nick: "茶友"}
	if err := store.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	if err := store.CreateTrade(ctx, &data.Trade{CustomerID: c.ID, Goods: "明前龙井", AmountFen: 26800,
		TradedAt: time.Date(2026, 5, 27, 4, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time { d, _ := time.Parse(data.DateLayout, s); return d }
	for _, tt := range []struct {
		name, from string
		kind       data.ReminderKind
		want       string
	}{
		{"holiday to a group", "2026-02-10", data.KindHoliday, "亲爱的，春节快乐！感谢您对小店的支持，祝您和家人节日愉快～"},
		{"revisit names the goods", "2026-06-03", data.KindRevisit, "亲爱的茶友，您好！您购买的明前龙井已经收到几天了，用得还满意吗？有任何问题随时找我哦～"},
		{"win-back names the last purchase", "2026-11-23", data.KindDormant, "亲爱的茶友，好久不见！您上次在小店买了明前龙井（2026-05-27），最近店里上了不少新品，欢迎回来看看～"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := store.Reminders(ctx, data.ReminderFilter{From: day(tt.from), To: day(tt.from)})
			if err != nil {
				t.Fatal(err)
			}
			var r *data.Reminder
			for _, x := range rs {
				if x.Kind == tt.kind {
					r = x
				}
			}
			if r == nil {
				t.Fatalf("no %s reminder on %s in %v", tt.kind, tt.from, rs)
			}
			got, err := reminderMessage(ctx, store, r)
			if err != nil || got != tt.want {
				t.Errorf("got %q, %v\nwant %q", got, err, tt.want)
			}
		})
	}
}

// TestNewDayReloadsTheAgendaOnce: a window left open past midnight shows the new
// day's reminders and notifies once; within the same day nothing reloads.
func TestNewDayReloadsTheAgendaOnce(t *testing.T) {
	g, store := newTestApp(t)
	ctx := context.Background()
	if err := store.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformJD, Nick: "乙", Birthday: "11-27"}); err != nil {
		t.Fatal(err)
	}
	g.reminders.ReloadAndNotify()
	test.AssertNotificationSent(t, nil, g.reminders.ReloadOnNewDay) // same day: no reload, no notification
	store.Now = func() time.Time { return testNow.AddDate(0, 0, 1) }
	test.AssertNotificationSent(t, &fyne.Notification{Title: "今日提醒", Content: "今天有 1 条提醒要跟进（含逾期）。"},
		g.reminders.ReloadOnNewDay)
	if got := g.reminders.Agenda().DueCount(); got != 1 {
		t.Errorf("got %d due on the new day, want 1", got)
	}
	test.AssertNotificationSent(t, nil, g.reminders.ReloadOnNewDay)
}
