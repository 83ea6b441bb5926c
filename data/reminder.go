package data

import (
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

// RuleKind is the rule that governs a kind (lunar birthdays follow the birthday rule).
func (k ReminderKind) RuleKind() ReminderKind {
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
	ValueFen   int64 // the customer's total value: reminders of a kind list the most valuable first

	// Detail is the occasion's fact: the birthday as stored, the holiday id, the first
	// trade's date, the goods of the trades to revisit, the last activity date of a
	// dormant buyer, or a custom reminder's note.
	Detail    string
	Years     int // anniversary: whole years since the first trade
	GroupSize int // holiday: customers in the greeted group, capped ones left out
	// GroupCapped (holiday) are the group's buyers the frequency cap leaves out.
	GroupCapped int
	Repeat      string // custom: '', 'weekly', 'monthly', 'yearly'

	// FollowUpID is the stored row behind a custom or snoozed reminder (0: only derived).
	FollowUpID int64
	Snoozed    bool // back from a snooze

	// Held is set when the frequency cap holds the reminder back on its day (a holiday
	// greeting: when the cap leaves out its whole group).
	Held *CareHold
}

// IsCare reports whether handling r sends a care message (care.go), which the
// frequency cap limits and the rules' targets narrow: every derived kind and a
// repeating custom reminder. A one-off custom reminder is the seller's own task.
func (r *Reminder) IsCare() bool { return r.Kind != KindCustom || r.Repeat != RepeatNone }

// SortByValue orders reminders of one kind for the list: the most valuable buyers
// first (total value), then by name, then by due date.
func SortByValue(rs []*Reminder) {
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if a.ValueFen != b.ValueFen {
			return a.ValueFen > b.ValueFen
		}
		if a.DisplayName() != b.DisplayName() {
			return a.DisplayName() < b.DisplayName()
		}
		return a.Due.Before(b.Due)
	})
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

// Agenda is the 提醒 view on day today: overdue (the last OverdueDays days, and every
// open custom reminder before), due today, and the next days; Held are the reminders
// of those days the frequency cap holds back (not counted as due).
type Agenda struct {
	Overdue, Today, Upcoming []*Reminder
	Held                     []*Reminder
}

// DueCount is the number of reminders to handle on today: overdue and due.
func (a *Agenda) DueCount() int { return len(a.Overdue) + len(a.Today) }
