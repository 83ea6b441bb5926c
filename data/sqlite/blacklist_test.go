package sqlite

import (
	"context"
	"errors"
	"strings"
	"testing"

	"shopcrm/data"
)

// A blacklisted buyer gets no care reminder of any kind (birthday, anniversary,
// revisit, dormant) and is not in a holiday greeting's group; their twin, not listed,
// gets each; taking them off the list brings the reminders back.
func TestBlacklistedBuyerGetsNoCareReminder(t *testing.T) {
	s := reminderStore(t)
	ctx := context.Background()
	var twins [2]*data.Customer
	for i, nick := range []string{"黑名单买家", "普通买家"} {
		c := addCustomer(t, s, &data.Customer{Nick: nick, Birthday: "1990-12-05"})
		addTrade(t, s, c, localAt("2025-12-01", 10), "红茶", data.StatusPaid)
		addTrade(t, s, c, localAt("2026-11-25", 10), "绿茶", data.StatusPaid)
		twins[i] = c
	}
	kindsOf := func(nick string) map[data.ReminderKind]int {
		rs, err := s.Reminders(ctx, data.ReminderFilter{From: d("2026-11-23"), To: d("2027-11-23")})
		if err != nil {
			t.Fatal(err)
		}
		out := map[data.ReminderKind]int{}
		for _, r := range rs {
			if r.Nick == nick {
				out[r.Kind]++
			}
			if r.Kind == data.KindHoliday {
				out["group"] = r.GroupSize
			}
		}
		return out
	}
	before := kindsOf("黑名单买家")
	for _, k := range []data.ReminderKind{data.KindBirthday, data.KindAnniversary, data.KindRevisit, data.KindDormant} {
		if before[k] == 0 {
			t.Fatalf("before listing: no %s reminder (%v); the test tests nothing", k, before)
		}
	}
	if err := s.Blacklist(ctx, twins[0].ID, "  恶意差评，多次骚扰客服 "); err != nil {
		t.Fatal(err)
	}
	after := kindsOf("黑名单买家")
	if len(after) != 1 || after["group"] != before["group"]-1 {
		t.Errorf("blacklisted: got reminders %v, want none and a holiday group of %d", after, before["group"]-1)
	}
	if twin := kindsOf("普通买家"); twin[data.KindBirthday] != before[data.KindBirthday] || twin[data.KindRevisit] != before[data.KindRevisit] {
		t.Errorf("the twin lost reminders: %v, want %v", twin, before)
	}
	c, err := s.FindCustomerByID(ctx, twins[0].ID)
	if err != nil || !c.Blacklisted || c.BlacklistReason != "恶意差评，多次骚扰客服" {
		t.Errorf("customer after listing: %v %q, %v", c.Blacklisted, c.BlacklistReason, err)
	}
	if removed, err := s.Unblacklist(ctx, twins[0].ID); err != nil || !removed {
		t.Fatalf("unblacklist: %v %v", removed, err)
	}
	if again := kindsOf("黑名单买家"); again[data.KindBirthday] != before[data.KindBirthday] || again["group"] != before["group"] {
		t.Errorf("after unlisting: %v, want %v", again, before)
	}
	if removed, err := s.Unblacklist(ctx, twins[0].ID); err != nil || removed {
		t.Errorf("second unblacklist: %v %v, want false", removed, err)
	}
}

// The reason is required, a missing customer is ErrNotFound, and each change is in
// the audit log without the reason (which may name people).
func TestBlacklistNeedsAReasonAndIsAudited(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	c := &data.Customer{Platform: data.PlatformTaobao, Nick: "某人"}
	if err := s.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	var ve *data.ValidationError
	if err := s.Blacklist(ctx, c.ID, "  "); !errors.As(err, &ve) || ve.Field != "reason" {
		t.Errorf("empty reason: got %v", err)
	}
	if err := s.Blacklist(ctx, c.ID+100, "x"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("missing customer: got %v", err)
	}
	if err := s.Blacklist(ctx, c.ID, "拒收两次"); err != nil {
		t.Fatal(err)
	}
	if err := s.Blacklist(ctx, c.ID, "拒收三次"); err != nil {
		t.Fatal(err)
	}
	got, _ := s.FindCustomerByID(ctx, c.ID)
	if got.BlacklistReason != "拒收三次" {
		t.Errorf("reason after a second listing: %q", got.BlacklistReason)
	}
	s.Unblacklist(ctx, c.ID)
	rows, err := s.db.Query(`SELECT action, detail FROM audit_log WHERE action LIKE 'blacklist.%' ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var log []string
	for rows.Next() {
		var a, detail string
		rows.Scan(&a, &detail)
		if strings.Contains(detail, "拒收") {
			t.Errorf("audit detail holds the reason: %q", detail)
		}
		log = append(log, a)
	}
	if strings.Join(log, " ") != "blacklist.add blacklist.add blacklist.remove" {
		t.Errorf("audit: %v", log)
	}
}
