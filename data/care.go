package data

import (
	"fmt"
	"time"
)

// Care messages and the frequency cap ("把握好度，避免造成骚扰"): a contact logged for
// a care reminder (birthday, holiday, anniversary, revisit, dormant, a repeating
// custom one) or sent from an outreach queue is a care message (Contact.Care); a
// buyer who had Cap.Messages of them in the last Cap.Days days is held back from
// further care reminders, outreach and message sheets until the window passes.

// SettingCareCap is the settings key of the frequency cap, "N/D" (CareCap.String).
const SettingCareCap = "care_cap"

// CareGroup is Contact.Care for a message sent to a group from an outreach queue
// (a reminder's message carries the reminder's kind).
const CareGroup = "group"

// CareCap is at most Messages care messages per buyer in any Days consecutive local
// calendar days; Messages 0 is no cap.
type CareCap struct {
	Messages, Days int
}

// DefaultCareCap is at most one care message a week.
var DefaultCareCap = CareCap{Messages: 1, Days: 7}

// maxCareCapDays bounds the cap's window (one year).
const maxCareCapDays = 366

// Validate checks 0 … 99 messages over 1 … 366 days.
func (c CareCap) Validate() error {
	if c.Messages < 0 || c.Messages > 99 || c.Days < 1 || c.Days > maxCareCapDays {
		return Invalid("care_cap", CodeInvalid)
	}
	return nil
}

// Off reports whether the cap holds nothing back.
func (c CareCap) Off() bool { return c.Messages == 0 }

// String is the stored form "N/D".
func (c CareCap) String() string { return fmt.Sprintf("%d/%d", c.Messages, c.Days) }

// ParseCareCap reads the stored form; an empty value is the default.
func ParseCareCap(s string) (CareCap, error) {
	if s == "" {
		return DefaultCareCap, nil
	}
	var c CareCap
	if n, err := fmt.Sscanf(s, "%d/%d", &c.Messages, &c.Days); err != nil || n != 2 {
		return CareCap{}, Invalid("care_cap", CodeInvalid)
	}
	return c, c.Validate()
}

// WindowStart is the first local calendar day whose care messages count against the
// cap on day today (a calendar date): the cap's Days end with today.
func (c CareCap) WindowStart(today time.Time) time.Time {
	return today.AddDate(0, 0, 1-c.Days)
}

// CarePriority orders a buyer's care reminders due on one day when the cap lets only
// some through: the once-a-year personal occasions first (they cannot wait for next
// week), then the after-sales revisit (it follows a purchase and is late after a
// week), then the seller's own repeating reminder, and the dormant win-back last (the
// buyer stays dormant; it comes back once the cap's window passes).
var CarePriority = []ReminderKind{KindBirthday, KindLunarBirthday, KindAnniversary, KindRevisit, KindCustom, KindDormant}

// CareRank is k's place in CarePriority (lower goes first).
func CareRank(k ReminderKind) int {
	for i, x := range CarePriority {
		if x == k {
			return i
		}
	}
	return len(CarePriority)
}

// CareHold says why the cap holds a care reminder back.
type CareHold struct {
	Sent     int       // care messages the buyer had in the cap's window
	LastAt   time.Time // the last one's local calendar date (zero when none)
	LastCare string    // the last one's Contact.Care: a reminder kind or CareGroup
	// First is the more important reminder of the same day that took the buyer's last
	// message under the cap; "" when the buyer was at the cap already.
	First ReminderKind
}
