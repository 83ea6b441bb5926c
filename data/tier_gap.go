package data

// UpgradeGap is a customer's distance to the next tier up (还差 ¥X 或 N 笔): the next
// tier's rule holds once either missing amount is reached, so it names each bound the
// tier has. At the top tier Next is "" and nothing is missing.
type UpgradeGap struct {
	Current string // the tier the customer is in (a translation key for the default tiers)
	Next    string // the tier above it; "" at the top tier

	// Fen is the value still to buy (total ≥ the next tier's MinTotalFen), when HasFen.
	Fen    int64
	HasFen bool
	// Trades is the number of trades still to make (count ≥ its MinTrades), when HasTrades.
	Trades    int
	HasTrades bool
}

// Top reports whether the customer is already in the highest tier.
func (g UpgradeGap) Top() bool { return g.Next == "" }

// TierGap is the upgrade gap of a customer with these counting trades and total value,
// under the seller's tiers listed lowest first (as Tiers returns them). The customer is
// in the highest tier whose rule holds (tierRankSQL in the store places them the same
// way); the next tier is the first one above it that has a rule. No tiers at all is
// the top.
func TierGap(tiers []*Tier, trades int, totalFen int64) UpgradeGap {
	cur := 0
	for i := len(tiers) - 1; i > 0; i-- {
		if tiers[i].holds(trades, totalFen) {
			cur = i
			break
		}
	}
	var g UpgradeGap
	if len(tiers) == 0 {
		return g
	}
	g.Current = tiers[cur].Name
	for _, t := range tiers[cur+1:] {
		if t.MinTrades == nil && t.MinTotalFen == nil {
			continue // no rule: nobody is placed in it (ValidateTiers refuses it)
		}
		g.Next = t.Name
		if t.MinTotalFen != nil {
			g.Fen, g.HasFen = *t.MinTotalFen-totalFen, true
		}
		if t.MinTrades != nil {
			g.Trades, g.HasTrades = *t.MinTrades-trades, true
		}
		break
	}
	return g
}

// holds reports whether the tier's rule holds: count ≥ MinTrades or total ≥
// MinTotalFen, a nil bound not being a criterion. A tier with no bound (the base tier)
// holds for no one here; TierGap places everyone else in it.
func (t *Tier) holds(trades int, totalFen int64) bool {
	return (t.MinTrades != nil && trades >= *t.MinTrades) || (t.MinTotalFen != nil && totalFen >= *t.MinTotalFen)
}
