package sqlite

import (
	"context"
	"fmt"
	"strings"
	"time"

	"shopcrm/data"
)

// The customer list's filters over the customer row c (issue 19). Each is a condition
// on the customer row, whose stats columns (trade_count, total_fen, first_trade_at,
// last_trade_at) are kept by the counting rule (stats.go), or an indexed lookup:
// goods through trade_goods and trades_goods, the blacklist through its
// customer index. Nothing loads customers into Go to decide.

// filterConds are the conditions of f's fields beyond the text query, tag and tier
// (filterWhere) and the RFM segment and dormant choice (groupConds); today is the
// local calendar day that days since the last trade count to. byRow writes the goods
// condition for a query that walks customers in their sort order and stops at a page
// (a lookup per customer row it meets); without it the goods condition gathers every
// buyer of the goods once, which a count or a query over all matches needs.
func filterConds(f data.CustomerFilter, today time.Time, byRow bool) ([]string, []any) {
	q := &sqlArgs{}
	var conds []string
	add := func(c string) { conds = append(conds, c) }
	if goods := strings.Join(strings.Fields(f.Goods), " "); goods != "" {
		// The distinct goods texts that contain it, then their counting trades' buyers.
		names := `SELECT g.name FROM trade_goods g WHERE g.name LIKE ` + q.p(likeContains(goods)) + ` ESCAPE '\'`
		if byRow {
			add(`EXISTS (SELECT 1 FROM trades t WHERE t.customer_id = c.id AND t.goods IN (` + names + `) AND ` + countsSQL + `)`)
		} else {
			add(`c.id IN (SELECT t.customer_id FROM trades t WHERE t.goods IN (` + names + `) AND ` + countsSQL + `)`)
		}
	}
	rangeConds(q, add, "c.trade_count", f.Trades)
	rangeConds(q, add, "c.total_fen", f.TotalFen)
	// The average total/count against a bound, in integers: total ≥ min × count.
	if f.AverageFen.Set() {
		add(`c.trade_count > 0`)
		if f.AverageFen.HasMin {
			add(`c.total_fen >= ` + q.p(f.AverageFen.Min) + ` * c.trade_count`)
		}
		if f.AverageFen.HasMax {
			add(`c.total_fen <= ` + q.p(f.AverageFen.Max) + ` * c.trade_count`)
		}
	}
	dateConds(q, add, "c.first_trade_at", f.FirstTrade)
	dateConds(q, add, "c.last_trade_at", f.LastTrade)
	// N days since the last trade: its local day is today − N. At least Min days: the
	// last trade began before the day after today − Min; at most Max: on or after
	// today − Max. A buyer without trades has NULL and fails both.
	if f.DaysSinceLast.HasMin {
		add(`c.last_trade_at < ` + q.p(localStart(today.AddDate(0, 0, int(-f.DaysSinceLast.Min)+1))))
	}
	if f.DaysSinceLast.HasMax {
		add(`c.last_trade_at >= ` + q.p(localStart(today.AddDate(0, 0, int(-f.DaysSinceLast.Max)))))
	}
	if f.Platform != "" {
		add(`c.platform = ` + q.p(string(f.Platform)))
	}
	if f.Province != "" {
		add(`c.province LIKE ` + q.p(likePrefix(f.Province)) + ` ESCAPE '\'`)
	}
	if f.City != "" {
		add(`c.city LIKE ` + q.p(likePrefix(f.City)) + ` ESCAPE '\'`)
	}
	if f.Source != "" {
		add(`c.source = ` + q.p(f.Source))
	}
	if f.Gender != data.GenderUnknown {
		add(`c.gender = ` + q.p(string(f.Gender)))
	}
	if f.BirthdayMonth > 0 {
		// "YYYY-MM-DD" or "MM-DD": the month is the two characters before the last three.
		add(`substr(c.birthday, -5, 2) = ` + q.p(fmt.Sprintf("%02d", f.BirthdayMonth)))
	}
	yesNo(add, f.OptedOut, `c.marketing_opt_out <> 0`)
	yesNo(add, f.Blacklisted, blacklistedSQL)
	yesNo(add, f.HasPhone, `c.phone <> ''`)
	yesNo(add, f.HasWeChat, `c.wechat <> ''`)
	return conds, q.args
}

// blacklistedSQL holds for a blacklisted customer row c.
const blacklistedSQL = `EXISTS (SELECT 1 FROM blacklist b WHERE b.customer_id = c.id)`

func rangeConds(q *sqlArgs, add func(string), col string, r data.Range) {
	if r.HasMin {
		add(col + ` >= ` + q.p(r.Min))
	}
	if r.HasMax {
		add(col + ` <= ` + q.p(r.Max))
	}
}

// dateConds bounds a stored UTC time column by local calendar days.
func dateConds(q *sqlArgs, add func(string), col string, d data.DateRange) {
	if !d.From.IsZero() {
		add(col + ` >= ` + q.p(localStart(d.From)))
	}
	if !d.Before.IsZero() {
		add(col + ` < ` + q.p(localStart(d.Before)))
	}
}

func yesNo(add func(string), y data.YesNo, cond string) {
	switch y {
	case data.Yes:
		add(cond)
	case data.No:
		add(`NOT ` + cond)
	}
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// likeContains is a LIKE pattern (ESCAPE '\') matching text containing s.
func likeContains(s string) string { return "%" + likeEscaper.Replace(s) + "%" }

// likePrefix is a LIKE pattern (ESCAPE '\') matching text starting with s.
func likePrefix(s string) string { return likeEscaper.Replace(strings.TrimSpace(s)) + "%" }

// CountFiltered is how many customers match f and their total value in fen: the
// "N 位客户 · ¥X" shown while a filter is edited. Sort and paging are ignored.
func (s *Store) CountFiltered(ctx context.Context, f data.CustomerFilter) (count int, totalFen int64, err error) {
	where, args, err := s.filterSQL(ctx, f)
	if err == nil {
		err = s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(c.total_fen), 0) FROM customers c`+where, args...).
			Scan(&count, &totalFen)
	}
	if err != nil {
		return 0, 0, fmt.Errorf("count customers: %w", err)
	}
	return count, totalFen, nil
}
