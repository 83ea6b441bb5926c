package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"shopcrm/data"
	"shopcrm/data/lunar"
)

// deriver computes the reminders of each kind for a filter's due dates with indexed
// SQL per kind: nothing is stored per future occurrence.
type deriver struct {
	s     *Store
	f     data.ReminderFilter
	rules map[data.ReminderKind]*data.ReminderRule
	// targets are the rules' targetCond by kind ("" for everyone).
	targets map[data.ReminderKind]sqlCond
}

// sqlCond is a condition with its arguments.
type sqlCond struct {
	sql  string
	args []any
}

// newDeriver reads the targets of the enabled rules once for every query.
func (s *Store) newDeriver(ctx context.Context, f data.ReminderFilter, rules map[data.ReminderKind]*data.ReminderRule) (*deriver, error) {
	d := &deriver{s: s, f: f, rules: rules, targets: map[data.ReminderKind]sqlCond{}}
	for k, rule := range rules {
		if !rule.Enabled {
			continue
		}
		cond, args, err := s.targetCond(ctx, rule)
		if err != nil {
			return nil, fmt.Errorf("targets of %s reminders: %w", k, err)
		}
		d.targets[k] = sqlCond{cond, args}
	}
	return d, nil
}

// reminderCustomerCols are the customer columns every reminder carries (customerDest).
const reminderCustomerCols = `c.id, c.platform, c.nick, c.name, c.total_fen`

// customerDest are the scan destinations of reminderCustomerCols, then more.
func customerDest(r *data.Reminder, more ...any) []any {
	return append([]any{&r.CustomerID, &r.Platform, &r.Nick, &r.Name, &r.ValueFen}, more...)
}

// customerCond leaves blacklisted buyers out of a query over the customer row c (no
// care reminder of any kind goes to them), keeps the buyers kind's rule is limited
// to (targetCond) and narrows it to the filter's customer, if any.
func (d *deriver) customerCond(kind data.ReminderKind, col string, args []any) (string, []any) {
	cond := " AND NOT " + blacklistedSQL
	if t := d.targets[kind.RuleKind()]; t.sql != "" {
		cond, args = cond+" AND "+t.sql, append(args, t.args...)
	}
	if d.f.CustomerID == 0 {
		return cond, args
	}
	return cond + " AND " + col + " = ?", append(args, d.f.CustomerID)
}

// eventDays calls fn for every occasion date whose reminder, lead days ahead, is due
// in the filter's range.
func (d *deriver) eventDays(lead int, fn func(event time.Time)) {
	last := d.f.To.AddDate(0, 0, lead)
	for e := d.f.From.AddDate(0, 0, lead); !e.After(last); e = e.AddDate(0, 0, 1) {
		fn(e)
	}
}

func isLeapYear(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// birthdays: solar birthdays by month-day (Feb 29 on Feb 28 in common years) and
// lunar ones by lunar month-day. A lunar birthday is kept in the regular month: in a
// leap month (闰月) no lunar birthday falls, and a birthday on the 30th falls on the
// 29th when that month has only 29 days.
func (d *deriver) birthdays(ctx context.Context) ([]*data.Reminder, error) {
	rule := d.rules[data.KindBirthday]
	if !rule.Enabled {
		return nil, nil
	}
	solar, lun := map[string][]time.Time{}, map[string][]time.Time{}
	d.eventDays(rule.LeadDays, func(e time.Time) {
		md := e.Format("01-02")
		solar[md] = append(solar[md], e)
		if md == "02-28" && !isLeapYear(e.Year()) {
			solar["02-29"] = append(solar["02-29"], e)
		}
		l := lunar.FromSolar(e)
		if l.Leap {
			return
		}
		key := fmt.Sprintf("%02d-%02d", l.Month, l.Day)
		lun[key] = append(lun[key], e)
		if l.Day == 29 && l.MonthDays == 29 {
			key = fmt.Sprintf("%02d-30", l.Month)
			lun[key] = append(lun[key], e)
		}
	})
	out, err := d.birthdaysOf(ctx, data.KindBirthday, solar, rule.LeadDays)
	if err != nil {
		return nil, err
	}
	more, err := d.birthdaysOf(ctx, data.KindLunarBirthday, lun, rule.LeadDays)
	return append(out, more...), err
}

func (d *deriver) birthdaysOf(ctx context.Context, kind data.ReminderKind, byMonthDay map[string][]time.Time, lead int) ([]*data.Reminder, error) {
	if len(byMonthDay) == 0 {
		return nil, nil
	}
	args := []any{kind == data.KindLunarBirthday}
	marks := make([]string, 0, len(byMonthDay))
	for md := range byMonthDay {
		marks = append(marks, "?")
		args = append(args, md)
	}
	cond, args := d.customerCond(kind, "c.id", args)
	rows, err := d.s.db.QueryContext(ctx, `SELECT `+reminderCustomerCols+`, c.birthday FROM customers c
		WHERE c.birthday <> '' AND c.birthday_lunar = ? AND substr(c.birthday, -5) IN (`+strings.Join(marks, ",")+`)
		AND c.marketing_opt_out = 0`+cond, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*data.Reminder
	for rows.Next() {
		r := &data.Reminder{Kind: kind}
		if err := rows.Scan(customerDest(r, &r.Detail)...); err != nil {
			return nil, err
		}
		for _, e := range byMonthDay[r.Detail[len(r.Detail)-5:]] {
			x := *r
			x.Event, x.Due = e, e.AddDate(0, 0, -lead)
			out = append(out, &x)
		}
	}
	return out, rows.Err()
}

// holidays: one greeting per holiday for the rule's group (not per customer); the
// group is counted once every reminder is known (sizeGreetings).
func (d *deriver) holidays(ctx context.Context) ([]*data.Reminder, error) {
	rule := d.rules[data.KindHoliday]
	if !rule.Enabled || d.f.CustomerID != 0 {
		return nil, nil
	}
	var out []*data.Reminder
	for y := d.f.From.Year() - 1; y <= d.f.To.Year()+1; y++ {
		for _, h := range data.Holidays {
			e := h.Date(y)
			due := e.AddDate(0, 0, -rule.LeadDays)
			if !rule.HolidayOn(h.ID) || due.Before(d.f.From) || due.After(d.f.To) {
				continue
			}
			out = append(out, &data.Reminder{Kind: data.KindHoliday, Event: e, Due: due, EventKey: h.ID, Detail: h.ID})
		}
	}
	return out, nil
}

// targetCond is the condition, on the customer row c, that holds for the buyers a
// rule is limited to: those in one of its tiers or RFM segments (as the list rates
// them today), with one of its tags, or in its saved group (the group's filter as
// the list applies it). It is "" for a rule limited to no one in particular
// (everyone). A saved group that no longer exists matches no one (DeleteSavedGroup
// takes it out of the rules; this is only a safeguard).
func (s *Store) targetCond(ctx context.Context, rule *data.ReminderRule) (string, []any, error) {
	var conds []string
	var args []any
	if len(rule.TargetTiers) > 0 {
		tiers, err := s.Tiers(ctx)
		if err != nil {
			return "", nil, err
		}
		cond, targs := inTiersSQL(tiers, rule.TargetTiers)
		conds, args = append(conds, cond), append(args, targs...)
	}
	if len(rule.TargetTags) > 0 {
		conds = append(conds, `EXISTS (SELECT 1 FROM customer_tags ct WHERE ct.customer_id = c.id
			AND ct.tag_id IN (SELECT g.id FROM tags g WHERE g.name IN (`+placeholders(len(rule.TargetTags))+`)))`)
		for _, t := range rule.TargetTags {
			args = append(args, t)
		}
	}
	if rule.TargetGroup != 0 {
		cond, gargs, err := s.inSavedGroupSQL(ctx, rule.TargetGroup)
		if err != nil {
			return "", nil, err
		}
		conds, args = append(conds, cond), append(args, gargs...)
	}
	// The segments last: their rating is the dearest test of a row, made only when
	// the others fail (SQLite stops at the first true term of an OR).
	if len(rule.TargetSegments) > 0 {
		cond, sargs, err := s.inSegmentsSQL(ctx, rule.TargetSegments)
		if err != nil {
			return "", nil, err
		}
		conds, args = append(conds, cond), append(args, sargs...)
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return "(" + strings.Join(conds, " OR ") + ")", args, nil
}

// inSegmentsSQL holds for a customer row c in one of the RFM segments, rated as the
// customer list's Segment filter rates them today (groupConds).
func (s *Store) inSegmentsSQL(ctx context.Context, segments []data.Segment) (string, []any, error) {
	p, err := s.todayParams(ctx)
	if err != nil {
		return "", nil, err
	}
	q := &sqlArgs{}
	expr := newRFMSQL(p).segment(q)
	marks := make([]string, len(segments))
	for i, g := range segments {
		if !g.Valid() {
			return "", nil, data.Invalid("segment", data.CodeInvalid)
		}
		marks[i] = q.p(g.Bits())
	}
	return expr + " IN (" + strings.Join(marks, ",") + ")", q.args, nil
}

// inSavedGroupSQL holds for a customer row c in saved group id: its filter's own
// conditions (filterSQL) on the row, tested per row the query meets — a birthday
// query meets a few hundred — rather than the group worked out over every customer
// for each query.
func (s *Store) inSavedGroupSQL(ctx context.Context, id int64) (string, []any, error) {
	g, err := s.SavedGroup(ctx, id)
	if errors.Is(err, data.ErrNotFound) {
		return "0", nil, nil
	} else if err != nil {
		return "", nil, err
	}
	where, args, err := s.filterSQL(ctx, g.Filter)
	if err != nil {
		return "", nil, fmt.Errorf("saved group %d: %w", id, err)
	}
	if where == "" {
		return "1", nil, nil // a group of every customer
	}
	return "(" + strings.TrimPrefix(where, " WHERE ") + ")", args, nil
}

// inTiersSQL holds for a customer row c in one of the named tiers: its rule holds and
// no higher tier's does. Written out from the tier table, it costs a few comparisons
// a row instead of a subquery over the tiers.
func inTiersSQL(tiers []*data.Tier, names []string) (string, []any) {
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	match := func(t *data.Tier) (string, []any) {
		var parts []string
		var args []any
		if t.MinTrades != nil {
			parts, args = append(parts, "c.trade_count >= ?"), append(args, *t.MinTrades)
		}
		if t.MinTotalFen != nil {
			parts, args = append(parts, "c.total_fen >= ?"), append(args, *t.MinTotalFen)
		}
		if len(parts) == 0 {
			return "1", nil
		}
		return "(" + strings.Join(parts, " OR ") + ")", args
	}
	var ors []string
	var args []any
	for i, t := range tiers { // lowest rank first
		if !want[t.Name] {
			continue
		}
		cond, a := match(t)
		args = append(args, a...)
		for _, higher := range tiers[i+1:] {
			hc, ha := match(higher)
			cond += " AND NOT " + hc
			args = append(args, ha...)
		}
		ors = append(ors, "("+cond+")")
	}
	if len(ors) == 0 {
		return "0", nil
	}
	return "(" + strings.Join(ors, " OR ") + ")", args
}

func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?,", n), ",") }

// anniversaries: the local calendar day of the first counting trade, in each later
// year (a first trade on Feb 29 is remembered on Feb 28 in common years). Each year
// is one indexed range of first_trade_at.
func (d *deriver) anniversaries(ctx context.Context) ([]*data.Reminder, error) {
	rule := d.rules[data.KindAnniversary]
	if !rule.Enabled {
		return nil, nil
	}
	var first sql.NullString
	if err := d.s.db.QueryRowContext(ctx, `SELECT min(first_trade_at) FROM customers`).Scan(&first); err != nil || !first.Valid {
		return nil, err
	}
	minYear := data.Date(parseTime(first.String)).Year()
	type span struct {
		lo, hi string
		event  time.Time
	}
	var spans []span
	d.eventDays(rule.LeadDays, func(e time.Time) {
		for y := minYear; y < e.Year(); y++ {
			days := []time.Time{time.Date(y, e.Month(), e.Day(), 0, 0, 0, 0, time.UTC)}
			if e.Month() == time.February && e.Day() == 28 && !isLeapYear(e.Year()) && isLeapYear(y) {
				days = append(days, time.Date(y, time.February, 29, 0, 0, 0, 0, time.UTC))
			}
			for _, day := range days {
				if day.Day() != e.Day() && day.Day() != 29 { // Feb 29 of a common year does not exist
					continue
				}
				spans = append(spans, span{localStart(day), localStart(day.AddDate(0, 0, 1)), e})
			}
		}
	})
	var out []*data.Reminder
	const chunk = 2000 // 3 parameters each, well under SQLite's limit
	for len(spans) > 0 {
		part := spans[:min(chunk, len(spans))]
		spans = spans[len(part):]
		values := make([]string, len(part))
		var args []any
		for i, sp := range part {
			values[i] = "(?, ?, ?)"
			args = append(args, sp.lo, sp.hi, formatDate(sp.event))
		}
		cond, args := d.customerCond(data.KindAnniversary, "c.id", args)
		rows, err := d.s.db.QueryContext(ctx, `WITH r(lo, hi, ev) AS (VALUES `+strings.Join(values, ",")+`)
			SELECT `+reminderCustomerCols+`, r.ev, c.first_trade_at FROM r
			JOIN customers c ON c.first_trade_at >= r.lo AND c.first_trade_at < r.hi
			WHERE c.marketing_opt_out = 0`+cond, args...)
		if err != nil {
			return nil, err
		}
		err = scanRows(rows, func() error {
			r := &data.Reminder{Kind: data.KindAnniversary}
			var ev, firstAt string
			if err := rows.Scan(customerDest(r, &ev, &firstAt)...); err != nil {
				return err
			}
			firstDay := data.Date(parseTime(firstAt))
			r.Event = parseDate(ev)
			r.Due = r.Event.AddDate(0, 0, -rule.LeadDays)
			r.Detail, r.Years = formatDate(firstDay), r.Event.Year()-firstDay.Year()
			out = append(out, r)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// scanRows calls fn for each row, closes the rows and reports any error.
func scanRows(rows *sql.Rows, fn func() error) error {
	defer rows.Close()
	for rows.Next() {
		if err := fn(); err != nil {
			return err
		}
	}
	return rows.Err()
}

// revisits: an after-sales revisit AfterDays after each counting trade; a customer's
// trades of one day make one revisit listing their goods.
func (d *deriver) revisits(ctx context.Context) ([]*data.Reminder, error) {
	rule := d.rules[data.KindRevisit]
	if !rule.Enabled {
		return nil, nil
	}
	shift := rule.LeadDays - rule.AfterDays
	args := []any{localStart(d.f.From.AddDate(0, 0, shift)), localStart(d.f.To.AddDate(0, 0, shift+1))}
	cond, args := d.customerCond(data.KindRevisit, "t.customer_id", args)
	rows, err := d.s.db.QueryContext(ctx, `SELECT `+reminderCustomerCols+`, t.traded_at, t.goods
		FROM trades t JOIN customers c ON c.id = t.customer_id
		WHERE t.traded_at >= ? AND t.traded_at < ? AND `+countsSQL+cond, args...)
	if err != nil {
		return nil, err
	}
	type key struct {
		customer int64
		event    time.Time
	}
	var out []*data.Reminder
	seen := map[key]*data.Reminder{}
	err = scanRows(rows, func() error {
		r := &data.Reminder{Kind: data.KindRevisit}
		var at, goods string
		if err := rows.Scan(customerDest(r, &at, &goods)...); err != nil {
			return err
		}
		r.Event = data.Date(parseTime(at)).AddDate(0, 0, rule.AfterDays)
		if same := seen[key{r.CustomerID, r.Event}]; same != nil {
			if goods != "" && !strings.Contains(same.Detail, goods) {
				same.Detail = strings.TrimPrefix(same.Detail+"；"+goods, "；")
			}
			return nil
		}
		r.Due, r.Detail = r.Event.AddDate(0, 0, -rule.LeadDays), goods
		seen[key{r.CustomerID, r.Event}] = r
		out = append(out, r)
		return nil
	})
	return out, err
}

// dormant: a buyer becomes dormant the day their last activity — the later of the
// last counting trade and the last contact record — is DormantDays old.
func (d *deriver) dormant(ctx context.Context) ([]*data.Reminder, error) {
	rule := d.rules[data.KindDormant]
	if !rule.Enabled {
		return nil, nil
	}
	days, err := d.s.DormantDays(ctx)
	if err != nil {
		return nil, err
	}
	shift := rule.LeadDays - days
	lo, hi := localStart(d.f.From.AddDate(0, 0, shift)), localStart(d.f.To.AddDate(0, 0, shift+1))
	byTrade, byTradeArgs := d.customerCond(data.KindDormant, "c.id", []any{lo, hi})
	byContact, byContactArgs := d.customerCond(data.KindDormant, "c.id", []any{lo, hi, hi})
	var out []*data.Reminder
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`SELECT ` + reminderCustomerCols + `, c.last_trade_at FROM customers c
			WHERE c.last_trade_at >= ? AND c.last_trade_at < ? AND c.marketing_opt_out = 0
			AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.customer_id = c.id AND k.contacted_at > c.last_trade_at)` + byTrade, byTradeArgs},
		{`SELECT ` + reminderCustomerCols + `, max(k.contacted_at) FROM contacts k JOIN customers c ON c.id = k.customer_id
			WHERE k.contacted_at >= ? AND k.contacted_at < ? AND c.trade_count > 0 AND c.marketing_opt_out = 0
			AND k.contacted_at > c.last_trade_at
			AND NOT EXISTS (SELECT 1 FROM contacts k2 WHERE k2.customer_id = c.id AND k2.contacted_at >= ?)` + byContact + `
			GROUP BY c.id`, byContactArgs},
	} {
		rows, err := d.s.db.QueryContext(ctx, q.sql, q.args...)
		if err != nil {
			return nil, err
		}
		err = scanRows(rows, func() error {
			r := &data.Reminder{Kind: data.KindDormant}
			var at string
			if err := rows.Scan(customerDest(r, &at)...); err != nil {
				return err
			}
			active := data.Date(parseTime(at))
			r.Event = active.AddDate(0, 0, days)
			r.Due, r.Detail = r.Event.AddDate(0, 0, -rule.LeadDays), formatDate(active)
			out = append(out, r)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
