package data

import (
	"context"
	"fmt"
	"sort"
	"time"
)

// ReminderKind is what a reminder is about; the values are PRODUCT.md's CLI kinds.
type ReminderKind string

// Reminder kinds.
const (
	KindBirthday      ReminderKind = "birthday"
	KindLunarBirthday ReminderKind = "lunar_birthday"
	KindHoliday       ReminderKind = "holiday"
	KindAnniversary   ReminderKind = "anniversary"
	KindRevisit       ReminderKind = "revisit"
	KindDormant       ReminderKind = "dormant"
	KindCustom        ReminderKind = "custom"
)

// ReminderKinds lists the kinds in the order reminders are grouped.
var ReminderKinds = []ReminderKind{KindCustom, KindBirthday, KindLunarBirthday, KindHoliday, KindRevisit,
	KindAnniversary, KindDormant}

// ruleKind is the rule that governs a kind (lunar birthdays follow the birthday rule).
func (k ReminderKind) ruleKind() ReminderKind {
	if k == KindLunarBirthday {
		return KindBirthday
	}
	return k
}

// OverdueDays is how far back missed derived reminders stay in the overdue list; an
// open custom reminder stays there until it is handled.
const OverdueDays = 7

// Reminder is one thing to do on a day. Derived reminders (birthdays, holidays,
// anniversaries, revisits, dormant buyers) are computed from customers and trades for
// the asked dates; only their state and custom reminders are stored.
type Reminder struct {
	Kind     ReminderKind
	Due      time.Time // calendar date (UTC midnight) the reminder shows
	Event    time.Time // calendar date of the occasion; Due = Event − lead days
	EventKey string    // which occasion on that date: the holiday id, or "" for one per customer

	CustomerID int64 // 0 for a holiday greeting to a group
	Platform   Platform
	Nick       string
	Name       string

	// Detail is the occasion's fact: the birthday as stored, the holiday id, the first
	// trade's date, the goods of the trades to revisit, the last activity date of a
	// dormant buyer, or a custom reminder's note.
	Detail    string
	Years     int    // anniversary: whole years since the first trade
	GroupSize int    // holiday: customers in the greeted group
	Repeat    string // custom: '', 'weekly', 'monthly', 'yearly'

	// FollowUpID is the stored row behind a custom or snoozed reminder (0: only derived).
	FollowUpID int64
	Snoozed    bool // back from a snooze
}

// DisplayName is the customer's nick, or the real name when there is no nick.
func (r *Reminder) DisplayName() string {
	if r.Nick != "" {
		return r.Nick
	}
	return r.Name
}

// ReminderFilter picks reminders by due date (From … To, inclusive calendar dates)
// and optionally one customer.
type ReminderFilter struct {
	From, To   time.Time
	CustomerID int64
	// OlderCustom also takes open custom reminders due before From (the overdue list).
	OlderCustom bool
}

// Date is the calendar day of t in the local zone, as UTC midnight (how reminders
// carry dates).
func Date(t time.Time) time.Time {
	l := t.In(time.Local)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC)
}

// Today is the store clock's calendar day.
func (s *Store) Today() time.Time { return Date(s.Now()) }

// localStart is the stored (UTC) time at which local calendar day d begins.
func localStart(d time.Time) string {
	return formatTime(time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.Local))
}

func formatDate(d time.Time) string { return d.Format(DateLayout) }

func parseDate(s string) time.Time {
	t, err := time.ParseInLocation(DateLayout, s, time.UTC)
	if err != nil {
		return time.Time{}
	}
	return t
}

// Reminders derives the reminders due in f's range, applies their stored state (done
// and dismissed ones are gone, snoozed ones come back on their day) and adds custom
// reminders. They come sorted by due date, kind and customer.
func (s *Store) Reminders(ctx context.Context, f ReminderFilter) ([]*Reminder, error) {
	if f.To.Before(f.From) {
		return nil, nil
	}
	rules, err := s.ReminderRules(ctx)
	if err != nil {
		return nil, err
	}
	d := deriver{s: s, f: f, rules: rules}
	var out []*Reminder
	for _, step := range []func(context.Context) ([]*Reminder, error){
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
	if err != nil {
		return nil, fmt.Errorf("stored reminders: %w", err)
	}
	out = append(out, stored...)
	sortReminders(out)
	return out, nil
}

// Agenda is the 提醒 view on day today: overdue (the last OverdueDays days, and every
// open custom reminder before), due today, and the next days.
type Agenda struct {
	Overdue, Today, Upcoming []*Reminder
}

// Agenda collects the reminders around today, looking ahead the given days.
func (s *Store) Agenda(ctx context.Context, today time.Time, ahead int) (*Agenda, error) {
	all, err := s.Reminders(ctx, ReminderFilter{From: today.AddDate(0, 0, -OverdueDays), To: today.AddDate(0, 0, ahead), OlderCustom: true})
	if err != nil {
		return nil, err
	}
	a := &Agenda{}
	for _, r := range all {
		switch {
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

// DueCount is the number of reminders to handle on today: overdue and due.
func (a *Agenda) DueCount() int { return len(a.Overdue) + len(a.Today) }

func kindRank(k ReminderKind) int {
	for i, x := range ReminderKinds {
		if x == k {
			return i
		}
	}
	return len(ReminderKinds)
}

func sortReminders(rs []*Reminder) {
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if !a.Due.Equal(b.Due) {
			return a.Due.Before(b.Due)
		}
		if a.Kind != b.Kind {
			return kindRank(a.Kind) < kindRank(b.Kind)
		}
		if a.DisplayName() != b.DisplayName() {
			return a.DisplayName() < b.DisplayName()
		}
		return a.CustomerID < b.CustomerID
	})
}
