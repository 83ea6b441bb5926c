package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"time"

	"shopcrm/data"
)

// groupCache keeps today's grouping parameters (averages, cut points) for the lists,
// which rate every page they show. They are computed again when the day changes or
// when any connection committed a write since (SQLite's data_version, read on a
// connection of its own that never writes).
type groupCache struct {
	mu      sync.Mutex
	watch   *sql.Conn
	version int64
	day     string
	params  *data.RFMParams
}

func (c *groupCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.watch != nil {
		c.watch.Close()
		c.watch = nil
	}
}

// todayParams returns the grouping parameters of today (the store clock, local time)
// from the stored stats.
func (s *Store) todayParams(ctx context.Context) (*data.RFMParams, error) {
	c := &s.groups
	c.mu.Lock()
	defer c.mu.Unlock()
	version, now, err := s.groupsState(ctx)
	if err != nil {
		return nil, err
	}
	day := now.Format(data.DateLayout)
	if c.params != nil && c.version == version && c.day == day {
		return c.params, nil
	}
	p := &data.RFMParams{}
	p.AsOf, _, _, _ = asOfDay(now)
	src := &groupSource{db: s.db, table: "customers"}
	if err := s.params(ctx, src, p); err != nil {
		return nil, fmt.Errorf("grouping parameters: %w", err)
	}
	c.params, c.version, c.day = p, version, day
	return p, nil
}

// groupsState is the data version and the store clock's local time; the cached
// parameters are keyed on the version and today's date. The caller holds the lock.
func (s *Store) groupsState(ctx context.Context) (int64, time.Time, error) {
	c := &s.groups
	if c.watch == nil {
		conn, err := s.db.Conn(ctx)
		if err != nil {
			return 0, time.Time{}, err
		}
		c.watch = conn
	}
	var version int64
	if err := c.watch.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&version); err != nil {
		return 0, time.Time{}, err
	}
	return version, s.Now().In(time.Local), nil
}

// RatingsReady reports whether today's grouping parameters are already computed for
// the current data, so that rating a page costs one indexed query. When it is false
// the next rating first makes a whole-shop pass (a few hundred milliseconds on a
// large archive), which a screen had better do after showing its rows.
func (s *Store) RatingsReady(ctx context.Context) bool {
	c := &s.groups
	if !c.mu.TryLock() {
		return false // being computed right now
	}
	defer c.mu.Unlock()
	if c.params == nil {
		return false
	}
	version, now, err := s.groupsState(ctx)
	return err == nil && c.version == version && c.day == now.Format(data.DateLayout)
}

// TodayParams are the grouping parameters the customer list uses: today, local time,
// from the stored stats.
func (s *Store) TodayParams(ctx context.Context) (*data.RFMParams, error) { return s.todayParams(ctx) }

// groupConds are the conditions of the customer filter's RFM segment and dormant
// choices over the customer row c, for today.
func (s *Store) groupConds(ctx context.Context, f data.CustomerFilter) ([]string, []any, error) {
	if f.Segment == "" && !f.Dormant {
		return nil, nil, nil
	}
	if f.Segment != "" && !f.Segment.Valid() {
		return nil, nil, data.Invalid("segment", data.CodeInvalid)
	}
	p, err := s.todayParams(ctx)
	if err != nil {
		return nil, nil, err
	}
	x := newRFMSQL(p)
	q := &sqlArgs{}
	var conds []string
	if f.Segment != "" {
		conds = append(conds, x.segment(q)+" = "+q.p(f.Segment.Bits()))
	}
	if f.Dormant {
		conds = append(conds, x.dormant(q))
	}
	return conds, q.args, nil
}

// filterSQL is the WHERE clause of a customer filter with its arguments.
func (s *Store) filterSQL(ctx context.Context, f data.CustomerFilter) (string, []any, error) {
	return s.filterSQLFor(ctx, f, false)
}

// filterSQLFor is filterSQL, for a query that stops at a page in sort order when
// byRow is set (filterConds).
func (s *Store) filterSQLFor(ctx context.Context, f data.CustomerFilter, byRow bool) (string, []any, error) {
	if err := f.Validate(); err != nil {
		return "", nil, err
	}
	where, args := filterWhere(f)
	conds, more, err := s.groupConds(ctx, f)
	if err != nil {
		return "", nil, err
	}
	fc, fargs := filterConds(f, data.Date(s.Now()), byRow)
	conds, more = append(fc, conds...), append(fargs, more...)
	if len(conds) == 0 {
		return where, args, nil
	}
	if where == "" {
		where = " WHERE "
	} else {
		where += " AND "
	}
	return where + strings.Join(conds, " AND "), append(args, more...), nil
}

// RateCustomers sets the Rating of each customer as of today, in one query.
func (s *Store) RateCustomers(ctx context.Context, cs []*data.Customer) error {
	ids := make([]int64, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	ratings, err := s.Ratings(ctx, ids)
	if err != nil {
		return err
	}
	for _, c := range cs {
		c.Rating = ratings[c.ID]
	}
	return nil
}

// Ratings returns today's Rating of each customer in ids (absent ones are left out),
// in one query, without touching any Customer value: a screen can fetch them off its
// UI goroutine and set them on its rows on it.
func (s *Store) Ratings(ctx context.Context, ids []int64) (map[int64]data.Rating, error) {
	if len(ids) == 0 {
		return map[int64]data.Rating{}, nil
	}
	p, err := s.todayParams(ctx)
	if err != nil {
		return nil, fmt.Errorf("rate customers: %w", err)
	}
	x := newRFMSQL(p)
	q := &sqlArgs{}
	cols := `c.id, coalesce(` + x.score(q, 'R') + `, 0), coalesce(` + x.score(q, 'F') + `, 0), coalesce(` + x.score(q, 'M') +
		`, 0), coalesce(` + x.segment(q) + `, -1), ` + x.dormant(q) + `, coalesce(` + x.recency(q) + `, -1)`
	marks := make([]string, 0, len(ids))
	for _, id := range ids {
		marks = append(marks, q.p(id))
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+cols+` FROM customers c WHERE c.id IN (`+strings.Join(marks, ",")+`)`, q.args...)
	if err != nil {
		return nil, fmt.Errorf("rate customers: %w", err)
	}
	defer rows.Close()
	out := make(map[int64]data.Rating, len(ids))
	for rows.Next() {
		var id int64
		var r data.Rating
		var seg int
		var recency float64
		if err := rows.Scan(&id, &r.R, &r.F, &r.M, &seg, &r.Dormant, &recency); err != nil {
			return nil, fmt.Errorf("rate customers: %w", err)
		}
		if seg >= 0 {
			r.Segment = segmentOfBits(seg)
		}
		r.RecencyDays = int(recency)
		out[id] = r
	}
	return out, rows.Err()
}
