package sqlite

import (
	"context"
	"errors"
	"fmt"
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

// Several picked buyers go on the blacklist in one transaction: a failure on the last
// one lists nobody; otherwise all are listed with the reason, a buyer deleted
// meanwhile is passed over, and the audit log has one entry counting them.
func TestBlacklistSeveralCustomersIsOneTransaction(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	var ids []int64
	for _, nick := range []string{"甲", "乙", "丙"} {
		c := &data.Customer{Platform: data.PlatformTaobao, Nick: nick}
		if err := s.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	var ve *data.ValidationError
	if _, err := s.BlacklistCustomers(ctx, ids, " "); !errors.As(err, &ve) || ve.Field != "reason" {
		t.Errorf("empty reason: got %v", err)
	}
	listed := func() int {
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM blacklist`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if _, err := s.db.Exec(fmt.Sprintf(`CREATE TRIGGER boom BEFORE INSERT ON blacklist WHEN new.customer_id = %d
		BEGIN SELECT RAISE(ABORT, 'boom'); END`, ids[2])); err != nil {
		t.Fatal(err)
	}
	if _, err := s.BlacklistCustomers(ctx, ids, "刷单"); err == nil || listed() != 0 {
		t.Fatalf("a failure on the third buyer: err %v, %d listed; want an error and none", err, listed())
	}
	if _, err := s.db.Exec(`DROP TRIGGER boom`); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteCustomer(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}
	n, err := s.BlacklistCustomers(ctx, append(ids, ids[2]+100), "刷单")
	if err != nil || n != 2 || listed() != 2 {
		t.Fatalf("got %d (%d rows), %v; want the 2 buyers still there", n, listed(), err)
	}
	for _, id := range []int64{ids[0], ids[2]} {
		if c, _ := s.FindCustomerByID(ctx, id); !c.Blacklisted || c.BlacklistReason != "刷单" {
			t.Errorf("customer %d: %v %q", id, c.Blacklisted, c.BlacklistReason)
		}
	}
	var count int
	if err := s.db.QueryRow(`SELECT sum(count) FROM audit_log WHERE action = 'blacklist.add'`).Scan(&count); err != nil || count != 2 {
		t.Errorf("audit counts %d listings, %v; want 2", count, err)
	}
}
