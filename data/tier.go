package data

import (
	"strings"
)

// Tier is a customer grade: a customer is in the highest-ranked tier whose rule holds
// (trade count ≥ MinTrades or total ≥ MinTotalFen; a nil bound is not a criterion).
type Tier struct {
	ID          int64
	Rank        int
	Name        string // a translation key (tier.vip) for the default tiers
	MinTrades   *int
	MinTotalFen *int64
}

// Tier validation fields, named in ValidationError.Field.
const (
	FieldTierName = "tier_name" // empty or taken twice
	FieldTierRule = "tier_rule" // a higher tier without a threshold, or a threshold below 1
	FieldTiers    = "tiers"     // no tiers at all
)

// ValidateTiers checks a tier list as the seller edited it, lowest first: the first
// tier holds for everyone (no thresholds), every other one needs at least one
// threshold of at least one trade or one fen, and names are non-empty and distinct.
func ValidateTiers(tiers []*Tier) error {
	if len(tiers) == 0 {
		return Invalid(FieldTiers, CodeRequired)
	}
	seen := map[string]bool{}
	for i, t := range tiers {
		t.Name = strings.TrimSpace(t.Name)
		switch {
		case t.Name == "":
			return Invalid(FieldTierName, CodeRequired)
		case seen[t.Name]:
			return Invalid(FieldTierName, "duplicate")
		case i == 0 && (t.MinTrades != nil || t.MinTotalFen != nil):
			return Invalid(FieldTierRule, "base")
		case i > 0 && t.MinTrades == nil && t.MinTotalFen == nil:
			return Invalid(FieldTierRule, CodeRequired)
		case t.MinTrades != nil && *t.MinTrades < 1, t.MinTotalFen != nil && *t.MinTotalFen < 1:
			return Invalid(FieldTierRule, CodeInvalid)
		}
		seen[t.Name] = true
	}
	return nil
}

// GroupCount is how many customers a group holds and their total value.
type GroupCount struct {
	Customers int
	TotalFen  int64
}
