package importer

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"shopcrm/data"
)

// Sellers' birthday columns reach the customer and, from there, the reminders.
func TestImportedBirthdaysBecomeReminders(t *testing.T) {
	for _, tt := range []struct {
		name, header, value string
		wantBirthday        string
		wantLunar           bool
		from, to            string // a range whose reminders include this birthday
		wantKind            data.ReminderKind
		wantEvent           string
	}{
		{"生日 with year", "生日", "1990/11/26", "1990-11-26", false, "2026-11-23", "2026-11-23", data.KindBirthday, "2026-11-26"},
		{"出生日期 in Chinese", "出生日期", "1988年2月29日", "1988-02-29", false, "2027-02-25", "2027-02-25", data.KindBirthday, "2027-02-28"},
		{"公历生日 without year", "公历生日", "5月1日", "05-01", false, "2027-04-28", "2027-04-28", data.KindBirthday, "2027-05-01"},
		{"农历生日 in words", "农历生日", "八月十五", "08-15", true, "2026-09-22", "2026-09-22", data.KindLunarBirthday, "2026-09-25"},
		{"农历生日 as numbers", "农历生日", "农历1990-08-15", "1990-08-15", true, "2025-10-03", "2025-10-03", data.KindLunarBirthday, "2025-10-06"},
		{"农历生日 正月", "农历生日", "正月十五", "01-15", true, "2026-02-28", "2026-02-28", data.KindLunarBirthday, "2026-03-03"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			old := time.Local
			time.Local = cst
			t.Cleanup(func() { time.Local = old })
			path := filepath.Join(t.TempDir(), "客户档案.csv")
			body := "顾客网名,真实姓名," + tt.header + "\n小米粒,张三," + tt.value + "\n"
			if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
				t.Fatal(err)
			}
			s := newStore(t)
			res := importFile(t, s, path, Options{})
			if res.CustomersCreated != 1 {
				t.Fatalf("created %d customers, want 1", res.CustomersCreated)
			}
			var c *data.Customer
			s.EachCustomer(context.Background(), data.CustomerFilter{}, func(x *data.Customer) error { c = x; return nil })
			if c.Birthday != tt.wantBirthday || c.BirthdayLunar != tt.wantLunar {
				t.Fatalf("birthday: got %q lunar=%v, want %q lunar=%v", c.Birthday, c.BirthdayLunar, tt.wantBirthday, tt.wantLunar)
			}
			from, _ := time.Parse("2006-01-02", tt.from)
			to, _ := time.Parse("2006-01-02", tt.to)
			rs, err := s.Reminders(context.Background(), data.ReminderFilter{From: from, To: to})
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) != 1 || rs[0].Kind != tt.wantKind || rs[0].Event.Format("2006-01-02") != tt.wantEvent {
				t.Fatalf("reminders: got %+v, want one %s on %s", rs, tt.wantKind, tt.wantEvent)
			}
		})
	}
}
