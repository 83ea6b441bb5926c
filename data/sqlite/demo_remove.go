package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"shopcrm/data"
)

// DemoCount is how many sample customers (Source DemoSource) the archive holds.
func (s *Store) DemoCount(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM customers WHERE source = ?`, data.DemoSource).Scan(&n); err != nil {
		return 0, fmt.Errorf("count demo customers: %w", err)
	}
	return n, nil
}

// RemoveDemo deletes every sample customer made by GenerateDemo, with what hangs on
// them (trades, tags, reminders, contact records go with the customer through the
// schema's cascades), in one transaction, and says how many customers went.
// Customers the seller typed in or imported are never touched.
func (s *Store) RemoveDemo(ctx context.Context) (int, error) {
	var n int
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM customers WHERE source = ?`, data.DemoSource)
		if err != nil {
			return err
		}
		affected, err := res.RowsAffected()
		if err != nil {
			return err
		}
		n = int(affected)
		return audit(ctx, tx, s.now(), data.AuditDemoRemove, n, "")
	})
	if err != nil {
		return 0, fmt.Errorf("remove demo data: %w", err)
	}
	return n, nil
}
