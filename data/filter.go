package data

// CustomerSort names a column the customer list can be sorted by.
type CustomerSort string

// Sortable customer columns.
const (
	SortCreated   CustomerSort = ""
	SortNick      CustomerSort = "nick"
	SortName      CustomerSort = "name"
	SortPhone     CustomerSort = "phone"
	SortCity      CustomerSort = "city"
	SortTrades    CustomerSort = "trades"
	SortTotal     CustomerSort = "total"
	SortLastTrade CustomerSort = "last_trade"
	SortTier      CustomerSort = "tier"
)

// CustomerFilter selects and orders customers for a list.
type CustomerFilter struct {
	// Query matches, case-insensitively, any part of nick, name, phone, email,
	// address or city; several words must all match.
	Query string
	// Tag keeps customers with this manual tag; Tier keeps those in the tier with this
	// stored name ("tier.vip" or a name the seller typed).
	Tag  string
	Tier string
	// Segment keeps the customers in this RFM segment today; Dormant keeps dormant buyers.
	Segment Segment
	Dormant bool
	Sort    CustomerSort
	Desc    bool
	Limit   int // 0: no limit
	Offset  int
}
