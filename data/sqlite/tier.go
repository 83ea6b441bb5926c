package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"shopcrm/data"
)

// Tiers lists the tiers from the lowest rank up.
func (s *Store) Tiers(ctx context.Context) ([]*data.Tier, error) { return tiersIn(ctx, s.db) }

// tiersIn lists the tiers as q (the store, or a transaction) sees them.
func tiersIn(ctx context.Context, q interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}) ([]*data.Tier, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, rank, name, min_trades, min_total_fen FROM tiers ORDER BY rank`)
	if err != nil {
		return nil, fmt.Errorf("find tiers: %w", err)
	}
	defer rows.Close()
	var out []*data.Tier
	for rows.Next() {
		var t data.Tier
		var n, v sql.NullInt64
		if err := rows.Scan(&t.ID, &t.Rank, &t.Name, &n, &v); err != nil {
			return nil, err
		}
		if n.Valid {
			x := int(n.Int64)
			t.MinTrades = &x
		}
		if v.Valid {
			t.MinTotalFen = &v.Int64
		}
		out = append(out, &t)
	}
	return out, rows.Err()
}

// SaveTiers replaces the tiers with this list, lowest first (ranks follow the order),
// and moves every customer into their new tier, in one transaction. Tiers keep their
// ID when they have one.
func (s *Store) SaveTiers(ctx context.Context, tiers []*data.Tier) error {
	if err := data.ValidateTiers(tiers); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM tiers`); err != nil {
			return err
		}
		for i, t := range tiers {
			t.Rank = i
		}
		// Tiers that keep their ID first, so that a new one cannot take a kept ID.
		for _, keep := range []bool{true, false} {
			for _, t := range tiers {
				if (t.ID != 0) != keep {
					continue
				}
				res, err := tx.ExecContext(ctx, `INSERT INTO tiers (id, rank, name, min_trades, min_total_fen) VALUES (?, ?, ?, ?, ?)`,
					nullID(t.ID), t.Rank, t.Name, t.MinTrades, t.MinTotalFen)
				if err != nil {
					return mapError(err)
				}
				if t.ID, err = res.LastInsertId(); err != nil {
					return err
				}
			}
		}
		rank, args := tierRankSQL(tiers, "c")
		if _, err := tx.ExecContext(ctx, `UPDATE customers AS c SET tier_rank = `+rank+` WHERE tier_rank <> `+rank,
			append(args, args...)...); err != nil {
			return err
		}
		return audit(ctx, tx, s.now(), data.AuditTiersSave, len(tiers), "")
	})
	if err != nil {
		return fmt.Errorf("save tiers: %w", err)
	}
	return nil
}

// tierRankSQL is the rank of the highest tier whose rule holds for the customer row
// alias, as a CASE over the given tiers (lowest first), with its arguments.
func tierRankSQL(tiers []*data.Tier, alias string) (string, []any) {
	var b strings.Builder
	var args []any
	b.WriteString("(CASE")
	for i := len(tiers) - 1; i > 0; i-- {
		t := tiers[i]
		var conds []string
		if t.MinTrades != nil {
			conds = append(conds, alias+".trade_count >= ?")
			args = append(args, *t.MinTrades)
		}
		if t.MinTotalFen != nil {
			conds = append(conds, alias+".total_fen >= ?")
			args = append(args, *t.MinTotalFen)
		}
		if len(conds) == 0 {
			continue // not a valid higher tier; ValidateTiers refuses it
		}
		fmt.Fprintf(&b, " WHEN %s THEN %d", strings.Join(conds, " OR "), i)
	}
	b.WriteString(" ELSE 0 END)")
	return b.String(), args
}

// TierCounts counts the customers and value each of these tiers (lowest first) would
// hold, as the seller types thresholds, without saving anything. Invalid thresholds
// are counted as typed so far; the result has one entry per tier.
func (s *Store) TierCounts(ctx context.Context, tiers []*data.Tier) ([]data.GroupCount, error) {
	rank, args := tierRankSQL(tiers, "c")
	rows, err := s.db.QueryContext(ctx, `SELECT `+rank+`, count(*), coalesce(sum(c.total_fen), 0)
		FROM customers c GROUP BY 1`, args...) // SQLite scans the covering customers_groups when it is there
	if err != nil {
		return nil, fmt.Errorf("count tiers: %w", err)
	}
	defer rows.Close()
	out := make([]data.GroupCount, len(tiers))
	for rows.Next() {
		var r int
		var g data.GroupCount
		if err := rows.Scan(&r, &g.Customers, &g.TotalFen); err != nil {
			return nil, fmt.Errorf("count tiers: %w", err)
		}
		if r >= 0 && r < len(out) {
			out[r] = g
		}
	}
	return out, rows.Err()
}
