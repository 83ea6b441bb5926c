package sqlite

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"shopcrm/data"
)

// reminderStore is a test store in China Standard Time with the clock on 2026-11-23.
func reminderStore(t *testing.T) *Store {
	t.Helper()
	old := time.Local
	time.Local = time.FixedZone("CST", 8*3600)
	t.Cleanup(func() { time.Local = old })
	return openTestStore(t)
}

func d(s string) time.Time { return parseDate(s) }

// localAt is a stored time for a local date and hour.
func localAt(day string, hour int) time.Time {
	t := d(day)
	return time.Date(t.Year(), t.Month(), t.Day(), hour, 0, 0, 0, time.Local)
}

func addCustomer(t *testing.T, s *Store, c *data.Customer) *data.Customer {
	t.Helper()
	if c.Platform == "" {
		c.Platform = data.PlatformTaobao
	}
	if err := s.CreateCustomer(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return c
}

func addTrade(t *testing.T, s *Store, c *data.Customer, at time.Time, goods string, status data.TradeStatus) {
	t.Helper()
	tr := &data.Trade{CustomerID: c.ID, TradedAt: at, Goods: goods, AmountFen: 9900, Status: status}
	if err := s.CreateTrade(context.Background(), tr); err != nil {
		t.Fatal(err)
	}
}

// remindersOn lists "kind nick event" of the reminders due on day, sorted.
func remindersOn(t *testing.T, s *Store, from, to string) []string {
	t.Helper()
	rs, err := s.Reminders(context.Background(), data.ReminderFilter{From: d(from), To: d(to)})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rs {
		who := r.DisplayName()
		if r.Kind == data.KindHoliday {
			who = r.EventKey
		}
		out = append(out, fmt.Sprintf("%s %s %s %s", formatDate(r.Due), r.Kind, who, formatDate(r.Event)))
	}
	return out
}

func find(rs []string, kind data.ReminderKind, who string) []string {
	var out []string
	for _, r := range rs {
		f := strings.Fields(r)
		if f[1] == string(kind) && f[2] == who {
			out = append(out, r)
		}
	}
	return out
}

func wantOne(t *testing.T, rs []string, kind data.ReminderKind, who, want string) {
	t.Helper()
	got := find(rs, kind, who)
	if want == "" && len(got) != 0 || want != "" && (len(got) != 1 || got[0] != want) {
		t.Errorf("%s %s: got %v, want %q", kind, who, got, want)
	}
}

func TestSolarBirthdaysOverYearsWithLeadDays(t *testing.T) {
	s := reminderStore(t)
	addCustomer(t, s, &data.Customer{Nick: "小米粒", Birthday: "1990-11-26"})
	addCustomer(t, s, &data.Customer{Nick: "无年份", Birthday: "11-26"})
	addCustomer(t, s, &data.Customer{Nick: "不打扰", Birthday: "1990-11-26", MarketingOptOut: true})
	for _, y := range []int{2026, 2027, 2030} {
		rs := remindersOn(t, s, fmt.Sprintf("%d-11-23", y), fmt.Sprintf("%d-11-23", y))
		wantOne(t, rs, data.KindBirthday, "小米粒", fmt.Sprintf("%d-11-23 birthday 小米粒 %d-11-26", y, y))
		wantOne(t, rs, data.KindBirthday, "无年份", fmt.Sprintf("%d-11-23 birthday 无年份 %d-11-26", y, y))
		wantOne(t, rs, data.KindBirthday, "不打扰", "")
	}
	wantOne(t, remindersOn(t, s, "2026-11-26", "2026-11-26"), data.KindBirthday, "小米粒", "")

	ctx := context.Background()
	rules, _ := s.ReminderRules(ctx)
	rules[data.KindBirthday].LeadDays = 0
	if err := s.SaveReminderRule(ctx, rules[data.KindBirthday]); err != nil {
		t.Fatal(err)
	}
	wantOne(t, remindersOn(t, s, "2026-11-26", "2026-11-26"), data.KindBirthday, "小米粒", "2026-11-26 birthday 小米粒 2026-11-26")
	rules[data.KindBirthday].Enabled = false
	s.SaveReminderRule(ctx, rules[data.KindBirthday])
	wantOne(t, remindersOn(t, s, "2026-11-26", "2026-11-26"), data.KindBirthday, "小米粒", "")
}

func TestFeb29BirthdayFallsOnFeb28InCommonYears(t *testing.T) {
	s := reminderStore(t)
	addCustomer(t, s, &data.Customer{Nick: "闰日", Birthday: "2000-02-29"})
	wantOne(t, remindersOn(t, s, "2027-02-20", "2027-03-05"), data.KindBirthday, "闰日", "2027-02-25 birthday 闰日 2027-02-28")
	wantOne(t, remindersOn(t, s, "2028-02-20", "2028-03-05"), data.KindBirthday, "闰日", "2028-02-26 birthday 闰日 2028-02-29")
}

func TestLunarBirthdays(t *testing.T) {
	s := reminderStore(t)
	addCustomer(t, s, &data.Customer{Nick: "中秋生", Birthday: "08-15", BirthdayLunar: true})
	addCustomer(t, s, &data.Customer{Nick: "大年三十", Birthday: "1980-12-30", BirthdayLunar: true})
	addCustomer(t, s, &data.Customer{Nick: "六月初一", Birthday: "06-01", BirthdayLunar: true})
	for _, tt := range []struct{ from, to, who, want string }{
		{"2025-10-01", "2025-10-10", "中秋生", "2025-10-03 lunar_birthday 中秋生 2025-10-06"},
		{"2026-09-15", "2026-09-30", "中秋生", "2026-09-22 lunar_birthday 中秋生 2026-09-25"},
		{"2027-09-01", "2027-09-30", "中秋生", "2027-09-12 lunar_birthday 中秋生 2027-09-15"},
		// 腊月 of lunar 2025 has 29 days: the 30th is kept on the 29th (除夕 2026-02-16).
		{"2026-02-01", "2026-02-28", "大年三十", "2026-02-13 lunar_birthday 大年三十 2026-02-16"},
		// 2025 has a leap sixth month: the birthday stays in the regular one.
		{"2025-06-01", "2025-08-31", "六月初一", "2025-06-22 lunar_birthday 六月初一 2025-06-25"},
	} {
		t.Run(tt.who+" "+tt.from, func(t *testing.T) {
			wantOne(t, remindersOn(t, s, tt.from, tt.to), data.KindLunarBirthday, tt.who, tt.want)
		})
	}
}

func TestHolidaysOnePerHolidayForTheGroup(t *testing.T) {
	s := reminderStore(t)
	addCustomer(t, s, &data.Customer{Nick: "甲", Tags: []string{"老客"}})
	addCustomer(t, s, &data.Customer{Nick: "乙"})
	addCustomer(t, s, &data.Customer{Nick: "丙", MarketingOptOut: true, Tags: []string{"老客"}})
	rs := remindersOn(t, s, "2026-01-01", "2026-12-31")
	for _, want := range []string{
		"2026-02-10 holiday spring_festival 2026-02-17", "2026-02-24 holiday lantern 2026-03-03",
		"2026-05-03 holiday mothers_day 2026-05-10", "2026-06-14 holiday fathers_day 2026-06-21",
		"2026-08-12 holiday qixi 2026-08-19", "2026-09-18 holiday mid_autumn 2026-09-25",
		"2026-11-04 holiday singles_day 2026-11-11", "2026-12-18 holiday christmas 2026-12-25",
	} {
		f := strings.Fields(want)
		wantOne(t, rs, data.KindHoliday, f[2], want)
	}
	ctx := context.Background()
	all, _ := s.Reminders(ctx, data.ReminderFilter{From: d("2026-02-10"), To: d("2026-02-10")})
	if len(all) != 1 || all[0].GroupSize != 2 {
		t.Fatalf("spring festival group: got %+v, want one greeting to 2 customers", all)
	}
	rules, _ := s.ReminderRules(ctx)
	rules[data.KindHoliday].TargetTags = []string{"老客"}
	rules[data.KindHoliday].HolidaysOff = []string{"lantern"}
	if err := s.SaveReminderRule(ctx, rules[data.KindHoliday]); err != nil {
		t.Fatal(err)
	}
	all, _ = s.Reminders(ctx, data.ReminderFilter{From: d("2026-02-10"), To: d("2026-02-10")})
	if len(all) != 1 || all[0].GroupSize != 1 {
		t.Fatalf("tagged group: got %+v, want 1 customer", all)
	}
	wantOne(t, remindersOn(t, s, "2026-02-24", "2026-02-24"), data.KindHoliday, "lantern", "")
}

func TestRevisitAndAnniversary(t *testing.T) {
	s := reminderStore(t)
	a := addCustomer(t, s, &data.Customer{Nick: "回头客"})
	addTrade(t, s, a, localAt("2024-11-23", 1), "普洱", data.StatusPaid) // 01:00 local is still Nov 23
	addTrade(t, s, a, localAt("2026-11-16", 10), "龙井", data.StatusPaid)
	addTrade(t, s, a, localAt("2026-11-16", 20), "茶杯", data.StatusPaid)
	b := addCustomer(t, s, &data.Customer{Nick: "未付款"})
	addTrade(t, s, b, localAt("2026-11-16", 10), "白茶", data.StatusUnpaid)

	rs := remindersOn(t, s, "2026-11-23", "2026-11-23")
	wantOne(t, rs, data.KindRevisit, "回头客", "2026-11-23 revisit 回头客 2026-11-23")
	wantOne(t, rs, data.KindRevisit, "未付款", "")
	wantOne(t, rs, data.KindAnniversary, "回头客", "2026-11-23 anniversary 回头客 2026-11-23")
	wantOne(t, remindersOn(t, s, "2025-11-23", "2025-11-23"), data.KindAnniversary, "回头客", "2025-11-23 anniversary 回头客 2025-11-23")
	wantOne(t, remindersOn(t, s, "2024-11-23", "2024-11-23"), data.KindAnniversary, "回头客", "")

	full, _ := s.Reminders(context.Background(), data.ReminderFilter{From: d("2026-11-23"), To: d("2026-11-23")})
	for _, r := range full {
		switch r.Kind {
		case data.KindRevisit:
			if r.Detail != "龙井；茶杯" {
				t.Errorf("revisit detail: got %q, want both goods of the day", r.Detail)
			}
		case data.KindAnniversary:
			if r.Years != 2 || r.Detail != "2024-11-23" {
				t.Errorf("anniversary: got %d years since %s, want 2 since 2024-11-23", r.Years, r.Detail)
			}
		}
	}
}

func TestDormantOnTheDayAndAContactResetsIt(t *testing.T) {
	s := reminderStore(t)
	ctx := context.Background()
	c := addCustomer(t, s, &data.Customer{Nick: "沉睡"})
	addTrade(t, s, c, localAt("2026-05-27", 23), "红茶", data.StatusPaid) // 180 days before 2026-11-23
	wantOne(t, remindersOn(t, s, "2026-11-22", "2026-11-22"), data.KindDormant, "沉睡", "")
	wantOne(t, remindersOn(t, s, "2026-11-23", "2026-11-23"), data.KindDormant, "沉睡", "2026-11-23 dormant 沉睡 2026-11-23")
	wantOne(t, remindersOn(t, s, "2026-11-24", "2026-11-24"), data.KindDormant, "沉睡", "")

	if err := s.SetDormantDays(ctx, 90); err != nil {
		t.Fatal(err)
	}
	wantOne(t, remindersOn(t, s, "2026-08-25", "2026-08-25"), data.KindDormant, "沉睡", "2026-08-25 dormant 沉睡 2026-08-25")
	s.SetDormantDays(ctx, data.DefaultDormantDays)

	if err := s.AddContact(ctx, &data.Contact{CustomerID: c.ID, At: localAt("2026-06-01", 12), Channel: data.ChannelWeChat, Summary: "问候"}); err != nil {
		t.Fatal(err)
	}
	wantOne(t, remindersOn(t, s, "2026-11-23", "2026-11-23"), data.KindDormant, "沉睡", "")
	wantOne(t, remindersOn(t, s, "2026-11-28", "2026-11-28"), data.KindDormant, "沉睡", "2026-11-28 dormant 沉睡 2026-11-28")
}

func TestDoneSnoozeDismiss(t *testing.T) {
	s := reminderStore(t)
	ctx := context.Background()
	addCustomer(t, s, &data.Customer{Nick: "甲", Birthday: "11-26"})
	addCustomer(t, s, &data.Customer{Nick: "乙", Birthday: "11-26"})
	addCustomer(t, s, &data.Customer{Nick: "丙", Birthday: "11-26"})
	today := d("2026-11-23")
	rs, err := s.Reminders(ctx, data.ReminderFilter{From: today, To: today})
	if err != nil || len(rs) != 3 {
		t.Fatalf("got %d reminders, %v; want 3", len(rs), err)
	}
	byNick := map[string]*data.Reminder{}
	for _, r := range rs {
		byNick[r.Nick] = r
	}
	if err := s.CompleteReminder(ctx, byNick["甲"], &data.Contact{Channel: data.ChannelWangwang, Summary: "生日问候"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SnoozeReminder(ctx, byNick["乙"], today.AddDate(0, 0, 3)); err != nil {
		t.Fatal(err)
	}
	if err := s.DismissReminder(ctx, byNick["丙"]); err != nil {
		t.Fatal(err)
	}
	if got := remindersOn(t, s, "2026-11-23", "2026-11-25"); len(got) != 0 {
		t.Errorf("after done/snooze/dismiss: got %v, want none until the snooze ends", got)
	}
	back, _ := s.Reminders(ctx, data.ReminderFilter{From: d("2026-11-26"), To: d("2026-11-26")})
	if len(back) != 1 || back[0].Nick != "乙" || !back[0].Snoozed || !back[0].Event.Equal(d("2026-11-26")) {
		t.Fatalf("snoozed: got %+v, want 乙's birthday back on 2026-11-26", back)
	}
	contacts, _ := s.FindContacts(ctx, byNick["甲"].CustomerID)
	if len(contacts) != 1 || contacts[0].Summary != "生日问候" || contacts[0].FollowUpID == 0 {
		t.Fatalf("contact of done reminder: got %+v", contacts)
	}
	// Done after the snooze: gone for good, next year's birthday still comes.
	if err := s.CompleteReminder(ctx, back[0], &data.Contact{Channel: data.ChannelWeChat}); err != nil {
		t.Fatal(err)
	}
	if got := remindersOn(t, s, "2026-11-26", "2026-11-26"); len(got) != 0 {
		t.Errorf("done after snooze: got %v", got)
	}
	if got := remindersOn(t, s, "2027-11-23", "2027-11-23"); len(got) != 3 {
		t.Errorf("next year: got %v, want all three birthdays", got)
	}
}

func TestCustomRemindersAndAgenda(t *testing.T) {
	s := reminderStore(t)
	ctx := context.Background()
	if err := s.SetCareCap(ctx, data.CareCap{Messages: 0, Days: 7}); err != nil { // the agenda's tabs, not the cap
		t.Fatal(err)
	}
	c := addCustomer(t, s, &data.Customer{Nick: "定制", Birthday: "11-24"})
	if err := s.CreateFollowUp(ctx, &data.FollowUp{CustomerID: c.ID, Due: d("2026-11-01"), Note: "寄样品"}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateFollowUp(ctx, &data.FollowUp{CustomerID: c.ID, Due: d("2026-11-16"), Repeat: data.RepeatWeekly, Note: "周报"}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateFollowUp(ctx, &data.FollowUp{CustomerID: c.ID, Repeat: "daily"}); err == nil {
		t.Error("a follow-up without a date was accepted")
	}
	// A contact's next follow-up date becomes a custom reminder.
	if err := s.AddContact(ctx, &data.Contact{CustomerID: c.ID, Channel: data.ChannelPhone, Summary: "要回电", NextFollowUp: d("2026-11-25")}); err != nil {
		t.Fatal(err)
	}
	a, err := s.Agenda(ctx, s.Today(), 7)
	if err != nil {
		t.Fatal(err)
	}
	notes := func(rs []*data.Reminder) []string {
		var out []string
		for _, r := range rs {
			out = append(out, formatDate(r.Due)+" "+string(r.Kind)+" "+r.Detail)
		}
		return out
	}
	if got, want := fmt.Sprint(notes(a.Overdue)), "[2026-11-01 custom 寄样品 2026-11-16 custom 周报 2026-11-21 birthday 11-24]"; got != want {
		t.Errorf("overdue: got %s, want %s", got, want)
	}
	if got, want := fmt.Sprint(notes(a.Today)), "[2026-11-23 custom 周报]"; got != want {
		t.Errorf("today: got %s, want %s", got, want)
	}
	if got, want := fmt.Sprint(notes(a.Upcoming)), "[2026-11-25 custom 要回电 2026-11-30 custom 周报]"; got != want {
		t.Errorf("upcoming: got %s, want %s", got, want)
	}
	if a.DueCount() != 4 {
		t.Errorf("due count: got %d, want 4", a.DueCount())
	}
	// Done on a weekly reminder moves the series on; the one-off is gone.
	for _, r := range append(a.Overdue[:2:2], a.Today...) {
		if err := s.CompleteReminder(ctx, r, &data.Contact{Channel: data.ChannelOther}); err != nil {
			t.Fatal(err)
		}
	}
	a, _ = s.Agenda(ctx, s.Today(), 7)
	if got, want := fmt.Sprint(notes(a.Overdue)), "[2026-11-21 birthday 11-24]"; got != want {
		t.Errorf("overdue after done: got %s, want %s", got, want)
	}
	if got, want := fmt.Sprint(notes(a.Upcoming)), "[2026-11-25 custom 要回电 2026-11-30 custom 周报]"; got != want {
		t.Errorf("upcoming after done: got %s, want %s", got, want)
	}
	mine, _ := s.Reminders(ctx, data.ReminderFilter{From: s.Today(), To: s.Today().AddDate(0, 0, 60), CustomerID: c.ID})
	if len(mine) == 0 || mine[0].CustomerID != c.ID {
		t.Errorf("customer's reminders: got %+v", mine)
	}
}

func TestYearBoundary(t *testing.T) {
	s := reminderStore(t)
	c := addCustomer(t, s, &data.Customer{Nick: "元旦", Birthday: "1995-01-02"})
	addTrade(t, s, c, localAt("2025-12-28", 12), "年货", data.StatusPaid)
	addTrade(t, s, c, localAt("2026-12-28", 12), "礼盒", data.StatusPaid)
	rs := remindersOn(t, s, "2026-12-28", "2027-01-05")
	wantOne(t, rs, data.KindBirthday, "元旦", "2026-12-30 birthday 元旦 2027-01-02")
	wantOne(t, rs, data.KindRevisit, "元旦", "2027-01-04 revisit 元旦 2027-01-04")
	wantOne(t, rs, data.KindAnniversary, "元旦", "2026-12-28 anniversary 元旦 2026-12-28")
	wantOne(t, remindersOn(t, s, "2027-01-28", "2027-02-01"), data.KindHoliday, "spring_festival", "2027-01-30 holiday spring_festival 2027-02-06")
}

func TestTemplatesAndMessageFields(t *testing.T) {
	s := reminderStore(t)
	ctx := context.Background()
	if _, custom, err := s.Template(ctx, data.KindLunarBirthday, "zh"); err != nil || custom {
		t.Fatalf("fresh store: custom=%v err=%v, want the default", custom, err)
	}
	if err := s.SaveTemplate(ctx, data.KindBirthday, "zh", "  {网名}生日快乐  "); err != nil {
		t.Fatal(err)
	}
	body, custom, _ := s.Template(ctx, data.KindLunarBirthday, "zh")
	if !custom || body != "{网名}生日快乐" {
		t.Errorf("saved template: got %q %v", body, custom)
	}
	s.SaveTemplate(ctx, data.KindBirthday, "zh", "")
	if _, custom, _ := s.Template(ctx, data.KindBirthday, "zh"); custom {
		t.Error("an empty template did not go back to the default")
	}
	c := addCustomer(t, s, &data.Customer{Nick: "买家"})
	addTrade(t, s, c, localAt("2026-10-01", 9), "旧货", data.StatusPaid)
	addTrade(t, s, c, localAt("2026-11-01", 9), "新货", data.StatusPaid)
	addTrade(t, s, c, localAt("2026-11-10", 9), "未付", data.StatusUnpaid)
	f, err := s.ReminderMessageFields(ctx, &data.Reminder{Kind: data.KindDormant, CustomerID: c.ID, Nick: "买家"})
	if err != nil || f.Goods != "新货" || f.LastPurchase != "2026-11-01" {
		t.Errorf("fields: got %+v, %v; want the last counting trade", f, err)
	}
}

// The holiday group's tier condition picks exactly the customers the list shows in
// those tiers.
func TestHolidayTierConditionMatchesTheTierRule(t *testing.T) {
	s := reminderStore(t)
	ctx := context.Background()
	if err := s.GenerateDemo(ctx, data.DemoOptions{Customers: 400, Trades: 2500, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	tiers, err := s.Tiers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, names := range [][]string{{"tier.potential"}, {"tier.regular"}, {"tier.senior", "tier.vip"}, {"tier.supreme"}} {
		cond, args := inTiersSQL(tiers, names)
		var got, want int
		if err := s.db.QueryRow(`SELECT count(*) FROM customers c WHERE `+cond, args...).Scan(&got); err != nil {
			t.Fatal(err)
		}
		wargs := []any{}
		for _, n := range names {
			wargs = append(wargs, n)
		}
		if err := s.db.QueryRow(`SELECT count(*) FROM customers c WHERE (`+tierNameSQL+`) IN (`+placeholders(len(names))+`)`, wargs...).Scan(&want); err != nil {
			t.Fatal(err)
		}
		if got != want || want == 0 && names[0] != "tier.supreme" {
			t.Errorf("%v: got %d, want %d", names, got, want)
		}
	}
}
