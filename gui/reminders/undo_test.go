package reminders

import (
	"context"
	"fmt"
	"testing"

	"fyne.io/fyne/v2/test"

	"shopcrm/data"
	"shopcrm/gui/internal/guitest"
)

// agendaText is the agenda as the seller sees it: each reminder's kind, customer,
// day and state, per tab.
func agendaText(a *data.Agenda) string {
	out := ""
	for _, tab := range [][]*data.Reminder{a.Overdue, a.Today, a.Upcoming} {
		for _, r := range tab {
			out += fmt.Sprintf("%s/%d/%s/%s/%v ", r.Kind, r.CustomerID, r.Event.Format(data.DateLayout), r.Due.Format(data.DateLayout), r.Snoozed)
		}
		out += "| "
	}
	return out
}

// TestEveryReminderActionCanBeUndone: 完成, 稍后提醒 and 忽略 each say what they did
// with a 撤销 button that puts the agenda back as it was, the contact record a
// completion wrote removed, for a birthday, a repeating follow-up and a snoozed
// reminder alike (issue 16, item 13: they acted at once and the next row slid under
// the cursor).
func TestEveryReminderActionCanBeUndone(t *testing.T) {
	g, store := newTestApp(t)
	ctx := context.Background()
	a := &data.Customer{Platform: data.PlatformJD, Nick: "甲", Birthday: "11-26"}
	b := &data.Customer{Platform: data.PlatformTaobao, Nick: "乙"}
	c := &data.Customer{Platform: data.PlatformPDD, Nick: "丙", Birthday: "11-25"}
	for _, x := range []*data.Customer{a, b, c} {
		if err := store.CreateCustomer(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.CreateFollowUp(ctx, &data.FollowUp{CustomerID: b.ID, Due: guitest.Now.AddDate(0, 0, -2), Repeat: data.RepeatWeekly, Note: "回访"}); err != nil {
		t.Fatal(err)
	}
	s := g.reminders
	s.Reload()
	s.snooze(s.agenda.Today[len(s.agenda.Today)-1], 1) // 丙's birthday comes back tomorrow, snoozed
	s.Reload()
	all := append(append(append([]*data.Reminder{}, s.agenda.Overdue...), s.agenda.Today...), s.agenda.Upcoming...)
	if len(all) != 4 || !all[2].Snoozed {
		t.Fatalf("want 4 reminders (a birthday, two weeks of a weekly follow-up, a snoozed birthday), got %s", agendaText(s.agenda))
	}
	contacts := func(id int64) int {
		cs, err := store.FindContacts(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return len(cs)
	}
	for _, r := range all {
		r := r
		for _, act := range []struct {
			name string
			do   func(*data.Reminder)
		}{{"完成", s.complete}, {"忽略", s.dismiss}, {"稍后提醒", func(r *data.Reminder) { s.snooze(r, 3) }}} {
			t.Run(r.DisplayName()+" "+act.name, func(t *testing.T) {
				before, had := agendaText(s.agenda), contacts(r.CustomerID)
				act.do(r)
				if agendaText(s.agenda) == before {
					t.Fatalf("%s changed nothing", act.name)
				}
				if !s.undo.Visible() {
					t.Fatalf("no 撤销 after %s; status %q", act.name, s.status.Text)
				}
				test.Tap(s.undo)
				if got := agendaText(s.agenda); got != before {
					t.Errorf("after 撤销 the agenda is\n%s\nwant\n%s", got, before)
				}
				if got := contacts(r.CustomerID); got != had {
					t.Errorf("after 撤销 %d contact records, want %d", got, had)
				}
				if s.undo.Visible() {
					t.Error("撤销 still offered after undoing")
				}
			})
		}
	}
}
