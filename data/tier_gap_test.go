package data

import (
	"math/rand"
	"testing"
)

func ip(n int) *int     { return &n }
func fp(n int64) *int64 { return &n }
func defaultTiers() []*Tier { // as migration 0001 seeds them
	return []*Tier{{Name: "tier.potential"}, {Name: "tier.regular", MinTrades: ip(1)},
		{Name: "tier.senior", MinTrades: ip(2), MinTotalFen: fp(50000)},
		{Name: "tier.vip", MinTrades: ip(5), MinTotalFen: fp(200000)},
		{Name: "tier.supreme", MinTrades: ip(10), MinTotalFen: fp(500000)}}
}

func TestTierGapOnTheDefaultTiers(t *testing.T) {
	for _, tt := range []struct {
		name   string
		trades int
		total  int64
		want   UpgradeGap
	}{
		{"no trade yet: one trade makes a regular", 0, 0,
			UpgradeGap{Current: "tier.potential", Next: "tier.regular", Trades: 1, HasTrades: true}},
		{"one trade of ¥380: ¥120 or one trade to senior", 1, 38000,
			UpgradeGap{Current: "tier.regular", Next: "tier.senior", Fen: 12000, HasFen: true, Trades: 1, HasTrades: true}},
		{"senior by value with one trade", 1, 60000,
			UpgradeGap{Current: "tier.senior", Next: "tier.vip", Fen: 140000, HasFen: true, Trades: 4, HasTrades: true}},
		{"top tier", 12, 10, UpgradeGap{Current: "tier.supreme"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := TierGap(defaultTiers(), tt.trades, tt.total); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
	if g := TierGap(nil, 3, 100); !g.Top() || g.Current != "" {
		t.Errorf("no tiers: %+v", g)
	}
}

// ruleHolds and placeIn are the tier rule written out again, independently of TierGap.
func ruleHolds(t *Tier, trades int, total int64) bool {
	if t.MinTrades == nil && t.MinTotalFen == nil {
		return false
	}
	return (t.MinTrades != nil && trades >= *t.MinTrades) || (t.MinTotalFen != nil && total >= *t.MinTotalFen)
}

func placeIn(tiers []*Tier, trades int, total int64) int {
	at := 0
	for i := 1; i < len(tiers); i++ {
		if ruleHolds(tiers[i], trades, total) {
			at = i
		}
	}
	return at
}

// On random tier lists (bounds not necessarily rising, either bound missing) and
// random buyers, the gap names the tier the buyer is in and the first ruled tier above
// it; buying exactly the missing value (no trade) or making exactly the missing trades
// (no value) makes its rule hold, one fen or one trade less does not, and a bound the
// tier does not have is never named.
func TestTierGapReachesTheNextTierExactly(t *testing.T) {
	r := rand.New(rand.NewSource(19))
	for n := 0; n < 5000; n++ {
		tiers := []*Tier{{Name: "base"}}
		for i := 1; i < 2+r.Intn(5); i++ {
			t := &Tier{Name: string(rune('a' + i))}
			if r.Intn(3) > 0 {
				t.MinTrades = ip(1 + r.Intn(12))
			}
			if r.Intn(3) > 0 || t.MinTrades == nil {
				t.MinTotalFen = fp(1 + r.Int63n(600000))
			}
			tiers = append(tiers, t)
		}
		trades, total := r.Intn(14), r.Int63n(700000)
		g := TierGap(tiers, trades, total)
		at := placeIn(tiers, trades, total)
		if g.Current != tiers[at].Name {
			t.Fatalf("case %d: current %q, the rule places the buyer in %q", n, g.Current, tiers[at].Name)
		}
		if at == len(tiers)-1 {
			if !g.Top() || g.HasFen || g.HasTrades {
				t.Fatalf("case %d: top tier, gap %+v", n, g)
			}
			continue
		}
		next := tiers[at+1]
		if g.Next != next.Name || g.HasFen != (next.MinTotalFen != nil) || g.HasTrades != (next.MinTrades != nil) {
			t.Fatalf("case %d: gap %+v for next tier %+v", n, g, next)
		}
		if g.HasFen && (!ruleHolds(next, trades, total+g.Fen) || ruleHolds(next, trades, total+g.Fen-1)) {
			t.Fatalf("case %d: ¥%d more does not exactly reach %+v", n, g.Fen, next)
		}
		if g.HasTrades && (!ruleHolds(next, trades+g.Trades, total) || ruleHolds(next, trades+g.Trades-1, total)) {
			t.Fatalf("case %d: %d more trades do not exactly reach %+v", n, g.Trades, next)
		}
	}
}
