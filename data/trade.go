package data

import (
	"strings"
	"time"
)

// TradeStatus is where an order stands.
type TradeStatus string

// Trade statuses. Only paid trades with a positive net amount count (see Counts).
const (
	StatusPaid     TradeStatus = "paid"
	StatusRefunded TradeStatus = "refunded" // fully refunded
	StatusClosed   TradeStatus = "closed"   // 交易关闭
	StatusUnpaid   TradeStatus = "unpaid"   // 等待买家付款
)

// TradeStatuses lists every status in the order the GUI offers them.
var TradeStatuses = []TradeStatus{StatusPaid, StatusRefunded, StatusClosed, StatusUnpaid}

// Trade is one order (交易) of a customer. Several line items of one order are one trade.
type Trade struct {
	ID          int64
	CustomerID  int64 // 0: an unlinked order, waiting for its buyer (order.go)
	Platform    Platform
	OrderNo     string // unique per platform when present
	TradedAt    time.Time
	Status      TradeStatus
	Goods       string // 购买商品
	Quantity    int
	AmountFen   int64 // 成交价格; negative for a refund-only row (a cancellation invoice)
	RefundFen   int64 // refunded part of a paid order
	ShipName    string
	ShipPhone   string
	ShipAddress string
	Note        string
	BatchID     int64 // import batch, 0 when entered by hand
	Extra       map[string]string
	// LinkedAt is when an order that came without a buyer was attached to one;
	// zero for an order that came with its buyer, or is unlinked.
	LinkedAt  time.Time
	CreatedAt time.Time
	UpdatedAt time.Time

	// Counts is read-only: whether the trade counts under the counting rule.
	Counts bool
}

// NetFen is the amount less refunds.
func (t *Trade) NetFen() int64 { return t.AmountFen - t.RefundFen }

// AddLineItem folds another line of the same order into t: goods listed once each,
// quantities and amounts summed. Several sheet rows of one order make one trade, however
// many: goods that no longer fit the text are counted, not listed (see AddGoods).
func (t *Trade) AddLineItem(line *Trade) {
	t.Goods = AddGoods(t.Goods, line.Goods)
	t.Quantity += line.Quantity
	t.AmountFen += line.AmountFen
	t.RefundFen += line.RefundFen
}

// Normalize trims text fields, shortens goods text too long to keep, and defaults the
// status to paid.
func (t *Trade) Normalize() {
	for _, f := range []*string{&t.OrderNo, &t.Goods, &t.ShipName, &t.ShipAddress, &t.Note} {
		*f = strings.TrimSpace(*f)
	}
	t.Goods = shortenGoods(t.Goods)
	t.ShipPhone = NormalizePhone(t.ShipPhone)
	if t.Status == "" {
		t.Status = StatusPaid
	}
	// An empty platform is the customer's, filled in when the trade is stored.
}

// Validate checks a normalized trade and names the first wrong field.
func (t *Trade) Validate() error {
	if p := t.Problems(); len(p) > 0 {
		return p[0]
	}
	return nil
}

// Problems lists every wrong field of a normalized trade, in form order.
func (t *Trade) Problems() []*ValidationError {
	var p problems
	add := p.add
	validStatus := false
	for _, s := range TradeStatuses {
		validStatus = validStatus || t.Status == s
	}
	add(t.CustomerID == 0, "customer", CodeRequired)
	add(t.TradedAt.IsZero(), "traded_at", CodeRequired)
	add(t.Platform != "" && !t.Platform.Valid(), "platform", CodeInvalid)
	add(!validStatus, "status", CodeInvalid)
	add(len(t.Goods) > MaxTextLen*3, "goods", CodeTooLong)
	add(t.Quantity < 0 && t.AmountFen > 0, "quantity", CodeInvalid) // negative only on a return line
	add(t.RefundFen < 0 || (t.RefundFen > 0 && t.RefundFen > t.AmountFen), "refund", CodeInvalid)
	add(len(t.Note) > MaxTextLen*3, "note", CodeTooLong)
	return p
}
