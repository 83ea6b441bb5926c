package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"shopcrm/data"
)

// tradeColumns are a trade row's columns as scanTrade reads them; an unlinked
// order's customer reads as 0.
const tradeColumns = `t.id, coalesce(t.customer_id, 0), t.platform, t.order_no, t.traded_at, t.status, t.goods, t.quantity,
	t.amount_fen, t.refund_fen, t.ship_name, t.ship_phone, t.ship_address, t.note, coalesce(t.batch_id, 0),
	t.extra, t.linked_at, t.created_at, t.updated_at, ` + countsSQL

// scanTrade reads one row of tradeColumns, then any extra columns into more.
func scanTrade(sc interface{ Scan(...any) error }, more ...any) (*data.Trade, error) {
	var t data.Trade
	var at, extra, created, upd, platform, status string
	var linked sql.NullString
	dest := []any{&t.ID, &t.CustomerID, &platform, &t.OrderNo, &at, &status, &t.Goods, &t.Quantity,
		&t.AmountFen, &t.RefundFen, &t.ShipName, &t.ShipPhone, &t.ShipAddress, &t.Note, &t.BatchID,
		&extra, &linked, &created, &upd, &t.Counts}
	err := sc.Scan(append(dest, more...)...)
	if err != nil {
		return nil, err
	}
	t.Platform, t.Status = data.Platform(platform), data.TradeStatus(status)
	t.TradedAt, t.CreatedAt, t.UpdatedAt = parseTime(at), parseTime(created), parseTime(upd)
	t.LinkedAt = parseNullTime(linked)
	t.Extra = decodeExtra(extra)
	return &t, nil
}

func nullID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }

// CreateTrade stores a trade and brings its customer's stats up to date in the same
// transaction. A taken platform + order number gives ErrConflict.
func (s *Store) CreateTrade(ctx context.Context, t *data.Trade) error {
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
func (s *Store) UpdateTrade(ctx context.Context, t *data.Trade) error {
	t.Normalize()
	if err := t.Validate(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var oldCustomer int64
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(customer_id, 0) FROM trades WHERE id = ?`, t.ID).Scan(&oldCustomer); err != nil {
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

var insertTradeSQL = tradeInsert.insert("INSERT", "")

// insertTrade writes a new trade row (its BatchID included) and sets its ID and times.
// A trade without a platform takes its customer's.
func insertTrade(ctx context.Context, tx execer, t *data.Trade, now time.Time) error {
	if t.Platform == "" && t.CustomerID != 0 {
		if err := tx.QueryRowContext(ctx, `SELECT platform FROM customers WHERE id = ?`, t.CustomerID).Scan(&t.Platform); err != nil {
			return mapError(err)
		}
	}
	at := formatTime(now)
	res, err := tx.ExecContext(ctx, insertTradeSQL, tradeRow(nil, t, t.BatchID, at, at)...)
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
func updateTrade(ctx context.Context, tx execer, t *data.Trade, now time.Time) error {
	res, err := tx.ExecContext(ctx, updateTradeSQL, append(tradeValues(nil, t), formatTime(now), t.ID)...)
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
		if err := tx.QueryRowContext(ctx, `DELETE FROM trades WHERE id = ? RETURNING coalesce(customer_id, 0)`, id).Scan(&customerID); err != nil {
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
func (s *Store) FindTradeByID(ctx context.Context, id int64) (*data.Trade, error) {
	t, err := scanTrade(s.db.QueryRowContext(ctx, `SELECT `+tradeColumns+` FROM trades t WHERE t.id = ?`, id))
	if err != nil {
		return nil, fmt.Errorf("find trade %d: %w", id, mapError(err))
	}
	return t, nil
}

// FindTrades returns a customer's trades, newest first.
func (s *Store) FindTrades(ctx context.Context, customerID int64) ([]*data.Trade, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+tradeColumns+` FROM trades t
		WHERE t.customer_id = ? ORDER BY t.traded_at DESC, t.id DESC`, customerID)
	if err != nil {
		return nil, fmt.Errorf("find trades: %w", err)
	}
	defer rows.Close()
	var out []*data.Trade
	for rows.Next() {
		t, err := scanTrade(rows)
		if err != nil {
			return nil, fmt.Errorf("find trades: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
