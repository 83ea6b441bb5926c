package sqlite

import (
	"context"
	"testing"

	"shopcrm/data"
)

// TestEachTradeWalksExactlyTheFilteredCustomersTrades: for every kind of filter a group
// export uses (all, search, tag, tier, RFM segment, dormant), EachTrade hands over each
// trade of exactly the customers EachCustomer lists for that filter, once, with its
// owner's identity, counted here straight from the trades table.
func TestEachTradeWalksExactlyTheFilteredCustomersTrades(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	if err := s.GenerateDemo(ctx, data.DemoOptions{Customers: 300, Trades: 1200, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	var tag, tier string
	s.db.QueryRow(`SELECT name FROM tags LIMIT 1`).Scan(&tag)
	s.db.QueryRow(`SELECT t.name FROM tiers t JOIN customers c ON c.tier_rank = t.rank LIMIT 1`).Scan(&tier)
	filters := map[string]data.CustomerFilter{
		"all": {}, "search": {Query: "138"}, "tag": {Tag: tag}, "tier": {Tier: tier}, "dormant": {Dormant: true},
	}
	for _, g := range data.Segments {
		filters["segment "+string(g)] = data.CustomerFilter{Segment: g}
	}
	for name, f := range filters {
		t.Run(name, func(t *testing.T) {
			want := map[int64]*data.Customer{}
			if err := s.EachCustomer(ctx, f, func(c *data.Customer) error { want[c.ID] = c; return nil }); err != nil {
				t.Fatal(err)
			}
			wantTrades := 0
			for id := range want {
				var n int
				s.db.QueryRow(`SELECT count(*) FROM trades WHERE customer_id = ?`, id).Scan(&n)
				wantTrades += n
			}
			seen := map[int64]bool{}
			err := s.EachTrade(ctx, f, func(tr *data.Trade, owner *data.Customer) error {
				c := want[tr.CustomerID]
				switch {
				case c == nil:
					t.Errorf("trade %d of customer %d, who is not in the filter", tr.ID, tr.CustomerID)
				case owner.ID != c.ID || owner.Platform != c.Platform || owner.Nick != c.Nick || owner.Name != c.Name || owner.Phone != c.Phone:
					t.Errorf("trade %d: owner %+v, want the identity of customer %d", tr.ID, *owner, c.ID)
				case seen[tr.ID]:
					t.Errorf("trade %d handed over twice", tr.ID)
				}
				seen[tr.ID] = true
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(seen) != wantTrades {
				t.Errorf("got %d trades, want %d of %d customers", len(seen), wantTrades, len(want))
			}
			nc, nt, err := s.CountExport(ctx, f)
			if err != nil || nc != len(want) || nt != wantTrades {
				t.Errorf("CountExport: got %d customers, %d trades (%v), want %d, %d", nc, nt, err, len(want), wantTrades)
			}
		})
	}
}
