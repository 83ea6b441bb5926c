package sqlite

import (
	"context"
	"testing"
	"time"

	"shopcrm/data"
)

var cst = time.FixedZone("CST", 8*3600)

// on is a paid trade at local noon (CST) of a day in 2026 (or 2025 for month 0 days).
func on(month, day int, fen int64) shopTrade {
	return shopTrade{at: time.Date(2026, time.Month(month), day, 12, 0, 0, 0, cst), fen: fen}
}

// handShop is a shop whose RFM groups were worked out by hand, as of 2026-06-30:
//
//	buyer  last trade  recency  trades  total   R F M  segment
//	A      06-25       5        4       800     H H L  一般价值 (HHL)
//	B      06-20       10       1       100     H L L  一般发展 (HLL)
//	C      04-01       90       3       1200    L H H  重要保持 (LHH)
//	D      01-01       180      1       50      L L L  一般挽留 (LLL)
//	E      05-31       30       1       300     H L L  一般发展 (HLL)
//	G      06-29       1        1       1000    H L H  重要发展 (HLH)
//	H      2025-12-31  181      1       3000    L L H  重要挽留 (LLH)
//	P      —           —        0       0       (no counting trade: unpaid and refunded only)
//
// Averages over the 7 buyers: recency 497/7 = 71.0 days, trades 12/7 = 1.71, total
// 6450/7 = ¥921.43.
func handShop(t *testing.T) (*Store, map[string]*data.Customer) {
	s := openTestStore(t)
	cs := map[string]*data.Customer{
		"A": addBuyer(t, s, "A", on(6, 1, 20000), on(6, 10, 20000), on(6, 18, 20000), on(6, 25, 20000)),
		"B": addBuyer(t, s, "B", on(6, 20, 10000)),
		"C": addBuyer(t, s, "C", on(3, 1, 40000), on(3, 16, 40000), on(4, 1, 40000)),
		"D": addBuyer(t, s, "D", on(1, 1, 5000), shopTrade{at: time.Date(2026, 6, 1, 0, 0, 0, 0, cst), fen: 500000, status: data.StatusUnpaid},
			shopTrade{at: time.Date(2026, 6, 2, 0, 0, 0, 0, cst), fen: 500000, status: data.StatusRefunded, refund: 500000}),
		"E": addBuyer(t, s, "E", on(5, 31, 30000)),
		"G": addBuyer(t, s, "G", on(6, 29, 100000)),
		"H": addBuyer(t, s, "H", shopTrade{at: time.Date(2025, 12, 31, 12, 0, 0, 0, cst), fen: 300000}),
		"P": addBuyer(t, s, "P", shopTrade{at: time.Date(2026, 6, 3, 0, 0, 0, 0, cst), fen: 9900, status: data.StatusUnpaid}),
	}
	return s, cs
}

var handAsOf = time.Date(2026, 6, 30, 18, 0, 0, 0, cst)

func TestRFMOnAHandMadeShop(t *testing.T) {
	s, cs := handShop(t)
	ctx := context.Background()
	want := map[string]struct {
		seg     data.Segment
		r, f, m int
		recency int
		dormant bool
	}{
		// R quintiles (oldest first: 181 180 90 30 10 5 1, positions 0 1 2 4 5) cut at 180/90/10/5 days.
		// F collapses (five of seven buyers have one trade): fixed cuts 2, 3, 4–5, 6+.
		// M quintiles (50 100 300 800 1000 1200 3000, positions 0 1 2 4 5) cut at ¥100/300/1000/1200.
		"A": {"HHL", 5, 4, 3, 5, false},
		"B": {"HLL", 4, 1, 2, 10, false},
		"C": {"LHH", 3, 3, 5, 90, true}, // 90 days is over 3× its 15-day repurchase interval
		"D": {"LLL", 2, 1, 1, 180, true},
		"E": {"HLL", 3, 1, 3, 30, false},
		"G": {"HLH", 5, 1, 4, 1, false},
		"H": {"LLH", 1, 1, 5, 181, true},
		"P": {"", 0, 0, 0, -1, false},
	}
	rows := map[int64]*data.GroupRow{}
	p, err := s.EachGroupRow(ctx, handAsOf, func(r *data.GroupRow) error { rows[r.CustomerID] = r; return nil })
	if err != nil {
		t.Fatal(err)
	}
	if p.Buyers != 7 || int(p.AvgRecency) != 71 || p.AvgTotalFen < 92142 || p.AvgTotalFen > 92143 {
		t.Errorf("averages: got %d buyers, recency %.2f, total %.2f", p.Buyers, p.AvgRecency, p.AvgTotalFen)
	}
	if !p.F.Fixed || p.R.Fixed || p.M.Fixed {
		t.Errorf("fixed cuts: got R %v F %v M %v, want only F fixed", p.R.Fixed, p.F.Fixed, p.M.Fixed)
	}
	if p.R.Score != [4]int64{180, 90, 10, 5} || p.M.Score != [4]int64{10000, 30000, 100000, 120000} {
		t.Errorf("cut points: got R %v M %v", p.R.Score, p.M.Score)
	}
	for name, w := range want {
		r := rows[cs[name].ID]
		if r.Segment != w.seg || r.R != w.r || r.F != w.f || r.M != w.m || r.RecencyDays != w.recency || r.Dormant != w.dormant {
			t.Errorf("%s: got %s R%d F%d M%d %dd dormant=%v, want %s R%d F%d M%d %dd dormant=%v", name,
				r.Segment, r.R, r.F, r.M, r.RecencyDays, r.Dormant, w.seg, w.r, w.f, w.m, w.recency, w.dormant)
		}
	}

	g, err := s.Regroup(ctx, handAsOf)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[data.Segment]int{}
	for _, sg := range g.Segments {
		counts[sg.Segment] = sg.Customers
	}
	if counts["HLL"] != 2 || counts["HHL"] != 1 || counts["HHH"] != 0 || counts["LLH"] != 1 {
		t.Errorf("segment counts: got %v", counts)
	}
	if g.Dormant.Customers != 3 || g.Dormant.TotalFen != 120000+5000+300000 {
		t.Errorf("dormant: got %+v, want 3 customers, ¥4250", g.Dormant)
	}
	if g.All.Customers != 8 || g.All.TotalFen != 645000 || g.Tiers[0].Customers != 1 {
		t.Errorf("all: got %+v, potential %d", g.All, g.Tiers[0].Customers)
	}
}

func TestAsOfAPastDateUsesOnlyTheTradesUpToIt(t *testing.T) {
	s, cs := handShop(t)
	ctx := context.Background()
	rows := map[int64]*data.GroupRow{}
	p, err := s.EachGroupRow(ctx, time.Date(2026, 6, 10, 9, 0, 0, 0, cst), func(r *data.GroupRow) error { rows[r.CustomerID] = r; return nil })
	if err != nil {
		t.Fatal(err)
	}
	if !p.Historical {
		t.Error("later trades exist, but the grouping used the stored stats")
	}
	for _, tc := range []struct {
		name    string
		trades  int
		recency int
		tier    string
	}{
		{"A", 2, 0, "tier.senior"}, // 06-01 and 06-10 (the as-of day itself counts)
		{"B", 0, -1, "tier.potential"},
		{"E", 1, 10, "tier.regular"},
		{"H", 1, 161, "tier.vip"},
	} {
		r := rows[cs[tc.name].ID]
		if r.Trades != tc.trades || r.RecencyDays != tc.recency || r.Tier != tc.tier {
			t.Errorf("%s: got %d trades, %d days, %s; want %d, %d, %s", tc.name, r.Trades, r.RecencyDays, r.Tier,
				tc.trades, tc.recency, tc.tier)
		}
	}
	if p.Buyers != 5 {
		t.Errorf("buyers as of 06-10: got %d, want 5 (A C D E H)", p.Buyers)
	}
	// Today (after every trade) uses the stored stats.
	g, err := s.Regroup(ctx, time.Date(2026, 7, 1, 0, 0, 0, 0, cst))
	if err != nil || g.Params.Historical {
		t.Errorf("as of a day after the last trade: historical=%v, %v", g.Params.Historical, err)
	}
}

func TestQuintilesWithManyBuyersAreNotFixed(t *testing.T) {
	s := openTestStore(t)
	// Ten buyers with 1..10 trades on different days and values: nothing collapses.
	for i := 1; i <= 10; i++ {
		var trades []shopTrade
		for j := 0; j < i; j++ {
			trades = append(trades, on(1+i/2, 1+j, int64(i)*1000))
		}
		addBuyer(t, s, string(rune('a'+i)), trades...)
	}
	g, err := s.Regroup(context.Background(), handAsOf)
	if err != nil {
		t.Fatal(err)
	}
	p := g.Params
	if p.F.Fixed || p.F.Score != [4]int64{3, 5, 7, 9} {
		t.Errorf("F cuts: got %+v, want quintiles 3 5 7 9", p.F)
	}
	if p.R.Fixed || p.M.Fixed {
		t.Errorf("R and M cuts: got %+v and %+v, want quintiles", p.R, p.M)
	}
}

func TestCustomerListFiltersBySegmentAndDormant(t *testing.T) {
	s, cs := handShop(t)
	s.Now = func() time.Time { return handAsOf }
	saved := time.Local
	time.Local = cst
	defer func() { time.Local = saved }()
	ctx := context.Background()
	rows, n, err := s.FindCustomers(ctx, data.CustomerFilter{Segment: "HLL"})
	if err != nil || n != 2 {
		t.Fatalf("segment HLL: got %d, %v", n, err)
	}
	if err := s.RateCustomers(ctx, rows); err != nil {
		t.Fatal(err)
	}
	for _, c := range rows {
		if c.Rating.Segment != "HLL" || (c.ID != cs["B"].ID && c.ID != cs["E"].ID) {
			t.Errorf("segment HLL listed %s (%s)", c.Nick, c.Rating.Segment)
		}
	}
	if _, n, _ := s.FindCustomers(ctx, data.CustomerFilter{Dormant: true}); n != 3 {
		t.Errorf("dormant: got %d, want 3", n)
	}
	if _, _, err := s.FindCustomers(ctx, data.CustomerFilter{Segment: "XYZ"}); err == nil {
		t.Error("an unknown segment was accepted")
	}
	// A new trade today is seen at once: B buys again and moves to F high.
	if err := s.CreateTrade(ctx, &data.Trade{CustomerID: cs["B"].ID, TradedAt: handAsOf, AmountFen: 100}); err != nil {
		t.Fatal(err)
	}
	if _, n, _ := s.FindCustomers(ctx, data.CustomerFilter{Segment: "HLL"}); n != 1 {
		t.Errorf("after B's second trade, HLL: got %d, want 1", n)
	}
	phones, _, err := s.GroupPhones(ctx, data.CustomerFilter{Dormant: true})
	if err != nil || len(phones) != 3 {
		t.Errorf("dormant phones: got %v, %v", phones, err)
	}
	// A blacklisted buyer's phone is left out of the group's phones, and counted.
	var listed int64
	s.db.QueryRow(`SELECT min(id) FROM customers WHERE phone <> '' AND marketing_opt_out = 0`).Scan(&listed)
	before, leftBefore, _ := s.GroupPhones(ctx, data.CustomerFilter{})
	if err := s.Blacklist(ctx, listed, "恶意差评"); err != nil {
		t.Fatal(err)
	}
	after, leftAfter, err := s.GroupPhones(ctx, data.CustomerFilter{})
	if err != nil || len(after) != len(before)-1 || leftAfter != leftBefore+1 || leftAfter == 0 {
		t.Errorf("after blacklisting: %d phones (%d left out), before %d (%d left out)", len(after), leftAfter, len(before), leftBefore)
	}
}

func TestTagSeveralCustomersAtOnce(t *testing.T) {
	s, cs := handShop(t)
	ctx := context.Background()
	n, err := s.TagCustomers(ctx, []int64{cs["A"].ID, cs["B"].ID, cs["A"].ID}, " 双11名单 ")
	if err != nil || n != 2 {
		t.Fatalf("tag: got %d, %v", n, err)
	}
	if _, err := s.TagCustomers(ctx, []int64{cs["A"].ID}, " , "); err == nil {
		t.Error("an empty tag was accepted")
	}
	if n, err := s.TagFiltered(ctx, data.CustomerFilter{Tier: "tier.senior"}, "双11名单"); err != nil || n != 2 {
		t.Errorf("tag the senior tier (A C G): got %d new, %v; want C and G", n, err)
	}
	g, err := s.Regroup(ctx, handAsOf)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Tags) != 1 || g.Tags[0].Customers != 4 || g.Tags[0].TotalFen != 80000+10000+120000+100000 {
		t.Errorf("tag groups: got %+v", g.Tags)
	}
	if n, err := s.UntagCustomers(ctx, []int64{cs["B"].ID}, "双11名单"); err != nil || n != 1 {
		t.Errorf("untag: got %d, %v", n, err)
	}
	if _, n, _ := s.FindCustomers(ctx, data.CustomerFilter{Tag: "双11名单"}); n != 3 {
		t.Errorf("tag filter after untag: got %d, want 3", n)
	}
}

func TestMonthlyStatsCountNewAndReturningBuyers(t *testing.T) {
	s, _ := handShop(t)
	months, err := s.MonthlyStats(context.Background(), handAsOf, 12)
	if err != nil {
		t.Fatal(err)
	}
	if len(months) != 12 || months[11].Month.Format("2006-01") != "2026-06" || months[5].Month.Format("2006-01") != "2025-12" {
		t.Fatalf("months: got %d, last %v", len(months), months[len(months)-1].Month)
	}
	june := months[11] // A ×4, B, G buy, all for the first time; unpaid/refunded orders of D and P do not count
	if june.SalesFen != 80000+10000+100000 || june.Buyers != 3 || june.NewBuyers != 3 {
		t.Errorf("June: got %+v, want ¥1900, 3 new buyers", june)
	}
	if april := months[9]; april.Buyers != 1 || april.Returning() != 1 {
		t.Errorf("April: got %+v, want C returning", april)
	}
	if march := months[8]; march.Buyers != 1 || march.NewBuyers != 1 || march.SalesFen != 80000 {
		t.Errorf("March: got %+v, want C new with ¥800", march)
	}
}
