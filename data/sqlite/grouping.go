package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"shopcrm/data"
)

// groupSource is where the stats of a grouping come from: the stored stats
// (customers) when no trade after the as-of day exists, else a temporary table of
// stats aggregated from the trades up to that day, on one connection.
type groupSource struct {
	db    execer
	table string
	close func()
}

// openGroupSource picks the stats for the as-of day and fills p.AsOf and p.Historical.
func (s *Store) openGroupSource(ctx context.Context, asOf time.Time, p *data.RFMParams) (*groupSource, error) {
	day, _, end, _ := asOfDay(asOf)
	p.AsOf = day
	var later int
	err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM customers WHERE last_trade_at >= ?)
		OR EXISTS (SELECT 1 FROM trades t WHERE `+refundOnlySQL+` AND t.traded_at >= ?)`, end, end).Scan(&later)
	if err != nil {
		return nil, err
	}
	if later == 0 {
		return &groupSource{db: s.db, table: "customers", close: func() {}}, nil
	}
	p.Historical = true
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	src := &groupSource{db: conn, table: "temp.group_basis", close: func() {
		conn.ExecContext(context.Background(), `DROP TABLE IF EXISTS temp.group_basis`)
		conn.Close()
	}}
	steps := []struct {
		sql  string
		args []any
	}{
		{`DROP TABLE IF EXISTS temp.group_basis`, nil},
		{`CREATE TEMP TABLE group_basis AS
			WITH a(cid, trade_count, total_fen, first_trade_at, last_trade_at) AS (
				SELECT t.customer_id, ` + statsColumnsSQL + ` FROM trades t WHERE t.traded_at < ? GROUP BY t.customer_id)
			SELECT c.id AS id, coalesce(a.trade_count, 0) AS trade_count, coalesce(a.total_fen, 0) AS total_fen,
				a.first_trade_at AS first_trade_at, a.last_trade_at AS last_trade_at
			FROM customers c LEFT JOIN a ON a.cid = c.id`, []any{end}},
		{`CREATE INDEX temp.group_basis_id ON group_basis(id)`, nil},
		{`CREATE INDEX temp.group_basis_trades ON group_basis(trade_count, total_fen, last_trade_at, first_trade_at)`, nil},
		{`CREATE INDEX temp.group_basis_total ON group_basis(total_fen)`, nil},
		{`CREATE INDEX temp.group_basis_last ON group_basis(last_trade_at)`, nil},
	}
	for _, st := range steps {
		if _, err := conn.ExecContext(ctx, st.sql, st.args...); err != nil {
			src.close()
			return nil, fmt.Errorf("stats as of %s: %w", day.Format(data.DateLayout), err)
		}
	}
	return src, nil
}

// params computes the RFM parameters of src for the as-of day.
func (s *Store) params(ctx context.Context, src *groupSource, p *data.RFMParams) error {
	days, err := s.DormantDays(ctx)
	if err != nil {
		return err
	}
	p.DormantDays = days
	return computeParams(ctx, src.db, src.table, p)
}

// Regroup groups every customer as of the day of asOf (in asOf's location): tiers,
// RFM segments and dormant buyers from the counting trades up to the end of that day,
// and manual tags. It aggregates in SQL; no customer is loaded.
func (s *Store) Regroup(ctx context.Context, asOf time.Time) (*data.Grouping, error) {
	g := &data.Grouping{}
	src, err := s.openGroupSource(ctx, asOf, &g.Params)
	if err != nil {
		return nil, fmt.Errorf("regroup: %w", err)
	}
	defer src.close()
	if err := s.params(ctx, src, &g.Params); err != nil {
		return nil, fmt.Errorf("regroup: %w", err)
	}
	tiers, err := s.Tiers(ctx)
	if err != nil {
		return nil, err
	}
	g.Tiers = make([]data.TierGroup, len(tiers))
	for i, t := range tiers {
		g.Tiers[i].Tier = t
	}
	g.Segments = make([]data.SegmentGroup, len(data.Segments))
	for i, seg := range data.Segments {
		g.Segments[i].Segment = seg
	}
	if err := countGroups(ctx, g, src, tiers); err != nil {
		return nil, fmt.Errorf("regroup: %w", err)
	}
	if g.Tags, err = tagGroups(ctx, src); err != nil {
		return nil, fmt.Errorf("regroup: %w", err)
	}
	return g, nil
}

// count fills the groups from one pass over the stats, grouped by tier, segment and
// dormancy together.
func countGroups(ctx context.Context, g *data.Grouping, src *groupSource, tiers []*data.Tier) error {
	x := newRFMSQL(&g.Params)
	q := &sqlArgs{}
	rank, rankArgs := tierRankSQL(tiers, "c")
	q.args = append(q.args, rankArgs...)
	query := `SELECT ` + rank + `, coalesce(` + x.segment(q) + `, -1), ` + x.dormant(q) + `, count(*), coalesce(sum(c.total_fen), 0)
		FROM ` + src.table + ` c GROUP BY 1, 2, 3`
	rows, err := src.db.QueryContext(ctx, query, q.args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r, seg int
		var dormant bool
		var n data.GroupCount
		if err := rows.Scan(&r, &seg, &dormant, &n.Customers, &n.TotalFen); err != nil {
			return err
		}
		g.All.Add(n)
		if r >= 0 && r < len(g.Tiers) {
			g.Tiers[r].Add(n)
		}
		if seg >= 0 {
			for i := range g.Segments {
				if g.Segments[i].Segment.Bits() == seg {
					g.Segments[i].Add(n)
				}
			}
		}
		if dormant {
			g.Dormant.Add(n)
		}
	}
	return rows.Err()
}

// tagGroups counts the customers and value of every tag.
func tagGroups(ctx context.Context, src *groupSource) ([]data.TagGroup, error) {
	rows, err := src.db.QueryContext(ctx, `SELECT t.name, count(c.id), coalesce(sum(c.total_fen), 0)
		FROM tags t LEFT JOIN customer_tags ct ON ct.tag_id = t.id LEFT JOIN `+src.table+` c ON c.id = ct.customer_id
		GROUP BY t.id HAVING count(c.id) > 0 ORDER BY t.name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []data.TagGroup
	for rows.Next() {
		var t data.TagGroup
		if err := rows.Scan(&t.Name, &t.Customers, &t.TotalFen); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// EachGroupRow streams every customer's grouping as of the day of asOf, in the order
// customers were added, to fn; the parameters used are returned.
func (s *Store) EachGroupRow(ctx context.Context, asOf time.Time, fn func(*data.GroupRow) error) (*data.RFMParams, error) {
	p := &data.RFMParams{}
	src, err := s.openGroupSource(ctx, asOf, p)
	if err != nil {
		return nil, fmt.Errorf("group rows: %w", err)
	}
	defer src.close()
	if err := s.params(ctx, src, p); err != nil {
		return nil, fmt.Errorf("group rows: %w", err)
	}
	tiers, err := s.Tiers(ctx)
	if err != nil {
		return nil, err
	}
	names := map[int]string{}
	for i, t := range tiers {
		names[i] = t.Name
	}
	x := newRFMSQL(p)
	q := &sqlArgs{}
	rank, rankArgs := tierRankSQL(tiers, "c")
	q.args = append(q.args, rankArgs...)
	query := `SELECT cu.id, cu.platform, cu.nick, cu.name, c.trade_count, c.total_fen, c.last_trade_at, ` + rank + `, ` +
		`coalesce(` + x.recency(q) + `, -1), coalesce(` + x.score(q, 'R') + `, 0), coalesce(` + x.score(q, 'F') + `, 0), ` +
		`coalesce(` + x.score(q, 'M') + `, 0), coalesce(` + x.segment(q) + `, -1), ` + x.dormant(q) + `
		FROM customers cu JOIN ` + src.table + ` c ON c.id = cu.id ORDER BY cu.id`
	rows, err := src.db.QueryContext(ctx, query, q.args...)
	if err != nil {
		return nil, fmt.Errorf("group rows: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r data.GroupRow
		var last sql.NullString
		var platform string
		var rank, seg int
		var recency float64
		if err := rows.Scan(&r.CustomerID, &platform, &r.Nick, &r.Name, &r.Trades, &r.TotalFen, &last, &rank,
			&recency, &r.R, &r.F, &r.M, &seg, &r.Dormant); err != nil {
			return nil, fmt.Errorf("group rows: %w", err)
		}
		r.Platform, r.LastTrade, r.RecencyDays, r.Tier = data.Platform(platform), parseNullTime(last), int(recency), names[rank]
		if seg >= 0 {
			r.Segment = segmentOfBits(seg)
		}
		if err := fn(&r); err != nil {
			return nil, err
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("group rows: %w", err)
	}
	return p, nil
}
