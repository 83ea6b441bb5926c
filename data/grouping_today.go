package data

// Rating is a customer's RFM scores, segment and dormancy on one day.
type Rating struct {
	R, F, M     int     // 1–5; 0 without a counting trade
	Segment     Segment // "" without a counting trade
	Dormant     bool
	RecencyDays int // -1 without a counting trade
}
