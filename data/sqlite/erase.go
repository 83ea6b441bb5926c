package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"shopcrm/data"
)

// EraseCustomer removes one buyer completely, on the buyer's request: the customer
// with trades, contacts, reminders and tags, the import snapshots that hold their
// data (so a revert cannot bring them back), their search text, and their phone where
// another buyer's order was shipped to it. It runs with secure_delete on, so freed
// pages are overwritten, then compacts the search index and empties the WAL, so the
// data is gone from the database file and its journal. The audit log gets counts only.
// Backups taken earlier still hold the buyer until rotation drops them (at most about
// five weeks); the GUI says so before erasing.
func (s *Store) EraseCustomer(ctx context.Context, id int64) (*data.EraseResult, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("erase customer %d: %w", id, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA secure_delete = ON`); err != nil {
		return nil, fmt.Errorf("erase customer %d: %w", id, err)
	}
	defer conn.ExecContext(context.Background(), `PRAGMA secure_delete = OFF`)
	res, err := eraseRows(ctx, conn, id, s.now())
	if err != nil {
		return nil, fmt.Errorf("erase customer %d: %w", id, data.Classify(mapError(err)))
	}
	for _, q := range []string{
		`INSERT INTO customer_fts (customer_fts) VALUES ('optimize')`, // drop deleted terms from old segments
		`PRAGMA wal_checkpoint(TRUNCATE)`,                             // and old page images from the WAL
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return nil, fmt.Errorf("erase customer %d: %w", id, data.Classify(err))
		}
	}
	return res, nil
}

// eraseRows deletes the buyer's rows in one transaction and records the erasure.
func eraseRows(ctx context.Context, conn *sql.Conn, id int64, now time.Time) (*data.EraseResult, error) {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var phone string
	if err := tx.QueryRowContext(ctx, `SELECT phone FROM customers WHERE id = ?`, id).Scan(&phone); err != nil {
		return nil, err
	}
	res := &data.EraseResult{}
	for _, c := range []struct {
		n *int
		q string
	}{
		{&res.Trades, `SELECT count(*) FROM trades WHERE customer_id = ?`},
		{&res.Contacts, `SELECT count(*) FROM contacts WHERE customer_id = ?`},
		{&res.FollowUps, `SELECT count(*) FROM follow_ups WHERE customer_id = ?`},
	} {
		if err := tx.QueryRowContext(ctx, c.q, id).Scan(c.n); err != nil {
			return nil, err
		}
	}
	snaps, err := tx.ExecContext(ctx, `DELETE FROM batch_changes WHERE (entity = 'customer' AND entity_id = ?)
		OR (entity = 'trade' AND entity_id IN (SELECT id FROM trades WHERE customer_id = ?))`, id, id)
	if err != nil {
		return nil, err
	}
	n, _ := snaps.RowsAffected()
	res.Snapshots = int(n)
	if _, err := tx.ExecContext(ctx, `DELETE FROM customers WHERE id = ?`, id); err != nil {
		return nil, err
	}
	if phone != "" {
		if _, err := tx.ExecContext(ctx, `UPDATE trades SET ship_phone = '' WHERE ship_phone = ?`, phone); err != nil {
			return nil, err
		}
	}
	detail := fmt.Sprintf("trades=%d contacts=%d follow_ups=%d snapshots=%d", res.Trades, res.Contacts, res.FollowUps, res.Snapshots)
	if err := audit(ctx, tx, now, data.AuditCustomerErase, 1, detail); err != nil {
		return nil, err
	}
	return res, tx.Commit()
}
