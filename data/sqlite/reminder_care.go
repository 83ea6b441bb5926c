package sqlite

import (
	"context"
	"fmt"
	"sort"
	"time"

	"shopcrm/data"
)

// Targeted care and the frequency cap over the derived and stored reminders (issue
// 19). The derivers put the rules' targets and the blacklist into their SQL; the
// stored reminders (repeating custom ones, snoozed ones) are few and checked here; the
// cap is applied last, over every care reminder of the asked days.

// keepTargeted drops the stored care reminders whose buyer is blacklisted or outside
// the targets of the reminder's rule (a snoozed birthday of a buyer taken out of the
// birthday targets since stays away). One-off custom reminders and holiday greetings
// (a group, counted with the targets) pass as they are.
func (d *deriver) keepTargeted(ctx context.Context, rs []*data.Reminder) ([]*data.Reminder, error) {
	type key struct {
		kind data.ReminderKind
		id   int64
	}
	ids := map[data.ReminderKind][]any{}
	asked := map[key]bool{}
	for _, r := range rs {
		if k := (key{r.Kind.RuleKind(), r.CustomerID}); r.CustomerID != 0 && r.IsCare() && !asked[k] {
			asked[k] = true
			ids[k.kind] = append(ids[k.kind], r.CustomerID)
		}
	}
	ok := map[key]bool{}
	const chunk = 500 // well under SQLite's limit of parameters
	for k, list := range ids {
		for len(list) > 0 {
			part := list[:min(chunk, len(list))]
			list = list[len(part):]
			cond, args := d.customerCond(k, "c.id", append([]any(nil), part...))
			rows, err := d.s.db.QueryContext(ctx, `SELECT c.id FROM customers c WHERE c.id IN (`+placeholders(len(part))+`)`+cond, args...)
			if err != nil {
				return nil, err
			}
			err = scanRows(rows, func() error {
				var id int64
				err := rows.Scan(&id)
				ok[key{k, id}] = true
				return err
			})
			if err != nil {
				return nil, err
			}
		}
	}
	out := rs[:0]
	for _, r := range rs {
		if r.CustomerID == 0 || !r.IsCare() || ok[key{r.Kind.RuleKind(), r.CustomerID}] {
			out = append(out, r)
		}
	}
	return out, nil
}

// careDay is the day the cap judges r on: its due day, or today for one overdue (it
// can only be sent now). Reminders of later days are judged on their own day by the
// care messages logged so far: the cap counts messages sent, not reminders still to
// do, so a buyer's birthday in three days holds back nothing until it is done.
func careDay(r *data.Reminder, today time.Time) time.Time {
	if r.Due.Before(today) {
		return today
	}
	return r.Due
}

// careMessage is one logged care message: its local calendar day and what it was.
type careMessage struct {
	day  time.Time
	care string
}

// careMessagesSince reads the care messages of the buyers in want logged on or after
// local day from, oldest first, in one pass over the partial index contacts_care
// (care messages are few: one per handled care reminder or outreach).
func (s *Store) careMessagesSince(ctx context.Context, from time.Time, want map[int64]bool) (map[int64][]careMessage, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT customer_id, contacted_at, care FROM contacts
		WHERE care <> '' AND contacted_at >= ? ORDER BY contacted_at`, localStart(from))
	if err != nil {
		return nil, err
	}
	out := map[int64][]careMessage{}
	err = scanRows(rows, func() error {
		var id int64
		var at, care string
		if err := rows.Scan(&id, &at, &care); err != nil {
			return err
		}
		if want[id] {
			out[id] = append(out[id], careMessage{data.Date(parseTime(at)), care})
		}
		return nil
	})
	return out, err
}

// holdBack applies the frequency cap to rs: for each buyer and day (careDay), the
// care messages already logged in the cap's window leave cap.Messages − sent of the
// buyer's care reminders of that day, taken in data.CarePriority order (then by due
// date); the others get Held. Nothing is held when the cap is off.
func (s *Store) holdBack(ctx context.Context, rs []*data.Reminder, cap data.CareCap, today time.Time) error {
	if cap.Off() {
		return nil
	}
	type key struct {
		id  int64
		day time.Time
	}
	groups := map[key][]*data.Reminder{}
	want := map[int64]bool{}
	earliest := time.Time{}
	for _, r := range rs {
		if r.CustomerID == 0 || !r.IsCare() {
			continue
		}
		k := key{r.CustomerID, careDay(r, today)}
		groups[k] = append(groups[k], r)
		want[r.CustomerID] = true
		if earliest.IsZero() || k.day.Before(earliest) {
			earliest = k.day
		}
	}
	if len(groups) == 0 {
		return nil
	}
	sent, err := s.careMessagesSince(ctx, cap.WindowStart(earliest), want)
	if err != nil {
		return fmt.Errorf("care messages: %w", err)
	}
	for k, g := range groups {
		hold := data.CareHold{}
		from := cap.WindowStart(k.day)
		for _, m := range sent[k.id] {
			if !m.day.Before(from) {
				hold.Sent++
				hold.LastAt, hold.LastCare = m.day, m.care
			}
		}
		left := cap.Messages - hold.Sent
		if left >= len(g) {
			continue
		}
		sort.SliceStable(g, func(i, j int) bool {
			if a, b := data.CareRank(g[i].Kind), data.CareRank(g[j].Kind); a != b {
				return a < b
			}
			return g[i].Due.Before(g[j].Due)
		})
		for i := max(left, 0); i < len(g); i++ {
			h := hold
			if left > 0 {
				h.First = g[left-1].Kind
			}
			g[i].Held = &h
		}
	}
	return nil
}

// holidayGroup counts whom a holiday greeting goes to: the rule's targets
// (targetCond), never those who opted out of marketing nor blacklisted buyers. capped
// counts those of them the frequency cap holds back on each of days (cappedCond);
// the greeting of a day goes to all − capped.
func (s *Store) holidayGroup(ctx context.Context, rule *data.ReminderRule, cap data.CareCap, days []time.Time) (all int, capped map[time.Time]int, err error) {
	cond, args, err := s.targetCond(ctx, rule)
	if err != nil {
		return 0, nil, err
	}
	where := "c.marketing_opt_out = 0 AND NOT " + blacklistedSQL
	if cond != "" {
		where += " AND " + cond
	}
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM customers c WHERE `+where, args...).Scan(&all); err != nil {
		return 0, nil, err
	}
	capped = map[time.Time]int{}
	for _, day := range days {
		cappedSQL, cargs := cappedCond(cap, day)
		if cappedSQL == "" || all == 0 {
			continue
		}
		var n int
		err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM customers c WHERE `+cappedSQL+` AND `+where,
			append(cargs, args...)...).Scan(&n)
		if err != nil {
			return 0, nil, err
		}
		capped[day] = n
	}
	return all, capped, nil
}

// sizeGreetings sets the group of every holiday greeting in rs (judged on its careDay)
// and drops those to no one at all ("问候 0 位客户" on an empty archive); a greeting
// whose whole group is capped stays, held back, so that the seller is told.
func (s *Store) sizeGreetings(ctx context.Context, rs []*data.Reminder, rule *data.ReminderRule, cap data.CareCap, today time.Time) ([]*data.Reminder, error) {
	var days []time.Time
	seen := map[time.Time]bool{}
	for _, r := range rs {
		if day := careDay(r, today); r.Kind == data.KindHoliday && !seen[day] {
			seen[day] = true
			days = append(days, day)
		}
	}
	if len(days) == 0 {
		return rs, nil
	}
	all, capped, err := s.holidayGroup(ctx, rule, cap, days)
	if err != nil {
		return nil, err
	}
	out := rs[:0]
	for _, r := range rs {
		if r.Kind != data.KindHoliday {
			out = append(out, r)
			continue
		}
		r.GroupCapped = capped[careDay(r, today)]
		r.GroupSize = all - r.GroupCapped
		switch {
		case r.GroupSize > 0:
			out = append(out, r)
		case r.GroupCapped > 0:
			r.Held = &data.CareHold{}
			out = append(out, r)
		}
	}
	return out, nil
}
