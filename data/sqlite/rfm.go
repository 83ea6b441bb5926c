package sqlite

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"time"

	"shopcrm/data"
)

func segmentOfBits(n int) data.Segment {
	b := []byte("LLL")
	for i, w := range []int{4, 2, 1} {
		if n&w != 0 {
			b[i] = 'H'
		}
	}
	return data.Segment(b)
}

// asOfDay is the date text, the UTC end (exclusive) and the SQLite modifier that turns
// a stored UTC time into the as-of location's local time.
func asOfDay(asOf time.Time) (day time.Time, date, endUTC, tz string) {
	loc := asOf.Location()
	day = time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 0, 0, 0, 0, loc)
	_, off := time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 12, 0, 0, 0, loc).Zone()
	return day, day.Format(data.DateLayout), formatTime(day.AddDate(0, 0, 1)), strconv.Itoa(off) + " seconds"
}

// sqlArgs builds SQL text with positional arguments in the order they appear.
type sqlArgs struct{ args []any }

// p appends v and returns its placeholder.
func (q *sqlArgs) p(v any) string {
	q.args = append(q.args, v)
	return "?"
}

// rfmSQL writes the grouping expressions over the stats row alias c for params p.
// Recency conditions compare the stored UTC text with the UTC start of a local day,
// which is what keeps a whole-shop pass cheap; the day count itself is integer
// arithmetic on unixepoch.
type rfmSQL struct {
	p      *data.RFMParams
	day    time.Time // as-of midnight, local
	dayNum int64     // local days since 1970 of the as-of day
	offset int64     // seconds east of UTC on the as-of day
}

func newRFMSQL(p *data.RFMParams) rfmSQL {
	day, _, _, _ := asOfDay(p.AsOf)
	_, off := time.Date(day.Year(), day.Month(), day.Day(), 12, 0, 0, 0, day.Location()).Zone()
	return rfmSQL{p: p, day: day, dayNum: (day.Unix() + int64(off)) / 86400, offset: int64(off)}
}

// recency is the calendar days from the last counting trade's local date to the as-of date.
func (x rfmSQL) recency(q *sqlArgs) string {
	return "(" + q.p(x.dayNum) + " - (unixepoch(c.last_trade_at) + " + q.p(x.offset) + ") / 86400)"
}

// within holds when the last counting trade is at most days before the as-of date.
func (x rfmSQL) within(q *sqlArgs, days int64) string {
	return "(c.last_trade_at >= " + q.p(formatTime(x.day.AddDate(0, 0, -int(days)))) + ")"
}

// segment is the segment bits (R high 4, F high 2, M high 1); NULL without trades.
// Recency days are whole, so "at most the average" is "at most its whole part".
func (x rfmSQL) segment(q *sqlArgs) string {
	return "(CASE WHEN c.trade_count > 0 THEN " + x.within(q, int64(math.Floor(x.p.AvgRecency))) + " * 4 + (c.trade_count >= " +
		q.p(x.p.AvgTrades) + ") * 2 + (c.total_fen >= " + q.p(x.p.AvgTotalFen) + ") END)"
}

// score is the 1–5 score of one dimension; NULL without trades.
func (x rfmSQL) score(q *sqlArgs, dim byte) string {
	s := "(CASE WHEN c.trade_count > 0 THEN 1"
	for i := 0; i < 4; i++ {
		switch dim {
		case 'R':
			s += " + " + x.within(q, x.p.R.Score[i])
		case 'F':
			s += " + (c.trade_count >= " + q.p(x.p.F.Score[i]) + ")"
		default:
			s += " + (c.total_fen >= " + q.p(x.p.M.Score[i]) + ")"
		}
	}
	return s + " END)"
}

// dormant is 1 for a buyer with no counting trade for the dormant days, or for well
// over their own repurchase interval; 0 otherwise (never for customers without trades).
// A CASE, because SQLite evaluates both sides of AND / OR in a result column: the
// interval is worked out only for the few rows that need it.
func (x rfmSQL) dormant(q *sqlArgs) string {
	days := int64(x.p.DormantDays)
	return "(CASE WHEN c.trade_count = 0 THEN 0 WHEN NOT " + x.within(q, days-1) + " THEN 1" +
		" WHEN c.trade_count < 2 OR " + x.within(q, days/3-1) + " THEN 0" +
		" ELSE " + x.recency(q) + " * (c.trade_count - 1) * 86400 >= " + q.p(data.DormantIntervalFactor) +
		" * (unixepoch(c.last_trade_at) - unixepoch(c.first_trade_at)) END)"
}

// computeParams reads the averages and quintile cut points from the stats in src
// (the customers table or a temporary as-of basis with the same columns and indexes).
func computeParams(ctx context.Context, db execer, src string, p *data.RFMParams) error {
	x := newRFMSQL(p)
	q := &sqlArgs{}
	avg := `SELECT count(*), coalesce(avg(c.trade_count), 0), coalesce(avg(c.total_fen), 0), coalesce(avg(` +
		x.recency(q) + `), 0) FROM ` + src + ` c WHERE c.trade_count > 0`
	if err := db.QueryRowContext(ctx, avg, q.args...).Scan(&p.Buyers, &p.AvgTrades, &p.AvgTotalFen, &p.AvgRecency); err != nil {
		return fmt.Errorf("rfm averages: %w", err)
	}
	var err error
	if p.F, err = quintiles(ctx, db, p.Buyers, data.FixedTradeCuts, false, func(k int) string {
		return `SELECT c.trade_count FROM ` + src + ` c WHERE c.trade_count > 0 ORDER BY c.trade_count LIMIT 1 OFFSET ` + strconv.Itoa(k)
	}); err != nil {
		return err
	}
	// Oldest last trade first: worst recency first, like the lowest F and M first.
	q = &sqlArgs{}
	rec := x.recency(q)
	recArgs := q.args
	if p.R, err = quintiles(ctx, db, p.Buyers, data.FixedRecencyCuts, true, func(k int) string {
		return `SELECT ` + rec + ` FROM ` + src + ` c WHERE c.last_trade_at IS NOT NULL ORDER BY c.last_trade_at LIMIT 1 OFFSET ` + strconv.Itoa(k)
	}, recArgs...); err != nil {
		return err
	}
	// Totals: positive ones are all buyers' (a customer without a counting trade has a
	// total of at most zero), so their order comes from the total index; the rare
	// buyers whose refunds took them to zero or below come first.
	var nonPositive int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM `+src+` c WHERE c.trade_count > 0 AND c.total_fen <= 0`).Scan(&nonPositive); err != nil {
		return fmt.Errorf("rfm totals: %w", err)
	}
	p.M, err = quintiles(ctx, db, p.Buyers, data.FixedTotalCuts, false, func(k int) string {
		if k < nonPositive {
			return `SELECT c.total_fen FROM ` + src + ` c WHERE c.trade_count > 0 AND c.total_fen <= 0 ORDER BY c.total_fen LIMIT 1 OFFSET ` + strconv.Itoa(k)
		}
		return `SELECT c.total_fen FROM ` + src + ` c WHERE c.total_fen > 0 ORDER BY c.total_fen LIMIT 1 OFFSET ` + strconv.Itoa(k-nonPositive)
	})
	return err
}

// quintiles reads the values at the 0, 20, 40, 60 and 80 percent positions of n
// sorted buyers (worst first) through at(k), and returns the cut points of scores 2–5,
// or fixed when the five values are not strictly better one after the other (scores
// would be empty). lowerIsBetter is set for recency.
func quintiles(ctx context.Context, db execer, n int, fixed data.Cuts, lowerIsBetter bool, at func(k int) string, args ...any) (data.Cuts, error) {
	if n < 5 {
		return fixed, nil
	}
	var v [5]int64
	for j := 0; j < 5; j++ {
		var f float64
		if err := db.QueryRowContext(ctx, at(j*n/5), args...).Scan(&f); err != nil {
			return fixed, fmt.Errorf("rfm cut points: %w", err)
		}
		v[j] = int64(f)
		if j > 0 && (lowerIsBetter && v[j] >= v[j-1] || !lowerIsBetter && v[j] <= v[j-1]) {
			return fixed, nil
		}
	}
	return data.Cuts{Score: [4]int64{v[1], v[2], v[3], v[4]}}, nil
}
