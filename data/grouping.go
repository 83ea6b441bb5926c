package data

import (
	"time"
)

// Grouping is the shop grouped on one day: tiers, RFM segments, dormant buyers and
// manual tags, each with its customers and value.
type Grouping struct {
	Params   RFMParams
	All      GroupCount
	Tiers    []TierGroup    // lowest first
	Segments []SegmentGroup // in Segments order
	Dormant  GroupCount
	Tags     []TagGroup // by name
}

// TierGroup is one tier with its members.
type TierGroup struct {
	Tier *Tier
	GroupCount
}

// SegmentGroup is one RFM segment with its members.
type SegmentGroup struct {
	Segment Segment
	GroupCount
}

// TagGroup is one manual tag with its members.
type TagGroup struct {
	Name string
	GroupCount
}

// Add counts n into c.
func (c *GroupCount) Add(n GroupCount) {
	c.Customers += n.Customers
	c.TotalFen += n.TotalFen
}

// Share is this group's part of the whole shop's value, 0 to 1 (0 when the shop's
// total is not positive).
func (c GroupCount) Share(all GroupCount) float64 {
	if all.TotalFen <= 0 {
		return 0
	}
	return float64(c.TotalFen) / float64(all.TotalFen)
}

// GroupRow is one customer's grouping on a day, as `shopcrm groups` prints it.
type GroupRow struct {
	CustomerID  int64
	Platform    Platform
	Nick        string
	Name        string
	Trades      int
	TotalFen    int64
	LastTrade   time.Time // zero without a counting trade
	RecencyDays int       // -1 without a counting trade
	Tier        string    // stored tier name (a translation key for default tiers)
	R, F, M     int       // 0 without a counting trade
	Segment     Segment   // "" without a counting trade
	Dormant     bool
}
