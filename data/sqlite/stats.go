package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"shopcrm/data"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// The counting rule, in one place (PRODUCT.md): a trade counts when it is paid and its
// net amount (amount − refunded) is above zero. A paid row with a negative amount is a
// refund-only row (a cancellation invoice): it lowers the total and never counts.
// Unpaid, closed and fully refunded trades stay in the history and do not count.
const (
	countsSQL     = `(t.status = 'paid' AND t.amount_fen - t.refund_fen > 0)`
	refundOnlySQL = `(t.status = 'paid' AND t.amount_fen < 0)`
)

// statsSelectSQL aggregates one customer's stats from the trades aliased t.
const statsSelectSQL = `SELECT ` + statsColumnsSQL + ` FROM trades t WHERE t.customer_id = customers.id`

// statsColumnsSQL are the aggregates of the stats columns (trade_count, total_fen,
// first_trade_at, last_trade_at) over the trades aliased t.
const statsColumnsSQL = `
	coalesce(sum(CASE WHEN ` + countsSQL + ` THEN 1 ELSE 0 END), 0),
	coalesce(sum(CASE WHEN ` + countsSQL + ` THEN t.amount_fen - t.refund_fen
	                  WHEN ` + refundOnlySQL + ` THEN t.amount_fen ELSE 0 END), 0),
	min(CASE WHEN ` + countsSQL + ` THEN t.traded_at END),
	max(CASE WHEN ` + countsSQL + ` THEN t.traded_at END)`

// refreshStats rewrites the derived stats of the given customers from their trades.
// It runs inside the transaction that changed the trades, so stats never drift.
func refreshStats(ctx context.Context, tx execer, customerIDs ...int64) error {
	for _, id := range customerIDs {
		if _, err := tx.ExecContext(ctx, `UPDATE customers SET (trade_count, total_fen, first_trade_at, last_trade_at) =
			(`+statsSelectSQL+`) WHERE id = ?`, id); err != nil {
			return err
		}
	}
	return nil
}

// refreshAllStats rewrites every customer's stats; bulk writers (demo, import) call it
// once at the end of their transaction instead of once per trade.
func refreshAllStats(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `UPDATE customers SET (trade_count, total_fen, first_trade_at, last_trade_at) = (`+statsSelectSQL+`)`)
	return err
}

// mapForeignKey turns a trade pointing at a missing customer into ErrNotFound.
func mapForeignKey(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY {
		return data.ErrNotFound
	}
	return err
}
