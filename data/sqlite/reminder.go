package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"time"

	"shopcrm/data"
)

// Today is the store clock's calendar day.
func (s *Store) Today() time.Time { return data.Date(s.Now()) }

// localStart is the stored (UTC) time at which local calendar day d begins.
func localStart(d time.Time) string {
	return formatTime(time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.Local))
}

func formatDate(d time.Time) string { return d.Format(data.DateLayout) }

func parseDate(s string) time.Time {
	t, err := time.ParseInLocation(data.DateLayout, s, time.UTC)
	if err != nil {
		return time.Time{}
	}
	return t
}

// Reminders derives the reminders due in f's range, applies their stored state (done
// and dismissed ones are gone, snoozed ones come back on their day) and adds custom
// reminders, keeping each kind to its rule's targets. Care reminders the frequency
// cap holds back are kept, with Held set. They come sorted by due date, kind, the
// customer's value (most valuable first) and name.
func (s *Store) Reminders(ctx context.Context, f data.ReminderFilter) ([]*data.Reminder, error) {
	return s.reminders(ctx, f, nil)
}

// reminders is Reminders leaving out, before the frequency cap is applied, those for
// which skip (if any) holds: a reminder never shown takes no buyer's place under the
// cap.
func (s *Store) reminders(ctx context.Context, f data.ReminderFilter, skip func(*data.Reminder) bool) ([]*data.Reminder, error) {
	if f.To.Before(f.From) {
		return nil, nil
	}
	rules, err := s.ReminderRules(ctx)
	if err != nil {
		return nil, err
	}
	d, err := s.newDeriver(ctx, f, rules)
	if err != nil {
		return nil, err
	}
	var out []*data.Reminder
	for _, step := range []func(context.Context) ([]*data.Reminder, error){
		d.birthdays, d.holidays, d.anniversaries, d.revisits, d.dormant,
	} {
		rs, err := step(ctx)
		if err != nil {
			return nil, fmt.Errorf("derive reminders: %w", err)
		}
		out = append(out, rs...)
	}
	if out, err = s.applyState(ctx, out); err != nil {
		return nil, fmt.Errorf("reminder state: %w", err)
	}
	stored, err := s.storedReminders(ctx, f, rules)
	if err == nil {
		stored, err = d.keepTargeted(ctx, stored)
	}
	if err != nil {
		return nil, fmt.Errorf("stored reminders: %w", err)
	}
	out = append(out, stored...)
	if skip != nil {
		kept := out[:0]
		for _, r := range out {
			if !skip(r) {
				kept = append(kept, r)
			}
		}
		out = kept
	}
	if out, err = s.applyCare(ctx, out, rules); err != nil {
		return nil, fmt.Errorf("frequency cap: %w", err)
	}
	if err := s.nameTheNameless(ctx, out); err != nil {
		return nil, err
	}
	sortReminders(out)
	return out, nil
}

// applyCare sizes the holiday greetings' groups and holds back what the frequency cap
// does not let through, judged from the store's today.
func (s *Store) applyCare(ctx context.Context, rs []*data.Reminder, rules map[data.ReminderKind]*data.ReminderRule) ([]*data.Reminder, error) {
	cap, err := s.CareCap(ctx)
	if err != nil {
		return nil, err
	}
	today := s.Today()
	if rs, err = s.sizeGreetings(ctx, rs, rules[data.KindHoliday], cap, today); err != nil {
		return nil, err
	}
	return rs, s.holdBack(ctx, rs, cap, today)
}

// nameTheNameless gives a reminder of a customer without nick and name the name the
// customer is shown by (their masked phone, a masked nick): such a customer is
// known by nothing else (data.Customer.DisplayName).
func (s *Store) nameTheNameless(ctx context.Context, rs []*data.Reminder) error {
	for _, r := range rs {
		if r.CustomerID == 0 || r.Nick != "" || r.Name != "" {
			continue
		}
		c, err := scanCustomer(s.db.QueryRowContext(ctx, customerByIDSQL, r.CustomerID))
		if err != nil {
			return fmt.Errorf("reminder's customer: %w", mapError(err))
		}
		r.Name = c.DisplayName()
	}
	return nil
}

// Agenda collects the reminders around today, looking ahead the given days.
func (s *Store) Agenda(ctx context.Context, today time.Time, ahead int) (*data.Agenda, error) {
	since, err := s.firstImportDay(ctx)
	if err != nil {
		return nil, err
	}
	// An occasion before the archive's first import: the seller could not have acted
	// on it, and an old archive would flood 逾期 with them.
	beforeImport := func(r *data.Reminder) bool {
		return r.Due.Before(today) && r.Kind != data.KindCustom && r.Event.Before(since)
	}
	all, err := s.reminders(ctx, data.ReminderFilter{From: today.AddDate(0, 0, -data.OverdueDays), To: today.AddDate(0, 0, ahead), OlderCustom: true}, beforeImport)
	if err != nil {
		return nil, err
	}
	a := &data.Agenda{}
	for _, r := range all {
		switch {
		case r.Held != nil:
			a.Held = append(a.Held, r)
		case r.Due.Before(today):
			a.Overdue = append(a.Overdue, r)
		case r.Due.Equal(today):
			a.Today = append(a.Today, r)
		default:
			a.Upcoming = append(a.Upcoming, r)
		}
	}
	return a, nil
}

// firstImportDay is the local day of the archive's first import still in place; the
// zero time when there is none.
func (s *Store) firstImportDay(ctx context.Context) (time.Time, error) {
	var at sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT min(imported_at) FROM import_batches WHERE reverted_at IS NULL`).Scan(&at); err != nil || !at.Valid {
		return time.Time{}, err
	}
	return data.Date(parseTime(at.String)), nil
}

func kindRank(k data.ReminderKind) int {
	for i, x := range data.ReminderKinds {
		if x == k {
			return i
		}
	}
	return len(data.ReminderKinds)
}

func sortReminders(rs []*data.Reminder) {
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if !a.Due.Equal(b.Due) {
			return a.Due.Before(b.Due)
		}
		if a.Kind != b.Kind {
			return kindRank(a.Kind) < kindRank(b.Kind)
		}
		if a.ValueFen != b.ValueFen {
			return a.ValueFen > b.ValueFen
		}
		if a.DisplayName() != b.DisplayName() {
			return a.DisplayName() < b.DisplayName()
		}
		if a.CustomerID != b.CustomerID {
			return a.CustomerID < b.CustomerID
		}
		return a.FollowUpID < b.FollowUpID
	})
}
