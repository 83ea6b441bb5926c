package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	"shopcrm/data"
	"shopcrm/data/sqlite"
)

func TestRemindersCSVMatchesTheSpec(t *testing.T) {
	dir := t.TempDir()
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	a := &data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒", Name: "张三", Birthday: "1990-11-26"}
	b := &data.Customer{Platform: data.PlatformJD, Nick: "jd_老王", Birthday: "10-10", BirthdayLunar: true}
	for _, c := range []*data.Customer{a, b} {
		if err := s.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	tr := &data.Trade{CustomerID: a.ID, Goods: "西湖龙井, 250g", AmountFen: 26800,
		TradedAt: time.Date(2026, 11, 17, 2, 0, 0, 0, time.UTC)} // 10:00 on Nov 17 in China
	if err := s.CreateTrade(ctx, tr); err != nil {
		t.Fatal(err)
	}
	// The format is under test here, not the frequency cap (these days are in the
	// past: the cap would judge them together as of today).
	if err := s.SetCareCap(ctx, data.CareCap{Messages: 0, Days: 7}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	out, errOut, code := run(t, "reminders", "--data", dir, "--date", "2026-11-23", "--days", "3", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// 农历十月初十 2026 is 2026-11-18: due 3 days ahead on 11-15, outside the range.
	want := "due,event,kind,platform,nick,name,detail\n" +
		"2026-11-23,2026-11-26,birthday,taobao,小米粒,张三,1990-11-26\n" +
		"2026-11-24,2026-11-24,revisit,taobao,小米粒,张三,\"西湖龙井, 250g\"\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}

	out, _, code = run(t, "reminders", "--data", dir, "--date", "2026-11-15", "--format", "csv")
	if code != 0 || !strings.Contains(out, "2026-11-15,2026-11-18,lunar_birthday,jd,jd_老王,,10-10\n") {
		t.Errorf("lunar birthday: exit %d, got\n%s", code, out)
	}
	out, _, code = run(t, "reminders", "--data", dir, "--date", "2026-11-01", "--days", "366", "--format", "csv")
	if code != 0 || !strings.Contains(out, "2026-12-18,2026-12-25,holiday,,,,圣诞节\n") {
		t.Errorf("holiday row: exit %d, got\n%s", code, out)
	}

	text, _, code := run(t, "reminders", "--data", dir, "--date", "2026-11-23", "--days", "3")
	if code != 0 || !strings.Contains(text, "售后回访") || !strings.Contains(text, "共 2 条提醒") {
		t.Errorf("text: exit %d, got\n%s", code, text)
	}
	for _, args := range [][]string{{"--date", "23/11/2026"}, {"--days", "0"}, {"--days", "400"}} {
		_, errOut, code := run(t, append([]string{"reminders", "--data", dir}, args...)...)
		if code != 2 || strings.TrimSpace(errOut) == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and one sentence", args, code, errOut)
		}
	}
}

// shopcrm reminders keeps each kind to its rule's targets, leaves blacklisted buyers
// out, and lists what the frequency cap holds back — a buyer at the cap, a second
// reminder of one day — with the reason, in csv and text. Dates are relative to the
// real today: the command runs on the real clock.
func TestRemindersHonourTargetsAndTheCap(t *testing.T) {
	dir := t.TempDir()
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	today := data.Date(time.Now())
	birthday := today.AddDate(0, 0, 3).Format("01-02") // due today, 3 days ahead
	add := func(nick string, tags ...string) *data.Customer {
		c := &data.Customer{Platform: data.PlatformTaobao, Nick: nick, Birthday: birthday, Tags: tags}
		if err := s.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
		return c
	}
	add("amy", "老客")
	add("bob") // not in the birthday targets
	cat := add("cat", "老客")
	dan := add("dan", "老客")
	eve := add("eve", "老客")
	tradeDay := today.AddDate(0, 0, -7) // revisit due today
	if err := s.CreateTrade(ctx, &data.Trade{CustomerID: dan.ID, Goods: "红茶", AmountFen: 9900,
		TradedAt: time.Date(tradeDay.Year(), tradeDay.Month(), tradeDay.Day(), 12, 0, 0, 0, time.Local)}); err != nil {
		t.Fatal(err)
	}
	if err := s.Blacklist(ctx, cat.ID, "恶意差评"); err != nil {
		t.Fatal(err)
	}
	yesterday := today.AddDate(0, 0, -1)
	if err := s.AddContact(ctx, &data.Contact{CustomerID: eve.ID, Channel: data.ChannelWeChat, Care: data.CareGroup,
		At: time.Date(yesterday.Year(), yesterday.Month(), yesterday.Day(), 12, 0, 0, 0, time.Local)}); err != nil {
		t.Fatal(err)
	}
	rules, err := s.ReminderRules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rules[data.KindBirthday].TargetTags = []string{"老客"}
	rules[data.KindHoliday].Enabled = false // a holiday may fall due on the real today
	for _, k := range []data.ReminderKind{data.KindBirthday, data.KindHoliday} {
		if err := s.SaveReminderRule(ctx, rules[k]); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	out, errOut, code := run(t, "reminders", "--data", dir, "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	due, event := today.Format(data.DateLayout), today.AddDate(0, 0, 3).Format(data.DateLayout)
	// The csv holds PRODUCT.md's columns and the reminders to act on; those the cap
	// holds back are told on stderr with the reason.
	want := "due,event,kind,platform,nick,name,detail\n" +
		due + "," + event + ",birthday,taobao,dan,," + birthday + "\n" +
		due + "," + event + ",birthday,taobao,amy,," + birthday + "\n"
	if out != want {
		t.Errorf("csv: got\n%s\nwant\n%s", out, want)
	}
	for _, line := range []string{"2 条提醒因关怀频率上限暂缓", "淘宝 eve", "淘宝 dan", "群发关怀", "同一天先发更重要的「生日」提醒"} {
		if !strings.Contains(errOut, line) {
			t.Errorf("csv: want %q on stderr, got\n%s", line, errOut)
		}
	}
	text, _, code := run(t, "reminders", "--data", dir)
	for _, line := range []string{"共 2 条提醒", "2 条提醒因关怀频率上限暂缓", "淘宝 eve", "群发关怀", "同一天先发更重要的「生日」提醒"} {
		if code != 0 || !strings.Contains(text, line) {
			t.Errorf("text: exit %d, want %q in\n%s", code, line, text)
		}
	}
	if strings.Contains(text, "bob") || strings.Contains(text, "cat") {
		t.Errorf("text names a buyer outside the targets or blacklisted:\n%s", text)
	}
}
