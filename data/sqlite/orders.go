package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"shopcrm/data"
)

// The orders list and linking by hand (data/order.go). Linking writes the order and
// its customer's stats in one transaction; the tier follows through migration 0002's
// trigger, and reminders, which are derived from the stats and trades, follow by
// themselves.

// orderColumns are tradeColumns and the buyer's nick and name, "" for an unlinked
// order.
const orderColumns = tradeColumns + `, coalesce(c.nick, ''), coalesce(c.name, '')`

// orderWhere turns an order filter into a WHERE clause and its arguments.
func orderWhere(f data.OrderFilter) (string, []any) {
	where, args := ` WHERE 1`, []any{}
	if f.UnlinkedOnly {
		where += ` AND t.customer_id IS NULL`
	}
	if f.Platform != "" {
		where, args = where+` AND t.platform = ?`, append(args, string(f.Platform))
	}
	if f.OrderNo != "" {
		where, args = where+` AND t.order_no = ?`, append(args, f.OrderNo)
	}
	return where, args
}

// EachOrder streams the orders f selects, newest first.
func (s *Store) EachOrder(ctx context.Context, f data.OrderFilter, fn func(*data.Order) error) error {
	where, args := orderWhere(f)
	q := `SELECT ` + orderColumns + ` FROM trades t LEFT JOIN customers c ON c.id = t.customer_id` + where +
		` ORDER BY t.traded_at DESC, t.id DESC`
	if f.Limit > 0 {
		q += ` LIMIT ` + strconv.Itoa(f.Limit) + ` OFFSET ` + strconv.Itoa(max(f.Offset, 0))
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("find orders: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var o data.Order
		t, err := scanTrade(rows, &o.Nick, &o.Name)
		if err != nil {
			return fmt.Errorf("find orders: %w", err)
		}
		o.Trade = *t
		if err := fn(&o); err != nil {
			return err
		}
	}
	return rows.Err()
}

// FindOrders returns the orders f selects, newest first.
func (s *Store) FindOrders(ctx context.Context, f data.OrderFilter) ([]*data.Order, error) {
	var out []*data.Order
	err := s.EachOrder(ctx, f, func(o *data.Order) error {
		out = append(out, o)
		return nil
	})
	return out, err
}

// UnlinkedSummary counts the unlinked orders and their money by the counting rule.
func (s *Store) UnlinkedSummary(ctx context.Context) (data.UnlinkedSummary, error) {
	var u data.UnlinkedSummary
	err := s.db.QueryRowContext(ctx, `SELECT count(*),
		coalesce(sum(CASE WHEN `+countsSQL+` THEN 1 ELSE 0 END), 0),
		coalesce(sum(CASE WHEN `+countsSQL+` THEN t.amount_fen - t.refund_fen
		                  WHEN `+refundOnlySQL+` THEN t.amount_fen ELSE 0 END), 0)
		FROM trades t WHERE t.customer_id IS NULL`).Scan(&u.Orders, &u.Counting, &u.NetFen)
	if err != nil {
		return u, fmt.Errorf("unlinked orders: %w", err)
	}
	return u, nil
}

// FindOrderByNumber finds the order with this number, on platform when it is not "".
func (s *Store) FindOrderByNumber(ctx context.Context, platform data.Platform, orderNo string) (*data.Order, error) {
	os, err := s.FindOrders(ctx, data.OrderFilter{Platform: platform, OrderNo: orderNo, Limit: 2})
	switch {
	case err != nil:
		return nil, err
	case orderNo == "" || len(os) == 0:
		return nil, fmt.Errorf("find order: %w", data.ErrOrderNotFound)
	case len(os) > 1:
		return nil, fmt.Errorf("find order: %w", data.ErrOrderAmbiguous)
	}
	return os[0], nil
}

// LinkOrder attaches an order to a customer (see data.OrderStore).
func (s *Store) LinkOrder(ctx context.Context, tradeID, customerID int64) error {
	now := s.now()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var was int64
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(customer_id, 0) FROM trades WHERE id = ?`, tradeID).Scan(&was); err != nil {
			return mapError(err)
		}
		switch was {
		case customerID:
			return nil // linked already
		case 0:
		default:
			return data.ErrOrderLinked
		}
		if _, err := tx.ExecContext(ctx, `UPDATE trades SET customer_id = ?, linked_at = ?, updated_at = ? WHERE id = ?`,
			customerID, formatTime(now), formatTime(now), tradeID); err != nil {
			return mapForeignKey(mapError(err))
		}
		if err := refreshStats(ctx, tx, customerID); err != nil {
			return err
		}
		return audit(ctx, tx, now, data.AuditOrderLink, 1, fmt.Sprintf("trade=%d customer=%d", tradeID, customerID))
	})
	if err != nil {
		return fmt.Errorf("link order %d: %w", tradeID, err)
	}
	return nil
}

// UnlinkOrder detaches an order from its customer (see data.OrderStore).
func (s *Store) UnlinkOrder(ctx context.Context, tradeID int64) error {
	now := s.now()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var was int64
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(customer_id, 0) FROM trades WHERE id = ?`, tradeID).Scan(&was); err != nil {
			return mapError(err)
		}
		if was == 0 {
			return nil // unlinked already
		}
		if _, err := tx.ExecContext(ctx, `UPDATE trades SET customer_id = NULL, linked_at = NULL, updated_at = ? WHERE id = ?`,
			formatTime(now), tradeID); err != nil {
			return err
		}
		if err := refreshStats(ctx, tx, was); err != nil {
			return err
		}
		return audit(ctx, tx, now, data.AuditOrderUnlink, 1, fmt.Sprintf("trade=%d customer=%d", tradeID, was))
	})
	if err != nil {
		return fmt.Errorf("unlink order %d: %w", tradeID, err)
	}
	return nil
}
