package data

import (
	"context"
	"database/sql"
	"fmt"
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
	CustomerID  int64
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
	CreatedAt   time.Time
	UpdatedAt   time.Time

	// Counts is read-only: whether the trade counts under the counting rule.
	Counts bool
}

// NetFen is the amount less refunds.
func (t *Trade) NetFen() int64 { return t.AmountFen - t.RefundFen }

// AddLineItem folds another line of the same order into t: goods listed once each,
// quantities and amounts summed. Several sheet rows of one order make one trade.
func (t *Trade) AddLineItem(line *Trade) {
	if line.Goods != "" && !strings.Contains(t.Goods, line.Goods) {
		t.Goods = strings.TrimPrefix(t.Goods+"；"+line.Goods, "；")
	}
	t.Quantity += line.Quantity
	t.AmountFen += line.AmountFen
	t.RefundFen += line.RefundFen
}

// Normalize trims text fields and defaults the status to paid.
func (t *Trade) Normalize() {
	for _, f := range []*string{&t.OrderNo, &t.Goods, &t.ShipName, &t.ShipAddress, &t.Note} {
		*f = strings.TrimSpace(*f)
	}
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
	add(len(t.Goods) > maxTextLen*3, "goods", CodeTooLong)
	add(t.Quantity < 0 && t.AmountFen > 0, "quantity", CodeInvalid) // negative only on a return line
	add(t.RefundFen < 0 || (t.RefundFen > 0 && t.RefundFen > t.AmountFen), "refund", CodeInvalid)
	add(len(t.Note) > maxTextLen*3, "note", CodeTooLong)
	return p
}

const tradeColumns = `t.id, t.customer_id, t.platform, t.order_no, t.traded_at, t.status, t.goods, t.quantity,
	t.amount_fen, t.refund_fen, t.ship_name, t.ship_phone, t.ship_address, t.note, coalesce(t.batch_id, 0),
	t.extra, t.created_at, t.updated_at, ` + countsSQL

// scanTrade reads one row of tradeColumns, then any extra columns into more.
func scanTrade(sc interface{ Scan(...any) error }, more ...any) (*Trade, error) {
	var t Trade
	var at, extra, created, upd, platform, status string
	dest := []any{&t.ID, &t.CustomerID, &platform, &t.OrderNo, &at, &status, &t.Goods, &t.Quantity,
		&t.AmountFen, &t.RefundFen, &t.ShipName, &t.ShipPhone, &t.ShipAddress, &t.Note, &t.BatchID,
		&extra, &created, &upd, &t.Counts}
	err := sc.Scan(append(dest, more...)...)
	if err != nil {
		return nil, err
	}
	t.Platform, t.Status = Platform(platform), TradeStatus(status)
	t.TradedAt, t.CreatedAt, t.UpdatedAt = parseTime(at), parseTime(created), parseTime(upd)
	t.Extra = decodeExtra(extra)
	return &t, nil
}

func nullID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }

// CreateTrade stores a trade and brings its customer's stats up to date in the same
// transaction. A taken platform + order number gives ErrConflict.
func (s *Store) CreateTrade(ctx context.Context, t *Trade) error {
	t.Normalize()
	if err := t.Validate(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := insertTrade(ctx, tx, t, s.now()); err != nil {
			return err
		}
		return refreshStats(ctx, tx, t.CustomerID)
	})
	if err != nil {
		return fmt.Errorf("create trade: %w", err)
	}
	return nil
}

// UpdateTrade saves a trade; when it moves to another customer both customers' stats
// are brought up to date.
func (s *Store) UpdateTrade(ctx context.Context, t *Trade) error {
	t.Normalize()
	if err := t.Validate(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var oldCustomer int64
		if err := tx.QueryRowContext(ctx, `SELECT customer_id FROM trades WHERE id = ?`, t.ID).Scan(&oldCustomer); err != nil {
			return mapError(err)
		}
		if err := updateTrade(ctx, tx, t, s.now()); err != nil {
			return err
		}
		if oldCustomer != t.CustomerID {
			if err := refreshStats(ctx, tx, oldCustomer); err != nil {
				return err
			}
		}
		return refreshStats(ctx, tx, t.CustomerID)
	})
	if err != nil {
		return fmt.Errorf("update trade %d: %w", t.ID, err)
	}
	return nil
}

// insertTrade writes a new trade row (its BatchID included) and sets its ID and times.
// A trade without a platform takes its customer's.
func insertTrade(ctx context.Context, tx execer, t *Trade, now time.Time) error {
	if t.Platform == "" {
		if err := tx.QueryRowContext(ctx, `SELECT platform FROM customers WHERE id = ?`, t.CustomerID).Scan(&t.Platform); err != nil {
			return mapError(err)
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO trades (customer_id, platform, order_no, traded_at, status,
		goods, quantity, amount_fen, refund_fen, ship_name, ship_phone, ship_address, note, extra, batch_id,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		t.CustomerID, t.Platform, t.OrderNo, formatTime(t.TradedAt), t.Status, t.Goods, t.Quantity,
		t.AmountFen, t.RefundFen, t.ShipName, t.ShipPhone, t.ShipAddress, t.Note, encodeExtra(t.Extra),
		nullID(t.BatchID), formatTime(now), formatTime(now))
	if err != nil {
		return mapForeignKey(mapError(err))
	}
	if t.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	t.CreatedAt, t.UpdatedAt = now, now
	return nil
}

// updateTrade rewrites every field of an existing trade but its batch.
func updateTrade(ctx context.Context, tx execer, t *Trade, now time.Time) error {
	res, err := tx.ExecContext(ctx, `UPDATE trades SET customer_id = ?, platform = ?, order_no = ?, traded_at = ?,
		status = ?, goods = ?, quantity = ?, amount_fen = ?, refund_fen = ?, ship_name = ?, ship_phone = ?,
		ship_address = ?, note = ?, extra = ?, updated_at = ? WHERE id = ?`,
		t.CustomerID, t.Platform, t.OrderNo, formatTime(t.TradedAt), t.Status, t.Goods, t.Quantity,
		t.AmountFen, t.RefundFen, t.ShipName, t.ShipPhone, t.ShipAddress, t.Note, encodeExtra(t.Extra),
		formatTime(now), t.ID)
	if err != nil {
		return mapForeignKey(mapError(err))
	}
	if err := mustAffect(res); err != nil {
		return err
	}
	t.UpdatedAt = now
	return nil
}

// DeleteTrade removes a trade and brings its customer's stats up to date.
func (s *Store) DeleteTrade(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var customerID int64
		if err := tx.QueryRowContext(ctx, `DELETE FROM trades WHERE id = ? RETURNING customer_id`, id).Scan(&customerID); err != nil {
			return mapError(err)
		}
		return refreshStats(ctx, tx, customerID)
	})
	if err != nil {
		return fmt.Errorf("delete trade %d: %w", id, err)
	}
	return nil
}

// FindTradeByID returns one trade, or ErrNotFound.
func (s *Store) FindTradeByID(ctx context.Context, id int64) (*Trade, error) {
	t, err := scanTrade(s.db.QueryRowContext(ctx, `SELECT `+tradeColumns+` FROM trades t WHERE t.id = ?`, id))
	if err != nil {
		return nil, fmt.Errorf("find trade %d: %w", id, mapError(err))
	}
	return t, nil
}

// FindTrades returns a customer's trades, newest first.
func (s *Store) FindTrades(ctx context.Context, customerID int64) ([]*Trade, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+tradeColumns+` FROM trades t
		WHERE t.customer_id = ? ORDER BY t.traded_at DESC, t.id DESC`, customerID)
	if err != nil {
		return nil, fmt.Errorf("find trades: %w", err)
	}
	defer rows.Close()
	var out []*Trade
	for rows.Next() {
		t, err := scanTrade(rows)
		if err != nil {
			return nil, fmt.Errorf("find trades: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
