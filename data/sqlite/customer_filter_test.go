package sqlite

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"shopcrm/data"
)

// plainBuyer is a customer read back as plain columns, with stats computed here from
// the raw trades by the counting rule, apart from the store's stats columns and SQL.
type plainBuyer struct {
	id                               int64
	platform, province, city, source string
	gender, birthday, phone, wechat  string
	optOut, blacklisted              bool
	tags                             []string
	tier                             string
	count                            int64
	total                            int64
	first, last                      time.Time
	goods                            []string // of counting trades
}

// plainShop reads every customer and trade with plain SELECTs and aggregates in Go.
func plainShop(t *testing.T, s *Store) map[int64]*plainBuyer {
	t.Helper()
	out := map[int64]*plainBuyer{}
	rows, err := s.db.Query(`SELECT id, platform, province, city, source, gender, birthday, phone, wechat,
		marketing_opt_out, EXISTS (SELECT 1 FROM blacklist b WHERE b.customer_id = customers.id) FROM customers`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		b := &plainBuyer{}
		if err := rows.Scan(&b.id, &b.platform, &b.province, &b.city, &b.source, &b.gender, &b.birthday,
			&b.phone, &b.wechat, &b.optOut, &b.blacklisted); err != nil {
			t.Fatal(err)
		}
		out[b.id] = b
	}
	rows.Close()
	rows, err = s.db.Query(`SELECT ct.customer_id, g.name FROM customer_tags ct JOIN tags g ON g.id = ct.tag_id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var tag string
		rows.Scan(&id, &tag)
		out[id].tags = append(out[id].tags, tag)
	}
	rows.Close()
	rows, err = s.db.Query(`SELECT customer_id, traded_at, status, goods, amount_fen, refund_fen FROM trades WHERE customer_id IS NOT NULL`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id, amount, refund int64
		var at, status, goods string
		if err := rows.Scan(&id, &at, &status, &goods, &amount, &refund); err != nil {
			t.Fatal(err)
		}
		b := out[id]
		when, err := time.ParseInLocation("2006-01-02 15:04:05", at, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case status == "paid" && amount-refund > 0:
			b.count++
			b.total += amount - refund
			b.goods = append(b.goods, goods)
			if b.first.IsZero() || when.Before(b.first) {
				b.first = when
			}
			if when.After(b.last) {
				b.last = when
			}
		case status == "paid" && amount < 0:
			b.total += amount
		}
	}
	rows.Close()
	tiers, err := s.Tiers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range out {
		for _, tr := range tiers { // in rank order: the highest rule that holds wins
			if (tr.MinTrades == nil && tr.MinTotalFen == nil) ||
				(tr.MinTrades != nil && b.count >= int64(*tr.MinTrades)) || (tr.MinTotalFen != nil && b.total >= *tr.MinTotalFen) {
				b.tier = tr.Name
			}
		}
	}
	return out
}

// plainDay is the local calendar day of a stored moment, as a comparable string.
func plainDay(t time.Time) string { return t.In(time.Local).Format("2006-01-02") }

// filterCase is a filter and the same question asked of a plainBuyer.
type filterCase struct {
	name string
	f    data.CustomerFilter
	want func(b *plainBuyer) bool
}

func demoFilterCases(today time.Time) []filterCase {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	daysSince := func(b *plainBuyer) int {
		l := b.last.In(time.Local)
		last := time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC)
		return int(today.Sub(last).Hours() / 24)
	}
	goodsHas := func(b *plainBuyer, phrase string) bool {
		for _, g := range b.goods {
			if strings.Contains(strings.ToLower(g), strings.ToLower(phrase)) {
				return true
			}
		}
		return false
	}
	return []filterCase{
		{"goods 红茶", data.CustomerFilter{Goods: "红茶"}, func(b *plainBuyer) bool { return goodsHas(b, "红茶") }},
		{"goods phrase", data.CustomerFilter{Goods: " 茶  250G "}, func(b *plainBuyer) bool { return goodsHas(b, "茶 250g") }},
		{"goods %", data.CustomerFilter{Goods: "100%"}, func(b *plainBuyer) bool { return goodsHas(b, "100%") }},
		{"min trades 2", data.CustomerFilter{Trades: data.Range{}.AtLeast(2)}, func(b *plainBuyer) bool { return b.count >= 2 }},
		{"max trades 0", data.CustomerFilter{Trades: data.Range{}.AtMost(0)}, func(b *plainBuyer) bool { return b.count == 0 }},
		{"trades 2..4", data.CustomerFilter{Trades: data.Range{}.AtLeast(2).AtMost(4)}, func(b *plainBuyer) bool { return b.count >= 2 && b.count <= 4 }},
		{"min total ¥200", data.CustomerFilter{TotalFen: data.Range{}.AtLeast(20000)}, func(b *plainBuyer) bool { return b.total >= 20000 }},
		{"max total ¥100", data.CustomerFilter{TotalFen: data.Range{}.AtMost(10000)}, func(b *plainBuyer) bool { return b.total <= 10000 }},
		{"avg ≥ ¥150", data.CustomerFilter{AverageFen: data.Range{}.AtLeast(15000)}, func(b *plainBuyer) bool { return b.count > 0 && b.total/b.count >= 15000 }},
		{"avg ≤ ¥80", data.CustomerFilter{AverageFen: data.Range{}.AtMost(8000)}, func(b *plainBuyer) bool {
			return b.count > 0 && float64(b.total)/float64(b.count) <= 8000
		}},
		{"first from 2026-01-01", data.CustomerFilter{FirstTrade: data.DateRange{From: day("2026-01-01")}},
			func(b *plainBuyer) bool { return b.count > 0 && plainDay(b.first) >= "2026-01-01" }},
		{"first before 2025-06-01", data.CustomerFilter{FirstTrade: data.DateRange{Before: day("2025-06-01")}},
			func(b *plainBuyer) bool { return b.count > 0 && plainDay(b.first) < "2025-06-01" }},
		{"last in 2026-03", data.CustomerFilter{LastTrade: data.DateRange{From: day("2026-03-01"), Before: day("2026-04-01")}},
			func(b *plainBuyer) bool {
				return b.count > 0 && plainDay(b.last) >= "2026-03-01" && plainDay(b.last) < "2026-04-01"
			}},
		{"days ≥ 180", data.CustomerFilter{DaysSinceLast: data.Range{}.AtLeast(180)}, func(b *plainBuyer) bool { return b.count > 0 && daysSince(b) >= 180 }},
		{"days ≤ 30", data.CustomerFilter{DaysSinceLast: data.Range{}.AtMost(30)}, func(b *plainBuyer) bool { return b.count > 0 && daysSince(b) <= 30 }},
		{"platform jd", data.CustomerFilter{Platform: data.PlatformJD}, func(b *plainBuyer) bool { return b.platform == string(data.PlatformJD) }},
		{"province 浙江", data.CustomerFilter{Province: "浙江"}, func(b *plainBuyer) bool { return strings.HasPrefix(b.province, "浙江") }},
		{"city 杭州", data.CustomerFilter{City: "杭州"}, func(b *plainBuyer) bool { return strings.HasPrefix(b.city, "杭州") }},
		{"source shop", data.CustomerFilter{Source: "门店"}, func(b *plainBuyer) bool { return b.source == "门店" }},
		{"gender male", data.CustomerFilter{Gender: data.GenderMale}, func(b *plainBuyer) bool { return b.gender == "male" }},
		{"birthday in March", data.CustomerFilter{BirthdayMonth: 3}, func(b *plainBuyer) bool {
			return len(b.birthday) >= 5 && b.birthday[len(b.birthday)-5:len(b.birthday)-3] == "03"
		}},
		{"tier vip", data.CustomerFilter{Tier: "tier.vip"}, func(b *plainBuyer) bool { return b.tier == "tier.vip" }},
		{"tag", data.CustomerFilter{Tag: "回头客"}, func(b *plainBuyer) bool { return contains(b.tags, "回头客") }},
		{"opted out", data.CustomerFilter{OptedOut: data.Yes}, func(b *plainBuyer) bool { return b.optOut }},
		{"not opted out", data.CustomerFilter{OptedOut: data.No}, func(b *plainBuyer) bool { return !b.optOut }},
		{"blacklisted", data.CustomerFilter{Blacklisted: data.Yes}, func(b *plainBuyer) bool { return b.blacklisted }},
		{"not blacklisted", data.CustomerFilter{Blacklisted: data.No}, func(b *plainBuyer) bool { return !b.blacklisted }},
		{"has phone", data.CustomerFilter{HasPhone: data.Yes}, func(b *plainBuyer) bool { return b.phone != "" }},
		{"no phone", data.CustomerFilter{HasPhone: data.No}, func(b *plainBuyer) bool { return b.phone == "" }},
		{"has wechat", data.CustomerFilter{HasWeChat: data.Yes}, func(b *plainBuyer) bool { return b.wechat != "" }},
		{"combined", data.CustomerFilter{Goods: "茶", Trades: data.Range{}.AtLeast(2), TotalFen: data.Range{}.AtLeast(20000),
			LastTrade: data.DateRange{From: day("2025-06-01")}, HasPhone: data.Yes, Blacklisted: data.No, Gender: data.GenderFemale},
			func(b *plainBuyer) bool {
				return goodsHas(b, "茶") && b.count >= 2 && b.total >= 20000 && plainDay(b.last) >= "2025-06-01" &&
					b.phone != "" && !b.blacklisted && b.gender == "female"
			}},
		{"combined region and average", data.CustomerFilter{Province: "广东", AverageFen: data.Range{}.AtLeast(10000).AtMost(30000),
			DaysSinceLast: data.Range{}.AtMost(365), OptedOut: data.No},
			func(b *plainBuyer) bool {
				avg := float64(b.total) / float64(b.count)
				return strings.HasPrefix(b.province, "广东") && b.count > 0 && avg >= 10000 && avg <= 30000 &&
					daysSince(b) <= 365 && !b.optOut
			}},
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// demoFilterShop is a seeded demo shop with some buyers changed so that every filter
// has both sides: phones cleared, opt-outs, a shop source, tags and blacklistings.
func demoFilterShop(t *testing.T) *Store {
	t.Helper()
	s := openTestStore(t)
	ctx := context.Background()
	if err := s.GenerateDemo(ctx, data.DemoOptions{Customers: 2000, Trades: 8000, Seed: 19}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE customers SET phone = '' WHERE id % 7 = 0`,
		`UPDATE customers SET marketing_opt_out = 1 WHERE id % 11 = 0`,
		`UPDATE customers SET source = '门店' WHERE id % 5 = 0`,
		`UPDATE trades SET goods = '纯棉 100% 茶巾' WHERE id % 97 = 0`,
	} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	var ids []int64
	for id := int64(3); id <= 2000; id += 13 {
		ids = append(ids, id)
		if err := s.Blacklist(ctx, id, "恶意差评"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.TagCustomers(ctx, ids[:len(ids)/2], "回头客"); err != nil {
		t.Fatal(err)
	}
	return s
}

// Every filter, and combinations, select exactly the buyers a plain walk over the raw
// customers and trades selects, and CountFiltered gives their number and total value.
func TestCustomerFiltersMatchAPlainWalkOnTheDemoShop(t *testing.T) {
	s := demoFilterShop(t)
	ctx := context.Background()
	shop := plainShop(t, s)
	for _, tc := range demoFilterCases(data.Date(s.Now())) {
		var want []int64
		var wantTotal int64
		for _, b := range shop {
			if tc.want(b) {
				want = append(want, b.id)
				wantTotal += b.total
			}
		}
		sort.Slice(want, func(i, j int) bool { return want[i] < want[j] })
		var got []int64
		if err := s.EachCustomer(ctx, tc.f, func(c *data.Customer) error { got = append(got, c.ID); return nil }); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if len(want) == 0 || len(want) == len(shop) {
			t.Errorf("%s: the plain walk keeps %d of %d buyers; the case tests nothing", tc.name, len(want), len(shop))
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: got %d buyers, want %d", tc.name, len(got), len(want))
		}
		// A page walked in sort order (the goods condition per row, filterConds byRow).
		walked := tc.f
		walked.Limit = len(shop)
		got = got[:0]
		if err := s.EachCustomer(ctx, walked, func(c *data.Customer) error { got = append(got, c.ID); return nil }); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s, walked by pages: got %d buyers, want %d", tc.name, len(got), len(want))
		}
		n, total, err := s.CountFiltered(ctx, tc.f)
		if err != nil || n != len(want) || total != wantTotal {
			t.Errorf("%s: CountFiltered = %d, ¥%s, %v; want %d, ¥%s", tc.name, n, data.FormatYuan(total), err, len(want), data.FormatYuan(wantTotal))
		}
		page, n, err := s.FindCustomers(ctx, withPage(tc.f, 50))
		if err != nil || n != len(want) || len(page) != min(50, len(want)) {
			t.Errorf("%s: FindCustomers page of %d, count %d, %v; want %d", tc.name, len(page), n, err, len(want))
		}
	}
}

func withPage(f data.CustomerFilter, limit int) data.CustomerFilter {
	f.Limit, f.Sort, f.Desc = limit, data.SortTotal, true
	return f
}

// The segment filter combines with the new ones: the combination keeps exactly the
// buyers both keep.
func TestCustomerFiltersCombineWithSegmentAndQuery(t *testing.T) {
	s := demoFilterShop(t)
	ctx := context.Background()
	ids := func(f data.CustomerFilter) map[int64]bool {
		out := map[int64]bool{}
		if err := s.EachCustomer(ctx, f, func(c *data.Customer) error { out[c.ID] = true; return nil }); err != nil {
			t.Fatal(err)
		}
		return out
	}
	for _, extra := range []data.CustomerFilter{{Dormant: true}, {Segment: data.Segments[0]}, {Query: "1"}} {
		base := data.CustomerFilter{Goods: "茶", Trades: data.Range{}.AtLeast(2)}
		both := base
		both.Dormant, both.Segment, both.Query = extra.Dormant, extra.Segment, extra.Query
		a, b, got := ids(base), ids(extra), ids(both)
		want := 0
		for id := range a {
			if b[id] {
				want++
				if !got[id] {
					t.Errorf("%+v: buyer %d kept by both parts is missing", extra, id)
				}
			}
		}
		if len(got) != want {
			t.Errorf("%+v: got %d buyers, want %d", extra, len(got), want)
		}
	}
}

// A wrong filter is a validation error, not a query.
func TestCustomerFilterRejectsWrongBounds(t *testing.T) {
	s := openTestStore(t)
	for _, f := range []data.CustomerFilter{
		{Trades: data.Range{}.AtLeast(5).AtMost(2)},
		{TotalFen: data.Range{}.AtLeast(-1)},
		{BirthdayMonth: 13},
		{DaysSinceLast: data.Range{}.AtLeast(1 << 40)},
		{Platform: "ebay"},
		{LastTrade: data.DateRange{From: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), Before: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)}},
	} {
		_, _, err := s.FindCustomers(context.Background(), f)
		var ve *data.ValidationError
		if !errors.As(err, &ve) {
			t.Errorf("%+v: got %v, want a validation error", f, err)
		}
	}
}
