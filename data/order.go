package data

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// Orders without a known buyer (PRODUCT.md): today's Taobao / Tmall, Pinduoduo,
// Douyin, Kuaishou and WeChat 小店 exports name no buyer, so their orders are kept as
// unlinked trades (CustomerID 0). They count in sales reports and for no customer
// until they are linked by order number: by a seller's sheet with 订单编号 next to a
// buyer, by a later import bringing the number with a buyer, or by hand. Linking is
// idempotent and can be undone (an import's by reverting it, a hand link by
// unlinking).

var (
	// ErrOrderNotFound means no order has this number (on the platform named).
	ErrOrderNotFound = fmt.Errorf("order %w", ErrNotFound)
	// ErrBuyerNotFound means no customer has the nick an order was to be linked to.
	ErrBuyerNotFound = fmt.Errorf("customer %w", ErrNotFound)
	// ErrOrderLinked means the order already belongs to another customer: it is
	// unlinked first, never moved silently.
	ErrOrderLinked = errors.New("order belongs to another customer")
	// ErrOrderAmbiguous means the order number is taken on several platforms and
	// none was named.
	ErrOrderAmbiguous = errors.New("order number on several platforms")
)

// Order is a trade as the orders list shows it: with its buyer's nick, "" when the
// order is unlinked.
type Order struct {
	Trade
	Nick, Name string // the buyer's; both "" when the order is unlinked
}

// Buyer is how the order's buyer is shown: their nick, else their name; "" when the
// order is unlinked.
func (o *Order) Buyer() string {
	if o.Nick != "" {
		return o.Nick
	}
	return o.Name
}

// Unlinked reports whether the order has no customer yet.
func (o *Order) Unlinked() bool { return o.CustomerID == 0 }

// OrderFilter selects orders, newest first.
type OrderFilter struct {
	UnlinkedOnly bool
	Platform     Platform // "" for every platform
	OrderNo      string   // "" for every order
	Limit        int      // 0 for no limit
	Offset       int
}

// UnlinkedSummary is what the 未关联订单 view heads with: how many orders wait for a
// buyer, how many of them count, and their money under the counting rule.
type UnlinkedSummary struct {
	Orders   int   // every unlinked order
	Counting int   // those that count (paid, net above zero)
	NetFen   int64 // Σ net of the counting ones plus refund-only rows, as a customer's total
}

// OrderStore lists orders and links them to customers by order number.
type OrderStore interface {
	FindOrders(ctx context.Context, f OrderFilter) ([]*Order, error)
	EachOrder(ctx context.Context, f OrderFilter, fn func(*Order) error) error
	UnlinkedSummary(ctx context.Context) (UnlinkedSummary, error)
	// FindOrderByNumber finds the order with this number, on platform when it is
	// not ""; ErrOrderNotFound, or ErrOrderAmbiguous when several platforms have it.
	FindOrderByNumber(ctx context.Context, platform Platform, orderNo string) (*Order, error)
	// LinkOrder attaches an order to a customer; linking it to its own customer
	// again does nothing, to another gives ErrOrderLinked.
	LinkOrder(ctx context.Context, tradeID, customerID int64) error
	// UnlinkOrder detaches an order from its customer; an unlinked one stays so.
	UnlinkOrder(ctx context.Context, tradeID int64) error
}

// OrderFinder finds orders by number.
type OrderFinder interface {
	FindOrderByNumber(ctx context.Context, platform Platform, orderNo string) (*Order, error)
}

// LookupOrder finds the order a seller typed or pasted the number of: on platform
// first (the customer's, or the one named), then, when it is not there, on whichever
// one platform has it. The number is trimmed of the spaces, tabs, apostrophe and
// ="…" that copying from a sheet leaves around it.
func LookupOrder(ctx context.Context, s OrderFinder, platform Platform, orderNo string) (*Order, error) {
	no := CleanOrderNo(orderNo)
	if no == "" {
		return nil, ErrOrderNotFound
	}
	if platform != "" {
		o, err := s.FindOrderByNumber(ctx, platform, no)
		if !errors.Is(err, ErrNotFound) {
			return o, err
		}
	}
	return s.FindOrderByNumber(ctx, "", no)
}

// CleanOrderNo strips what copying an order number from a sheet leaves around it:
// spaces, tabs, a leading apostrophe and an ="…" wrapper.
func CleanOrderNo(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "=\"") && strings.HasSuffix(s, "\"") && len(s) >= 3 {
		s = s[2 : len(s)-1]
	}
	return strings.TrimSpace(strings.TrimPrefix(s, "'"))
}

// BuyerFinder finds customers by nick.
type BuyerFinder interface {
	FindCustomerByNick(ctx context.Context, platform Platform, nick string) (*Customer, error)
}

// LookupBuyer finds the customer an order is to be linked to by the nick a seller
// typed: on the order's platform, else on the one other platform that has a customer
// with that nick; ErrBuyerNotFound when there is none, or several.
func LookupBuyer(ctx context.Context, s BuyerFinder, platform Platform, nick string) (*Customer, error) {
	nick = strings.TrimSpace(nick)
	if nick == "" {
		return nil, ErrBuyerNotFound
	}
	c, err := s.FindCustomerByNick(ctx, platform, nick)
	if !errors.Is(err, ErrNotFound) {
		return c, err
	}
	var found []*Customer
	for _, p := range Platforms {
		if p == platform {
			continue
		}
		c, err := s.FindCustomerByNick(ctx, p, nick)
		switch {
		case err == nil:
			found = append(found, c)
		case !errors.Is(err, ErrNotFound):
			return nil, err
		}
	}
	if len(found) != 1 {
		return nil, ErrBuyerNotFound
	}
	return found[0], nil
}
