package sqlite

import (
	"context"
	"testing"

	"shopcrm/data"
)

// TestGroupsWorkWithoutTheirIndexes: after an import into an empty archive the
// indexes the groups read (customers_groups, trades_customer_stats …) wait for the
// background job; until then every figure of 分组 must come by scanning, the same as
// with them, never "no such index".
func TestGroupsWorkWithoutTheirIndexes(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	if err := s.GenerateDemo(ctx, data.DemoOptions{Customers: 80, Trades: 300, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	figures := func() ([]data.GroupCount, []data.MonthStat, *data.Grouping) {
		t.Helper()
		tiers, err := s.Tiers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		counts, err := s.TierCounts(ctx, tiers)
		if err != nil {
			t.Fatalf("tier counts: %v", err)
		}
		months, err := s.MonthlyStats(ctx, s.Now(), 12)
		if err != nil {
			t.Fatalf("monthly stats: %v", err)
		}
		g, err := s.Regroup(ctx, s.Now())
		if err != nil {
			t.Fatalf("regroup: %v", err)
		}
		return counts, months, g
	}
	counts, months, g := figures()
	for _, idx := range []string{"customers_groups", "trades_customer_stats", "trades_time", "customers_total", "customers_last_trade"} {
		if _, err := s.db.Exec(`DROP INDEX ` + idx); err != nil {
			t.Fatal(err)
		}
	}
	counts2, months2, g2 := figures()
	for i := range counts {
		if counts[i] != counts2[i] {
			t.Errorf("tier %d: %+v with the indexes, %+v without", i, counts[i], counts2[i])
		}
	}
	for i := range months {
		if months[i] != months2[i] {
			t.Errorf("month %d: %+v with the indexes, %+v without", i, months[i], months2[i])
		}
	}
	if g.All != g2.All || g.Dormant != g2.Dormant {
		t.Errorf("grouping: %+v / %+v with the indexes, %+v / %+v without", g.All, g.Dormant, g2.All, g2.Dormant)
	}
}
