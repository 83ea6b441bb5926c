package sqlite

import (
	"context"
	"errors"
	"testing"
	"time"

	"shopcrm/data"
)

// Every filter of the demo-shop cases, saved as a group and read back, counts the
// same buyers and value as the filter itself.
func TestSavedGroupsKeepEveryFilter(t *testing.T) {
	s := demoFilterShop(t)
	ctx := context.Background()
	for _, c := range demoFilterCases(s.Today()) {
		g := &data.SavedGroup{Name: c.name, Filter: c.f}
		if err := s.SaveGroup(ctx, g); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		back, err := s.SavedGroup(ctx, g.ID)
		if err != nil {
			t.Fatal(err)
		}
		wantN, wantFen, _ := s.CountFiltered(ctx, c.f)
		n, fen, err := s.CountFiltered(ctx, back.Filter)
		if err != nil || n != wantN || fen != wantFen {
			t.Errorf("%s: saved group counts %d / %d (%v), the filter %d / %d", c.name, n, fen, err, wantN, wantFen)
		}
	}
	all, err := s.SavedGroups(ctx)
	if err != nil || len(all) != len(demoFilterCases(s.Today())) {
		t.Fatalf("SavedGroups: %d groups, %v", len(all), err)
	}
	for i := 1; i < len(all); i++ {
		if all[i-1].Name > all[i].Name {
			t.Fatalf("not in name order: %q before %q", all[i-1].Name, all[i].Name)
		}
	}
}

// A saved group is live: a buyer joins it when a trade brings them over its bounds.
// Names are unique; a group can be renamed and deleted.
func TestSavedGroupIsLiveAndNamedOnce(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	c := addCustomer(t, s, &data.Customer{Nick: "茶友"})
	g := &data.SavedGroup{Name: "红茶老客", Filter: data.CustomerFilter{Goods: "红茶", Trades: data.Range{}.AtLeast(2)}}
	if err := s.SaveGroup(ctx, g); err != nil {
		t.Fatal(err)
	}
	members := func() int {
		back, err := s.SavedGroup(ctx, g.ID)
		if err != nil {
			t.Fatal(err)
		}
		n, _, err := s.CountFiltered(ctx, back.Filter)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	addTrade(t, s, c, time.Now().AddDate(0, -2, 0), "正山小种红茶", data.StatusPaid)
	if n := members(); n != 0 {
		t.Fatalf("one trade: %d members, want 0", n)
	}
	addTrade(t, s, c, time.Now().AddDate(0, -1, 0), "祁门红茶 250g", data.StatusPaid)
	if n := members(); n != 1 {
		t.Fatalf("two 红茶 trades: %d members, want 1", n)
	}
	other := &data.SavedGroup{Name: " 红茶老客 ", Filter: data.CustomerFilter{}}
	if err := s.SaveGroup(ctx, other); !errors.Is(err, data.ErrConflict) {
		t.Fatalf("a second group named 红茶老客: %v, want ErrConflict", err)
	}
	g.Name = "红茶回头客"
	if err := s.SaveGroup(ctx, g); err != nil {
		t.Fatal(err)
	}
	if back, _ := s.SavedGroup(ctx, g.ID); back.Name != "红茶回头客" {
		t.Fatalf("renamed to %q", back.Name)
	}
	if err := s.DeleteSavedGroup(ctx, g.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SavedGroup(ctx, g.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("deleted group read back: %v", err)
	}
	if err := s.DeleteSavedGroup(ctx, g.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("deleting it again: %v", err)
	}
}

// The cap holds a buyer back once they had its number of care messages within its
// window of days ending today; ordinary contacts and older care messages do not count.
func TestCappedCondCountsCareMessagesInTheWindow(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	today := s.Today()
	capped := func(cap data.CareCap, id int64) bool {
		cond, args := cappedCond(cap, today)
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM customers c WHERE c.id = ? AND `+cond,
			append([]any{id}, args...)...).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n == 1
	}
	at := func(days int) time.Time {
		d := today.AddDate(0, 0, -days)
		return time.Date(d.Year(), d.Month(), d.Day(), 10, 0, 0, 0, time.Local)
	}
	log := func(c *data.Customer, days int, care string) {
		if err := s.AddContact(ctx, &data.Contact{CustomerID: c.ID, At: at(days), Channel: data.ChannelWeChat, Care: care}); err != nil {
			t.Fatal(err)
		}
	}
	recent, old, plain := addCustomer(t, s, &data.Customer{Nick: "本周关怀过"}), addCustomer(t, s, &data.Customer{Nick: "上周关怀过"}), addCustomer(t, s, &data.Customer{Nick: "只聊过天"})
	log(recent, 6, string(data.KindBirthday))
	log(old, 7, data.CareGroup)
	log(plain, 0, "")
	week := data.DefaultCareCap
	for _, c := range []struct {
		who  *data.Customer
		cap  data.CareCap
		want bool
	}{{recent, week, true}, {old, week, false}, {plain, week, false}, {recent, data.CareCap{Messages: 2, Days: 7}, false},
		{old, data.CareCap{Messages: 1, Days: 8}, true}} {
		if got := capped(c.cap, c.who.ID); got != c.want {
			t.Errorf("%s under %v: capped %v, want %v", c.who.Nick, c.cap, got, c.want)
		}
	}
	if cond, _ := cappedCond(data.CareCap{Days: 7}, today); cond != "" {
		t.Error("a cap of 0 messages holds back")
	}
	if cs, _ := s.FindContacts(ctx, recent.ID); len(cs) != 1 || cs[0].Care != string(data.KindBirthday) {
		t.Errorf("the care kind is not read back: %+v", cs)
	}
	if err := s.SetCareCap(ctx, data.CareCap{Messages: 2, Days: 14}); err != nil {
		t.Fatal(err)
	}
	if c, err := s.CareCap(ctx); err != nil || c != (data.CareCap{Messages: 2, Days: 14}) {
		t.Errorf("CareCap after SetCareCap: %v %v", c, err)
	}
	if err := s.SetCareCap(ctx, data.CareCap{Messages: 1}); err == nil {
		t.Error("a cap over 0 days was stored")
	}
}
