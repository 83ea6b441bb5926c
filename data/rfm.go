package data

import (
	"time"
)

// Segment is one of the eight RFM segments of the Chinese model, named by whether
// recency, frequency and monetary value are high (H) or low (L) against the shop's
// averages, in R, F, M order: "HHH" is 重要价值, "LLL" 一般挽留.
type Segment string

// Segments lists the eight segments from the most to the least valuable.
var Segments = []Segment{"HHH", "HLH", "LHH", "LLH", "HHL", "HLL", "LHL", "LLL"}

// Valid reports whether g is one of Segments.
func (g Segment) Valid() bool {
	for _, s := range Segments {
		if g == s {
			return true
		}
	}
	return false
}

// Bits is the segment as the SQL computes it: R high 4, F high 2, M high 1.
func (g Segment) Bits() int {
	n := 0
	for i, w := range []int{4, 2, 1} {
		if g[i] == 'H' {
			n += w
		}
	}
	return n
}

// Cuts are the thresholds of the RFM scores 2 to 5 of one dimension: for F the least
// trade count, for M the least total in fen, for R the most recency days that earn
// the score. Fixed is set when quintiles collapsed (too many equal values, or fewer
// than five buyers) and the fixed cut points are used instead.
type Cuts struct {
	Score [4]int64
	Fixed bool
}

// The fixed cut points, used where quintiles collapse: R within 365 / 180 / 90 / 30
// days; F 2, 3, 4–5, 6+ trades; M the default tier amounts ¥200 / ¥500 / ¥2000 / ¥5000.
var (
	FixedRecencyCuts = Cuts{Score: [4]int64{365, 180, 90, 30}, Fixed: true}
	FixedTradeCuts   = Cuts{Score: [4]int64{2, 3, 4, 6}, Fixed: true}
	FixedTotalCuts   = Cuts{Score: [4]int64{20000, 50000, 200000, 500000}, Fixed: true}
)

// DormantIntervalFactor: besides DormantDays (dormant.go) without a counting trade, a
// buyer is dormant after this many times their own average repurchase interval (but
// never sooner than a third of the dormant days).
const DormantIntervalFactor = 3

// RFMParams are the shop-wide figures the groups are computed against on one day.
type RFMParams struct {
	AsOf        time.Time // midnight starting the as-of day, in its location
	Buyers      int       // customers with at least one counting trade
	AvgRecency  float64   // days
	AvgTrades   float64
	AvgTotalFen float64
	R, F, M     Cuts
	DormantDays int
	// Historical is set when trades after the as-of day exist, so the stats were
	// computed from the trades up to that day instead of the stored ones.
	Historical bool
}
