package data

import (
	"time"
)

// Repeats of a custom reminder.
const (
	RepeatNone    = ""
	RepeatWeekly  = "weekly"
	RepeatMonthly = "monthly"
	RepeatYearly  = "yearly"
)

// Repeats lists the repeat choices in the order the GUI offers them.
var Repeats = []string{RepeatNone, RepeatWeekly, RepeatMonthly, RepeatYearly}

// FollowUp is a custom reminder (回访提醒) on a customer: once on Due, or repeating
// from Due on.
type FollowUp struct {
	ID         int64
	CustomerID int64
	Due        time.Time // calendar date
	Repeat     string
	Note       string
}
