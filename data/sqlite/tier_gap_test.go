package sqlite

import (
	"context"
	"testing"

	"shopcrm/data"
)

// The gap's idea of the buyer's tier is the store's: on a demo shop, under tiers the
// seller edited (a value-only tier, a trades-only tier added), every customer's
// TierGap starts from the tier the SQL rule stored for them, and a reminder's message
// fields carry that same gap.
func TestUpgradeGapFollowsTheStoredTier(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	if err := s.GenerateDemo(ctx, data.DemoOptions{Customers: 300, Trades: 1500, Seed: 19}); err != nil {
		t.Fatal(err)
	}
	tiers, err := s.Tiers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tiers[2].MinTrades = nil // 高级客户 by value only
	gold := &data.Tier{Name: "金卡", MinTrades: intp(4)}
	tiers = append(tiers[:3], append([]*data.Tier{gold}, tiers[3:]...)...)
	if err := s.SaveTiers(ctx, tiers); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	err = s.EachCustomer(ctx, data.CustomerFilter{}, func(c *data.Customer) error {
		g := data.TierGap(tiers, c.Stats.TradeCount, c.Stats.TotalFen)
		if g.Current != c.Tier {
			t.Errorf("customer %d (%d trades, %d fen): gap from %q, stored tier %q", c.ID, c.Stats.TradeCount, c.Stats.TotalFen, g.Current, c.Tier)
		}
		seen[g.Next]++
		f, err := s.ReminderMessageFields(ctx, &data.Reminder{Kind: data.KindDormant, CustomerID: c.ID, Nick: c.Nick})
		if err != nil {
			return err
		}
		if f.Gap != g {
			t.Errorf("customer %d: message gap %+v, want %+v", c.ID, f.Gap, g)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, next := range []string{"tier.regular", "tier.senior", "金卡", "tier.vip", "tier.supreme", ""} {
		if seen[next] == 0 {
			t.Errorf("no demo customer is below %q: the check does not cover it (%v)", next, seen)
		}
	}
}
