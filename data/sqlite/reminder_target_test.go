package sqlite

import (
	"context"
	"fmt"
	"sort"
	"testing"

	"shopcrm/data"
)

// targetShop is a demo shop of 400 buyers with every kind of reminder: a quarter of
// the birthdays lunar, every third buyer tagged 老客, every fifth with a weekly custom
// reminder. The frequency cap is off (targets alone are under test).
func targetShop(t *testing.T) *Store {
	t.Helper()
	s := reminderStore(t)
	ctx := context.Background()
	if err := s.GenerateDemo(ctx, data.DemoOptions{Customers: 400, Trades: 2500, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE customers SET birthday_lunar = 1, birthday = substr(birthday, -5) WHERE birthday <> '' AND id % 4 = 0`,
		`INSERT INTO tags (name) VALUES ('老客')`,
		`INSERT INTO customer_tags (customer_id, tag_id) SELECT id, (SELECT id FROM tags WHERE name = '老客') FROM customers WHERE id % 3 = 0`,
	} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	ids := idSet(t, s, `SELECT id FROM customers WHERE id % 5 = 0`)
	for id := range ids {
		if err := s.CreateFollowUp(ctx, &data.FollowUp{CustomerID: id, Due: d("2026-11-20"), Repeat: data.RepeatWeekly, Note: "周报"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetCareCap(ctx, data.CareCap{Messages: 0, Days: 7}); err != nil {
		t.Fatal(err)
	}
	return s
}

func idSet(t *testing.T, s *Store, query string, args ...any) map[int64]bool {
	t.Helper()
	rows, err := s.db.Query(query, args...)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]bool{}
	if err := scanRows(rows, func() error {
		var id int64
		err := rows.Scan(&id)
		out[id] = true
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// buyersByKind are the customers with a reminder of each kind from 2026-09-24 to
// 2026-12-23 (holidays: the group size of the first greeting, under key 0).
func buyersByKind(t *testing.T, s *Store) map[data.ReminderKind]map[int64]bool {
	t.Helper()
	rs, err := s.Reminders(context.Background(), data.ReminderFilter{From: d("2026-09-24"), To: d("2026-12-23")})
	if err != nil {
		t.Fatal(err)
	}
	out := map[data.ReminderKind]map[int64]bool{}
	for _, r := range rs {
		if out[r.Kind] == nil {
			out[r.Kind] = map[int64]bool{}
		}
		if r.Kind == data.KindHoliday {
			out[r.Kind][0] = true
			out[r.Kind][-int64(r.GroupSize)] = true
			continue
		}
		out[r.Kind][r.CustomerID] = true
	}
	return out
}

func setTargets(t *testing.T, s *Store, kind data.ReminderKind, fill func(r *data.ReminderRule)) {
	t.Helper()
	ctx := context.Background()
	rules, err := s.ReminderRules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	r := rules[kind]
	r.TargetTiers, r.TargetSegments, r.TargetTags, r.TargetGroup = nil, nil, nil, 0
	fill(r)
	if err := s.SaveReminderRule(ctx, r); err != nil {
		t.Fatal(err)
	}
}

func sortedIDs(m map[int64]bool) []int64 {
	var out []int64
	for id := range m {
		out = append(out, id)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Each kind limited by each target type reminds exactly the buyers it reminded
// without targets who are in the target, the target's members computed apart from
// the store's target condition: tiers from the stored tier rank, segments from the
// list's ratings, tags from customer_tags, the saved group from its bound on totals.
func TestEveryKindIsLimitedByEveryTargetType(t *testing.T) {
	s := targetShop(t)
	ctx := context.Background()
	all := sortedIDs(idSet(t, s, `SELECT id FROM customers`))
	ratings, err := s.Ratings(ctx, all)
	if err != nil {
		t.Fatal(err)
	}
	var median int64
	if err := s.db.QueryRow(`SELECT total_fen FROM customers ORDER BY total_fen LIMIT 1 OFFSET 200`).Scan(&median); err != nil {
		t.Fatal(err)
	}
	group := &data.SavedGroup{Name: "大客户", Filter: data.CustomerFilter{TotalFen: data.Range{}.AtLeast(median)}}
	if err := s.SaveGroup(ctx, group); err != nil {
		t.Fatal(err)
	}
	var goods string
	if err := s.db.QueryRow(`SELECT goods FROM trades WHERE goods <> '' GROUP BY goods ORDER BY count(*) DESC LIMIT 1`).Scan(&goods); err != nil {
		t.Fatal(err)
	}
	repeat := &data.SavedGroup{Name: "复购", Filter: data.CustomerFilter{Goods: goods, Trades: data.Range{}.AtLeast(3)}}
	if err := s.SaveGroup(ctx, repeat); err != nil {
		t.Fatal(err)
	}
	segments := []data.Segment{data.Segments[0], data.Segments[4]}
	inSegments := map[int64]bool{}
	for id, r := range ratings {
		if r.Segment == segments[0] || r.Segment == segments[1] {
			inSegments[id] = true
		}
	}
	targets := []struct {
		name    string
		fill    func(r *data.ReminderRule)
		members map[int64]bool
	}{
		{"tiers", func(r *data.ReminderRule) { r.TargetTiers = []string{"tier.regular", "tier.vip"} },
			idSet(t, s, `SELECT c.id FROM customers c WHERE (`+tierNameSQL+`) IN ('tier.regular', 'tier.vip')`)},
		{"segments", func(r *data.ReminderRule) { r.TargetSegments = segments }, inSegments},
		{"tags", func(r *data.ReminderRule) { r.TargetTags = []string{"老客"} },
			idSet(t, s, `SELECT ct.customer_id FROM customer_tags ct JOIN tags g ON g.id = ct.tag_id WHERE g.name = '老客'`)},
		{"saved group", func(r *data.ReminderRule) { r.TargetGroup = group.ID },
			idSet(t, s, `SELECT id FROM customers WHERE total_fen >= ?`, median)},
		{"saved group of goods", func(r *data.ReminderRule) { r.TargetGroup = repeat.ID },
			idSet(t, s, `SELECT c.id FROM customers c WHERE c.trade_count >= 3 AND EXISTS (SELECT 1 FROM trades t
				WHERE t.customer_id = c.id AND instr(t.goods, ?) > 0 AND t.status = 'paid' AND t.amount_fen > t.refund_fen)`, goods)},
	}
	for _, tg := range targets {
		if n := len(tg.members); n == 0 || n == len(all) {
			t.Fatalf("target %s holds %d of %d buyers; it narrows nothing", tg.name, n, len(all))
		}
	}
	baseline := buyersByKind(t, s)
	optedIn := idSet(t, s, `SELECT id FROM customers WHERE marketing_opt_out = 0`)
	for _, kind := range data.RuleKinds {
		kinds := []data.ReminderKind{kind}
		if kind == data.KindBirthday {
			kinds = append(kinds, data.KindLunarBirthday)
		}
		for _, k := range kinds {
			if len(baseline[k]) < 2 {
				t.Fatalf("%s: only %d buyers without targets; the shop tests nothing", k, len(baseline[k]))
			}
		}
		narrowed := false
		for _, tg := range targets {
			t.Run(fmt.Sprintf("%s by %s", kind, tg.name), func(t *testing.T) {
				setTargets(t, s, kind, tg.fill)
				defer setTargets(t, s, kind, func(*data.ReminderRule) {})
				got := buyersByKind(t, s)
				for _, k := range kinds {
					want := map[int64]bool{}
					if k == data.KindHoliday {
						n := 0
						for id := range tg.members {
							if optedIn[id] {
								n++
							}
						}
						want[0], want[-int64(n)] = true, true
					} else {
						for id := range baseline[k] {
							if tg.members[id] {
								want[id] = true
							}
						}
					}
					if fmt.Sprint(sortedIDs(got[k])) != fmt.Sprint(sortedIDs(want)) {
						t.Errorf("%s: got %v, want %v", k, sortedIDs(got[k]), sortedIDs(want))
					}
					narrowed = narrowed || fmt.Sprint(sortedIDs(want)) != fmt.Sprint(sortedIDs(baseline[k]))
				}
			})
		}
		if !narrowed {
			t.Errorf("%s: no target narrowed it; the test shows nothing", kind)
		}
	}
}

// A one-off custom reminder is the seller's own task: the custom rule's targets limit
// only repeating ones.
func TestOneOffCustomRemindersIgnoreTargets(t *testing.T) {
	s := reminderStore(t)
	ctx := context.Background()
	c := addCustomer(t, s, &data.Customer{Nick: "散客"})
	for _, repeat := range []string{data.RepeatNone, data.RepeatMonthly} {
		if err := s.CreateFollowUp(ctx, &data.FollowUp{CustomerID: c.ID, Due: d("2026-11-23"), Repeat: repeat, Note: "跟进" + repeat}); err != nil {
			t.Fatal(err)
		}
	}
	setTargets(t, s, data.KindCustom, func(r *data.ReminderRule) { r.TargetTags = []string{"VIP"} })
	rs, err := s.Reminders(ctx, data.ReminderFilter{From: d("2026-11-23"), To: d("2026-11-23")})
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || rs[0].Repeat != data.RepeatNone {
		t.Fatalf("got %+v, want only the one-off reminder", rs)
	}
}

// Deleting a saved group takes it out of the rules limited to it, in the same
// transaction: a rule left with other targets keeps them, a rule it was the only
// target of is switched off (not sent to everyone).
func TestDeletingASavedGroupTakesItOutOfTheRules(t *testing.T) {
	s := reminderStore(t)
	ctx := context.Background()
	g := &data.SavedGroup{Name: "复购", Filter: data.CustomerFilter{Trades: data.Range{}.AtLeast(2)}}
	if err := s.SaveGroup(ctx, g); err != nil {
		t.Fatal(err)
	}
	setTargets(t, s, data.KindBirthday, func(r *data.ReminderRule) { r.TargetGroup = g.ID })
	setTargets(t, s, data.KindDormant, func(r *data.ReminderRule) { r.TargetGroup, r.TargetTags = g.ID, []string{"老客"} })
	if kinds, err := s.GroupRuleKinds(ctx, g.ID); err != nil || fmt.Sprint(kinds) != "[birthday dormant]" {
		t.Fatalf("rules using the group: got %v, %v", kinds, err)
	}
	if err := s.SaveReminderRule(ctx, &data.ReminderRule{Kind: data.KindRevisit, Enabled: true, AfterDays: 7, TargetGroup: g.ID + 100}); err == nil {
		t.Error("a rule limited to a group that does not exist was saved")
	}
	if err := s.DeleteSavedGroup(ctx, g.ID); err != nil {
		t.Fatal(err)
	}
	rules, err := s.ReminderRules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if b := rules[data.KindBirthday]; b.TargetGroup != 0 || b.Enabled {
		t.Errorf("birthday rule: group %d, enabled %v; want no group, switched off", b.TargetGroup, b.Enabled)
	}
	if dr := rules[data.KindDormant]; dr.TargetGroup != 0 || !dr.Enabled || fmt.Sprint(dr.TargetTags) != "[老客]" {
		t.Errorf("dormant rule: %+v; want its tag kept and still on", dr)
	}
	if kinds, _ := s.GroupRuleKinds(ctx, g.ID); len(kinds) != 0 {
		t.Errorf("rules still using the deleted group: %v", kinds)
	}
}

// Settings round trip: every target type reads back as saved, for every kind.
func TestRuleTargetsRoundTrip(t *testing.T) {
	s := reminderStore(t)
	ctx := context.Background()
	g := &data.SavedGroup{Name: "回购", Filter: data.CustomerFilter{Goods: "红茶"}}
	if err := s.SaveGroup(ctx, g); err != nil {
		t.Fatal(err)
	}
	for _, k := range data.RuleKinds {
		setTargets(t, s, k, func(r *data.ReminderRule) {
			r.TargetTiers, r.TargetSegments = []string{"tier.vip"}, []data.Segment{"HHH", "LLL"}
			r.TargetTags, r.TargetGroup = []string{"老客", "复购"}, g.ID
		})
	}
	rules, _ := s.ReminderRules(ctx)
	for _, k := range data.RuleKinds {
		r := rules[k]
		if got := fmt.Sprint(r.TargetTiers, r.TargetSegments, r.TargetTags, r.TargetGroup == g.ID); got != "[tier.vip] [HHH LLL] [老客 复购] true" {
			t.Errorf("%s: got %s", k, got)
		}
	}
	err := s.SaveReminderRule(ctx, &data.ReminderRule{Kind: data.KindBirthday, Enabled: true, TargetSegments: []data.Segment{"XYZ"}})
	if err == nil {
		t.Error("an unknown segment was saved")
	}
}

// Within a kind and day, the most valuable buyers come first, then by name.
func TestRemindersOfAKindListTheMostValuableFirst(t *testing.T) {
	s := reminderStore(t)
	for nick, trades := range map[string]int{"乙": 1, "甲": 1, "丙": 3, "丁": 0, "戊": 2} {
		c := addCustomer(t, s, &data.Customer{Nick: nick, Birthday: "11-26"})
		for i := 0; i < trades; i++ {
			addTrade(t, s, c, localAt("2026-10-01", 9+i), "茶", data.StatusPaid)
		}
	}
	rs, err := s.Reminders(context.Background(), data.ReminderFilter{From: d("2026-11-23"), To: d("2026-11-23")})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rs {
		got = append(got, fmt.Sprintf("%s %d", r.Nick, r.ValueFen))
	}
	if want := "[丙 29700 戊 19800 乙 9900 甲 9900 丁 0]"; fmt.Sprint(got) != want {
		t.Errorf("got %v, want %s", got, want)
	}
}
