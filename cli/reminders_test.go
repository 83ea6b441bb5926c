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
