package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"shopcrm/data"
)

// Follow-up statuses stored in follow_ups.
const (
	statusOpen      = "open"
	statusDone      = "done"
	statusSnoozed   = "snoozed"
	statusDismissed = "dismissed"
)

// nextOccurrence is the occurrence of a repeating reminder after d.
func nextOccurrence(d time.Time, repeat string) time.Time {
	switch repeat {
	case data.RepeatWeekly:
		return d.AddDate(0, 0, 7)
	case data.RepeatMonthly:
		return d.AddDate(0, 1, 0)
	default:
		return d.AddDate(1, 0, 0)
	}
}

// CreateFollowUp stores a custom reminder.
func (s *Store) CreateFollowUp(ctx context.Context, f *data.FollowUp) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.insertFollowUp(ctx, tx, f) })
}

func (s *Store) insertFollowUp(ctx context.Context, tx *sql.Tx, f *data.FollowUp) error {
	f.Note = strings.TrimSpace(f.Note)
	switch {
	case f.Due.IsZero():
		return data.Invalid("due", data.CodeRequired)
	case len([]rune(f.Note)) > 500:
		return data.Invalid("note", data.CodeTooLong)
	case f.Repeat != data.RepeatNone && f.Repeat != data.RepeatWeekly && f.Repeat != data.RepeatMonthly && f.Repeat != data.RepeatYearly:
		return data.Invalid("repeat", data.CodeInvalid)
	}
	now := formatTime(s.now())
	res, err := tx.ExecContext(ctx, `INSERT INTO follow_ups (customer_id, kind, event_date, due_date, repeat, detail, created_at, updated_at)
		VALUES (?, 'custom', ?, ?, ?, ?, ?, ?)`, f.CustomerID, formatDate(f.Due), formatDate(f.Due), f.Repeat, f.Note, now, now)
	if err != nil {
		return fmt.Errorf("create follow-up: %w", mapForeignKey(err))
	}
	f.ID, err = res.LastInsertId()
	return err
}

// CompleteReminder marks r done. For a customer it writes the contact record c in the
// same transaction (its customer, follow-up and, for a care reminder, Care = r's kind
// are filled in); a repeating custom reminder moves on to its next occurrence.
func (s *Store) CompleteReminder(ctx context.Context, r *data.Reminder, c *data.Contact) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		id, err := s.setState(ctx, tx, r, statusDone, time.Time{})
		if err != nil || r.CustomerID == 0 || c == nil {
			return err
		}
		c.CustomerID, c.FollowUpID, c.Care = r.CustomerID, id, ""
		if r.IsCare() {
			c.Care = string(r.Kind) // a care message: it counts against the frequency cap
		}
		return s.insertContact(ctx, tx, c)
	})
}

// SnoozeReminder hides r until the calendar date until, when it is due again.
func (s *Store) SnoozeReminder(ctx context.Context, r *data.Reminder, until time.Time) error {
	if !until.After(r.Due) && !until.After(s.Today()) {
		return data.Invalid("snooze", data.CodeInvalid)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := s.setState(ctx, tx, r, statusSnoozed, until)
		return err
	})
}

// DismissReminder drops r without a contact (a repeating custom reminder moves on).
func (s *Store) DismissReminder(ctx context.Context, r *data.Reminder) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := s.setState(ctx, tx, r, statusDismissed, time.Time{})
		return err
	})
}

// setState stores the state of r's occurrence and returns the follow_ups row id.
func (s *Store) setState(ctx context.Context, tx *sql.Tx, r *data.Reminder, status string, until time.Time) (int64, error) {
	now := formatTime(s.now())
	var snoozed sql.NullString
	if !until.IsZero() {
		snoozed = sql.NullString{String: formatDate(until), Valid: true}
	}
	id, err := followUpID(ctx, tx, r)
	if err != nil {
		return 0, err
	}
	if id == 0 {
		if r.Kind == data.KindCustom {
			return 0, data.ErrNotFound
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO follow_ups (customer_id, kind, event_key, event_date, due_date,
			status, snoozed_until, detail, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			nullID(r.CustomerID), r.Kind, r.EventKey, formatDate(r.Event), formatDate(r.Due), status, snoozed, r.Detail, now, now)
		if err != nil {
			return 0, fmt.Errorf("store reminder state: %w", mapForeignKey(err))
		}
		return res.LastInsertId()
	}
	var res sql.Result
	if r.Kind == data.KindCustom && r.Repeat != data.RepeatNone && status != statusSnoozed {
		next := formatDate(nextOccurrence(r.Event, r.Repeat))
		res, err = tx.ExecContext(ctx, `UPDATE follow_ups SET status = 'open', snoozed_until = NULL, event_date = ?,
			due_date = ?, updated_at = ? WHERE id = ?`, next, next, now, id)
	} else {
		res, err = tx.ExecContext(ctx, `UPDATE follow_ups SET status = ?, snoozed_until = ?, updated_at = ? WHERE id = ?`,
			status, snoozed, now, id)
	}
	if err != nil {
		return 0, fmt.Errorf("store reminder state: %w", err)
	}
	return id, mustAffect(res)
}

// followUpID is the follow_ups row keeping r's state: its own for a custom reminder,
// the stored state of a derived one's occurrence, or 0 when a derived one has none.
func followUpID(ctx context.Context, tx *sql.Tx, r *data.Reminder) (int64, error) {
	id := r.FollowUpID
	if id == 0 && r.Kind != data.KindCustom {
		err := tx.QueryRowContext(ctx, `SELECT id FROM follow_ups WHERE coalesce(customer_id, 0) = ? AND kind = ?
			AND event_key = ? AND event_date = ?`, r.CustomerID, r.Kind, r.EventKey, formatDate(r.Event)).Scan(&id)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
	}
	return id, nil
}

// applyState drops derived reminders that were done, dismissed or snoozed (a snoozed
// one comes back through storedReminders on its day).
func (s *Store) applyState(ctx context.Context, rs []*data.Reminder) ([]*data.Reminder, error) {
	if len(rs) == 0 {
		return rs, nil
	}
	lo, hi := rs[0].Event, rs[0].Event
	for _, r := range rs {
		if r.Event.Before(lo) {
			lo = r.Event
		}
		if r.Event.After(hi) {
			hi = r.Event
		}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT coalesce(customer_id, 0), kind, event_key, event_date FROM follow_ups
		WHERE kind <> 'custom' AND status <> 'open' AND event_date BETWEEN ? AND ?`, formatDate(lo), formatDate(hi))
	if err != nil {
		return nil, err
	}
	type key struct {
		customer  int64
		kind, ek  string
		eventDate string
	}
	handled := map[key]bool{}
	err = scanRows(rows, func() error {
		var k key
		if err := rows.Scan(&k.customer, &k.kind, &k.ek, &k.eventDate); err != nil {
			return err
		}
		handled[k] = true
		return nil
	})
	if err != nil || len(handled) == 0 {
		return rs, err
	}
	out := rs[:0]
	for _, r := range rs {
		if !handled[key{r.CustomerID, string(r.Kind), r.EventKey, formatDate(r.Event)}] {
			out = append(out, r)
		}
	}
	return out, nil
}

// storedReminders are the open custom reminders due in the range (each occurrence of
// a repeating one) and the reminders whose snooze ends in the range.
func (s *Store) storedReminders(ctx context.Context, f data.ReminderFilter, rules map[data.ReminderKind]*data.ReminderRule) ([]*data.Reminder, error) {
	from, to := formatDate(f.From), formatDate(f.To)
	cond, custArgs := "", []any{}
	if f.CustomerID != 0 {
		cond, custArgs = " AND f.customer_id = ?", []any{f.CustomerID}
	}
	const cols = `f.id, coalesce(f.customer_id, 0), coalesce(c.platform, ''), coalesce(c.nick, ''), coalesce(c.name, ''),
		f.kind, f.event_key, f.event_date, f.due_date, coalesce(f.snoozed_until, ''), f.repeat, f.detail`
	var out []*data.Reminder
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`SELECT ` + cols + ` FROM follow_ups f JOIN customers c ON c.id = f.customer_id
			WHERE f.kind = 'custom' AND f.status = 'open' AND f.due_date <= ?
			AND (f.due_date >= ? OR f.repeat <> '' OR ?)` + cond, append([]any{to, from, f.OlderCustom}, custArgs...)},
		{`SELECT ` + cols + ` FROM follow_ups f LEFT JOIN customers c ON c.id = f.customer_id
			WHERE f.status = 'snoozed' AND f.snoozed_until BETWEEN ? AND ?` + cond, append([]any{from, to}, custArgs...)},
	} {
		rows, err := s.db.QueryContext(ctx, q.sql, q.args...)
		if err != nil {
			return nil, err
		}
		err = scanRows(rows, func() error {
			r := &data.Reminder{}
			var event, due, snoozed string
			if err := rows.Scan(&r.FollowUpID, &r.CustomerID, &r.Platform, &r.Nick, &r.Name, &r.Kind, &r.EventKey,
				&event, &due, &snoozed, &r.Repeat, &r.Detail); err != nil {
				return err
			}
			if rule := rules[r.Kind.RuleKind()]; rule != nil && !rule.Enabled {
				return nil
			}
			r.Event, r.Due = parseDate(event), parseDate(due)
			if snoozed != "" {
				r.Due, r.Snoozed = parseDate(snoozed), true
				out = append(out, r)
				return nil
			}
			out = append(out, occurrences(r, f)...)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// occurrences expands an open custom reminder into its occurrences due in f's range;
// the first one is kept even before the range when f asks for older ones.
func occurrences(r *data.Reminder, f data.ReminderFilter) []*data.Reminder {
	var out []*data.Reminder
	for d, i := r.Due, 0; !d.After(f.To) && i < 1000; d, i = nextOccurrence(d, r.Repeat), i+1 {
		if !d.Before(f.From) || i == 0 && f.OlderCustom {
			x := *r
			x.Due, x.Event = d, d
			out = append(out, &x)
		}
		if r.Repeat == data.RepeatNone {
			break
		}
	}
	return out
}
