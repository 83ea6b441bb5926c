package sqlite

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"shopcrm/data"
	"shopcrm/data/lunar"
)

// setClock moves the store's clock to 17:00 China time on day.
func setClock(s *Store, day string) {
	s.Now = func() time.Time { return localAt(day, 17) }
}

// heldOn lists "kind nick held-reason" of the reminders due from … to, shown ones as
// "kind nick".
func heldOn(t *testing.T, s *Store, from, to string) []string {
	t.Helper()
	rs, err := s.Reminders(context.Background(), data.ReminderFilter{From: d(from), To: d(to)})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rs {
		line := string(r.Kind) + " " + r.DisplayName()
		if r.Kind == data.KindHoliday {
			line = fmt.Sprintf("holiday %s %d+%d capped", r.EventKey, r.GroupSize, r.GroupCapped)
		}
		if h := r.Held; h != nil {
			line += fmt.Sprintf(" held(sent %d", h.Sent)
			if !h.LastAt.IsZero() {
				line += " last " + formatDate(h.LastAt) + " " + h.LastCare
			}
			if h.First != "" {
				line += " after " + string(h.First)
			}
			line += ")"
		}
		out = append(out, line)
	}
	return out
}

// complete marks done the first reminder of kind for nick due on day (a custom one:
// the one-off, when there is one) and returns the contact it logged.
func complete(t *testing.T, s *Store, day string, kind data.ReminderKind, nick string) *data.Contact {
	t.Helper()
	rs, err := s.Reminders(context.Background(), data.ReminderFilter{From: d(day), To: d(day)})
	if err != nil {
		t.Fatal(err)
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].Repeat < rs[j].Repeat })
	for _, r := range rs {
		if r.Kind == kind && r.Nick == nick {
			c := &data.Contact{Channel: data.ChannelWangwang, Summary: "问候"}
			if err := s.CompleteReminder(context.Background(), r, c); err != nil {
				t.Fatal(err)
			}
			return c
		}
	}
	t.Fatalf("no %s reminder of %s on %s", kind, nick, day)
	return nil
}

// The default cap (one care message a week) holds back a second care reminder while
// the week since the first one runs, says why, and lets it through after; undoing the
// first message frees it at once.
func TestCapHoldsBackASecondCareMessageWithinTheWeek(t *testing.T) {
	s := reminderStore(t)
	a := addCustomer(t, s, &data.Customer{Nick: "甲", Birthday: "1990-11-26"})
	addTrade(t, s, a, localAt("2026-11-20", 10), "红茶", data.StatusPaid) // revisit due 11-27
	c := complete(t, s, "2026-11-23", data.KindBirthday, "甲")
	if c.Care != string(data.KindBirthday) {
		t.Fatalf("the birthday's contact: care %q, want birthday", c.Care)
	}
	for _, tt := range []struct{ today, want string }{
		{"2026-11-23", "[revisit 甲 held(sent 1 last 2026-11-23 birthday)]"},
		{"2026-11-27", "[revisit 甲 held(sent 1 last 2026-11-23 birthday)]"},
		{"2026-11-29", "[revisit 甲 held(sent 1 last 2026-11-23 birthday)]"}, // the 7th day of the window
		{"2026-11-30", "[revisit 甲]"},                                       // the window has passed
	} {
		setClock(s, tt.today)
		if got := fmt.Sprint(heldOn(t, s, "2026-11-27", "2026-11-27")); got != tt.want {
			t.Errorf("on %s: got %s, want %s", tt.today, got, tt.want)
		}
	}
	setClock(s, "2026-11-27")
	a2, err := s.Agenda(context.Background(), s.Today(), 7)
	if err != nil {
		t.Fatal(err)
	}
	if len(a2.Today) != 0 || len(a2.Held) != 1 || a2.DueCount() != 0 {
		t.Errorf("agenda: today %d, held %d, due %d; want the revisit held and nothing due", len(a2.Today), len(a2.Held), a2.DueCount())
	}
	birthday := &data.Reminder{Kind: data.KindBirthday, CustomerID: a.ID, Event: d("2026-11-26"), Due: d("2026-11-23")}
	if err := s.ReopenReminder(context.Background(), birthday, c.ID); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(heldOn(t, s, "2026-11-27", "2026-11-27")); got != "[revisit 甲]" {
		t.Errorf("after undoing the birthday: got %s, want the revisit through", got)
	}
}

// Several care reminders of one buyer due the same day: only as many as the cap
// still allows show, in data.CarePriority order; the others are held, naming the one
// that went first. Earlier messages in the window use up the allowance.
func TestCapOnSeveralRemindersOfOneDay(t *testing.T) {
	s := reminderStore(t)
	ctx := context.Background()
	b := addCustomer(t, s, &data.Customer{Nick: "乙", Birthday: "11-26"}) // due 11-23
	addTrade(t, s, b, localAt("2025-11-23", 12), "普洱", data.StatusPaid)  // anniversary 11-23
	addTrade(t, s, b, localAt("2026-11-16", 12), "红茶", data.StatusPaid)  // revisit 11-23
	if err := s.CreateFollowUp(ctx, &data.FollowUp{CustomerID: b.ID, Due: d("2026-11-23"), Repeat: data.RepeatMonthly, Note: "月度关怀"}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateFollowUp(ctx, &data.FollowUp{CustomerID: b.ID, Due: d("2026-11-23"), Note: "寄发票"}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		cap  data.CareCap
		want string
	}{
		{data.CareCap{Messages: 1, Days: 7}, "[custom 乙 held(sent 0 after birthday) custom 乙 birthday 乙 revisit 乙 held(sent 0 after birthday) anniversary 乙 held(sent 0 after birthday)]"},
		{data.CareCap{Messages: 2, Days: 7}, "[custom 乙 held(sent 0 after anniversary) custom 乙 birthday 乙 revisit 乙 held(sent 0 after anniversary) anniversary 乙]"},
		{data.CareCap{Messages: 0, Days: 7}, "[custom 乙 custom 乙 birthday 乙 revisit 乙 anniversary 乙]"},
	} {
		if err := s.SetCareCap(ctx, tt.cap); err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(heldOn(t, s, "2026-11-23", "2026-11-23")); got != tt.want {
			t.Errorf("cap %s: got %s\nwant %s", tt.cap, got, tt.want)
		}
	}
	// An outreach message two days ago uses one of two.
	if err := s.AddContact(ctx, &data.Contact{CustomerID: b.ID, At: localAt("2026-11-21", 15), Channel: data.ChannelWeChat, Care: data.CareGroup}); err != nil {
		t.Fatal(err)
	}
	// An ordinary contact is no care message.
	if err := s.AddContact(ctx, &data.Contact{CustomerID: b.ID, At: localAt("2026-11-22", 15), Channel: data.ChannelPhone, Summary: "问物流"}); err != nil {
		t.Fatal(err)
	}
	s.SetCareCap(ctx, data.CareCap{Messages: 2, Days: 7})
	want := "[custom 乙 held(sent 1 last 2026-11-21 group after birthday) custom 乙 birthday 乙 revisit 乙 held(sent 1 last 2026-11-21 group after birthday) anniversary 乙 held(sent 1 last 2026-11-21 group after birthday)]"
	if got := fmt.Sprint(heldOn(t, s, "2026-11-23", "2026-11-23")); got != want {
		t.Errorf("after an outreach message: got %s\nwant %s", got, want)
	}
	// The one-off task is done without a care message: the birthday still goes.
	c := complete(t, s, "2026-11-23", data.KindCustom, "乙")
	if c.Care != "" {
		t.Errorf("completing a one-off custom reminder logged care %q", c.Care)
	}
	if got := fmt.Sprint(heldOn(t, s, "2026-11-23", "2026-11-23")); !strings.Contains(got, "birthday 乙 ") {
		t.Errorf("after the one-off task: got %s, want the birthday still through", got)
	}
}

// A holiday greeting's group leaves capped buyers out and says how many; a greeting
// whose whole group is capped stays on the list, held back.
func TestHolidayGroupLeavesCappedBuyersOut(t *testing.T) {
	s := reminderStore(t)
	ctx := context.Background()
	var cs []*data.Customer
	for _, nick := range []string{"甲", "乙", "丙"} {
		cs = append(cs, addCustomer(t, s, &data.Customer{Nick: nick}))
	}
	setClock(s, "2026-12-18") // 圣诞 greeting due (7 days ahead)
	if err := s.AddContact(ctx, &data.Contact{CustomerID: cs[0].ID, At: localAt("2026-12-15", 9), Care: string(data.KindBirthday)}); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(heldOn(t, s, "2026-12-18", "2026-12-18")); got != "[holiday christmas 2+1 capped]" {
		t.Errorf("got %s, want 2 greeted and 1 capped", got)
	}
	for _, c := range cs[1:] {
		s.AddContact(ctx, &data.Contact{CustomerID: c.ID, At: localAt("2026-12-16", 9), Care: data.CareGroup})
	}
	if got := fmt.Sprint(heldOn(t, s, "2026-12-18", "2026-12-18")); got != "[holiday christmas 0+3 capped held(sent 0)]" {
		t.Errorf("got %s, want the greeting held with all 3 capped", got)
	}
}

// A blacklisted buyer gets no care reminder of any kind — derived, snoozed, repeating
// custom — and is left out of holiday greetings; a one-off task for them stays.
func TestBlacklistedBuyersGetNoCareReminderOfAnyKind(t *testing.T) {
	s := reminderStore(t)
	ctx := context.Background()
	l := lunar.FromSolar(d("2026-11-27"))
	x := addCustomer(t, s, &data.Customer{Nick: "甲", Birthday: "1990-11-26"})
	y := addCustomer(t, s, &data.Customer{Nick: "乙", Birthday: fmt.Sprintf("%02d-%02d", l.Month, l.Day), BirthdayLunar: true})
	z := addCustomer(t, s, &data.Customer{Nick: "丙"})
	addTrade(t, s, x, localAt("2025-11-25", 12), "普洱", data.StatusPaid)
	addTrade(t, s, x, localAt("2026-11-18", 12), "红茶", data.StatusPaid)
	addTrade(t, s, z, localAt("2026-05-27", 23), "白茶", data.StatusPaid) // dormant on 11-23
	if err := s.CreateFollowUp(ctx, &data.FollowUp{CustomerID: y.ID, Due: d("2026-11-24"), Repeat: data.RepeatWeekly, Note: "周报"}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateFollowUp(ctx, &data.FollowUp{CustomerID: y.ID, Due: d("2026-11-24"), Note: "退款"}); err != nil {
		t.Fatal(err)
	}
	s.SetCareCap(ctx, data.CareCap{Messages: 0, Days: 7})
	rs, _ := s.Reminders(ctx, data.ReminderFilter{From: d("2026-11-23"), To: d("2026-11-23")})
	for _, r := range rs {
		if r.Kind == data.KindDormant {
			if err := s.SnoozeReminder(ctx, r, d("2026-11-26")); err != nil {
				t.Fatal(err)
			}
		}
	}
	kinds := func() string {
		rs, err := s.Reminders(ctx, data.ReminderFilter{From: d("2026-11-23"), To: d("2026-11-30")})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rs {
			if r.Kind == data.KindHoliday {
				out = append(out, fmt.Sprintf("holiday %d", r.GroupSize))
				continue
			}
			who := r.DisplayName()
			if r.Snoozed {
				who += " snoozed"
			}
			out = append(out, string(r.Kind)+" "+who)
		}
		return strings.Join(out, ", ")
	}
	before := "birthday 甲, custom 乙, custom 乙, lunar_birthday 乙, revisit 甲, anniversary 甲, dormant 丙 snoozed"
	if got := kinds(); got != before {
		t.Fatalf("before the blacklist: got %s\nwant %s", got, before)
	}
	for _, c := range []*data.Customer{x, y, z} {
		if err := s.Blacklist(ctx, c.ID, "恶意差评"); err != nil {
			t.Fatal(err)
		}
	}
	if got := kinds(); got != "custom 乙" {
		t.Errorf("blacklisted: got %s, want only the one-off task", got)
	}
	setClock(s, "2026-12-18")
	if got := fmt.Sprint(heldOn(t, s, "2026-12-18", "2026-12-18")); got != "[]" {
		t.Errorf("holiday greeting to blacklisted buyers only: got %s, want none", got)
	}
}

// An occasion before the archive's first import is not listed as overdue, and so
// takes no place under the cap: the buyer's revisit due today still shows.
func TestAReminderNotListedTakesNoPlaceUnderTheCap(t *testing.T) {
	s := reminderStore(t)
	ctx := context.Background()
	c := addCustomer(t, s, &data.Customer{Nick: "甲", Birthday: "11-22"}) // due 11-19, the day before the import
	addTrade(t, s, c, localAt("2026-11-16", 12), "红茶", data.StatusPaid)  // revisit due 11-23
	if _, err := s.db.Exec(`INSERT INTO import_batches (file_name, content_hash, imported_at) VALUES ('档案.xlsx', 'h', ?)`,
		formatTime(localAt("2026-11-23", 8))); err != nil {
		t.Fatal(err)
	}
	a, err := s.Agenda(ctx, s.Today(), 7)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Overdue) != 0 || len(a.Today) != 1 || a.Today[0].Kind != data.KindRevisit || len(a.Held) != 0 {
		t.Errorf("overdue %v, today %v, held %v; want only the revisit, shown", a.Overdue, a.Today, a.Held)
	}
}
