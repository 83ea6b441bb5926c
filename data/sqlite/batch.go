package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"shopcrm/data"
)

// FindImportBatches lists imports, newest first.
func (s *Store) FindImportBatches(ctx context.Context) ([]*data.ImportBatch, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, file_name, sheet, content_hash, layout, imported_at,
		created_customers, updated_customers, unchanged, created_trades, skipped, rejected, reverted_at
		FROM import_batches ORDER BY id DESC`)
	if err != nil {
		return nil, fmt.Errorf("find import batches: %w", err)
	}
	defer rows.Close()
	var out []*data.ImportBatch
	for rows.Next() {
		var b data.ImportBatch
		var at string
		var reverted sql.NullString
		if err := rows.Scan(&b.ID, &b.FileName, &b.Sheet, &b.Hash, &b.Layout, &at, &b.CreatedCustomers,
			&b.UpdatedCustomers, &b.Unchanged, &b.CreatedTrades, &b.Skipped, &b.Rejected, &reverted); err != nil {
			return nil, err
		}
		b.ImportedAt, b.RevertedAt = parseTime(at), parseNullTime(reverted)
		out = append(out, &b)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	for _, b := range out {
		if b.RevertedAt.IsZero() {
			if b.BlockedBy, err = blockingBatch(ctx, s.db, b.ID); err != nil {
				return nil, fmt.Errorf("find import batches: %w", err)
			}
		}
	}
	return out, s.batchOutcomes(ctx, out)
}

// blockingBatch is the newest later import still in place that builds on batch, 0 for
// none. A later import builds on it when it changed a customer or trade this one
// created or changed, added trades to a customer this one created, or found rows
// already there (its unchanged count: they may be this batch's, and would vanish
// with it). Undoing this one first would bring back the wrong values or take that
// import's data away.
func blockingBatch(ctx context.Context, q interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}, batch int64) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT coalesce(max(lb.id), 0) FROM import_batches lb
		WHERE lb.id > ?1 AND lb.reverted_at IS NULL AND (
			lb.unchanged > 0
			OR EXISTS (SELECT 1 FROM batch_changes lc WHERE lc.batch_id = lb.id AND lc.action = 'update' AND (
				lc.entity = 'customer' AND (lc.entity_id IN (SELECT id FROM customers WHERE batch_id = ?1)
					OR lc.entity_id IN (SELECT entity_id FROM batch_changes WHERE batch_id = ?1 AND entity = 'customer'))
				OR lc.entity = 'trade' AND (lc.entity_id IN (SELECT id FROM trades WHERE batch_id = ?1)
					OR lc.entity_id IN (SELECT entity_id FROM batch_changes WHERE batch_id = ?1 AND entity = 'trade'))))
			OR EXISTS (SELECT 1 FROM trades t JOIN customers c ON c.id = t.customer_id
				WHERE t.batch_id = lb.id AND c.batch_id = ?1))`, batch).Scan(&id)
	return id, err
}

// batchOutcomes fills in what each batch skipped and rejected, by reason, most rows
// first.
func (s *Store) batchOutcomes(ctx context.Context, batches []*data.ImportBatch) error {
	byID := map[int64]*data.ImportBatch{}
	for _, b := range batches {
		byID[b.ID] = b
	}
	rows, err := s.db.QueryContext(ctx, `SELECT batch_id, kind, reason, rows, orders FROM import_outcomes
		ORDER BY batch_id, kind DESC, rows DESC, reason`)
	if err != nil {
		return fmt.Errorf("find import outcomes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var o data.Outcome
		if err := rows.Scan(&id, &o.Kind, &o.Reason, &o.Rows, &o.Orders); err != nil {
			return err
		}
		if b := byID[id]; b != nil {
			b.Outcomes = append(b.Outcomes, o)
		}
	}
	return rows.Err()
}

// RevertImport undoes a batch in one transaction: the customers and trades it created
// are removed and the rows it changed get their earlier values back.
func (s *Store) RevertImport(ctx context.Context, batchID int64) error {
	now := s.now()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var reverted sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT reverted_at FROM import_batches WHERE id = ?`, batchID).Scan(&reverted); err != nil {
			return mapError(err)
		}
		if reverted.Valid {
			return nil // already undone
		}
		later, err := blockingBatch(ctx, tx, batchID)
		if err != nil {
			return err
		}
		if later != 0 {
			return data.ErrNotLatestBatch
		}
		touched, err := restoreSnapshots(ctx, tx, batchID)
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT DISTINCT customer_id FROM trades WHERE batch_id = ? AND customer_id IS NOT NULL`, batchID)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			touched = append(touched, id)
		}
		rows.Close()
		for _, q := range []string{`DELETE FROM trades WHERE batch_id = ?`, `DELETE FROM customers WHERE batch_id = ?`} {
			if _, err := tx.ExecContext(ctx, q, batchID); err != nil {
				return err
			}
		}
		if err := refreshStats(ctx, tx, touched...); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE import_batches SET reverted_at = ? WHERE id = ?`, formatTime(now), batchID); err != nil {
			return err
		}
		return audit(ctx, tx, now, data.AuditImportRevert, 1, fmt.Sprintf("batch=%d", batchID))
	})
	if err != nil {
		return fmt.Errorf("revert import %d: %w", batchID, err)
	}
	return nil
}

// restoreSnapshots puts back every row the batch updated and returns the customers
// whose stats must be recomputed.
func restoreSnapshots(ctx context.Context, tx *sql.Tx, batchID int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT entity, before FROM batch_changes WHERE batch_id = ? AND action = 'update' ORDER BY id`, batchID)
	if err != nil {
		return nil, err
	}
	type change struct{ entity, before string }
	var changes []change
	for rows.Next() {
		var c change
		if err := rows.Scan(&c.entity, &c.before); err != nil {
			rows.Close()
			return nil, err
		}
		changes = append(changes, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var touched []int64
	for _, c := range changes {
		switch c.entity {
		case "customer":
			var cu data.Customer
			if err := json.Unmarshal([]byte(c.before), &cu); err != nil {
				return nil, err
			}
			if err := updateCustomer(ctx, tx, &cu, cu.UpdatedAt); err != nil && !errors.Is(err, data.ErrNotFound) {
				return nil, err
			}
		case "trade":
			var t data.Trade
			if err := json.Unmarshal([]byte(c.before), &t); err != nil {
				return nil, err
			}
			// The customer the batch linked the order to loses it again.
			var now int64
			if err := tx.QueryRowContext(ctx, `SELECT coalesce(customer_id, 0) FROM trades WHERE id = ?`, t.ID).Scan(&now); err == nil && now != t.CustomerID {
				touched = append(touched, now)
			}
			if err := updateTrade(ctx, tx, &t, t.UpdatedAt); err != nil && !errors.Is(err, data.ErrNotFound) {
				return nil, err
			}
			touched = append(touched, t.CustomerID)
		}
	}
	return touched, nil
}
