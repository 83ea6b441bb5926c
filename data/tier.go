package data

import (
	"context"
	"database/sql"
	"fmt"
)

// Tier is a customer grade: a customer is in the highest-ranked tier whose rule holds
// (trade count ≥ MinTrades or total ≥ MinTotalFen; a nil bound is not a criterion).
type Tier struct {
	ID          int64
	Rank        int
	Name        string // a translation key (tier.vip) for the default tiers
	MinTrades   *int
	MinTotalFen *int64
}

// Tiers lists the tiers from the lowest rank up.
func (s *Store) Tiers(ctx context.Context) ([]*Tier, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, rank, name, min_trades, min_total_fen FROM tiers ORDER BY rank`)
	if err != nil {
		return nil, fmt.Errorf("find tiers: %w", err)
	}
	defer rows.Close()
	var out []*Tier
	for rows.Next() {
		var t Tier
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
