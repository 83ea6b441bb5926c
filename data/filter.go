package data

import "time"

// CustomerSort names a column the customer list can be sorted by.
type CustomerSort string

// Sortable customer columns.
const (
	SortCreated   CustomerSort = ""
	SortNick      CustomerSort = "nick"
	SortName      CustomerSort = "name"
	SortPhone     CustomerSort = "phone"
	SortCity      CustomerSort = "city"
	SortTrades    CustomerSort = "trades"
	SortTotal     CustomerSort = "total"
	SortLastTrade CustomerSort = "last_trade"
	SortTier      CustomerSort = "tier"
)

// CustomerFilter selects and orders customers for a list.
type CustomerFilter struct {
	// Query matches, case-insensitively, any part of nick, name, phone, email,
	// address or city; several words must all match.
	Query string
	// Tag keeps customers with this manual tag; Tier keeps those in the tier with this
	// stored name ("tier.vip" or a name the seller typed).
	Tag  string
	Tier string
	// Segment keeps the customers in this RFM segment today; Dormant keeps dormant buyers.
	Segment Segment
	Dormant bool

	// Goods keeps buyers with a counting trade whose goods text contains it as typed
	// (spaces between words collapsed, letters in any case): "红茶 罐装" is one
	// phrase, not two words that could come from two items of one order.
	Goods string
	// Trades, TotalFen and AverageFen bound the counting trades, their total and the
	// average order value (a buyer without trades has no average and fails a bound on
	// it); DaysSinceLast bounds the local calendar days since the last counting trade
	// (a buyer without trades fails it).
	Trades, TotalFen, AverageFen, DaysSinceLast Range
	// FirstTrade and LastTrade bound the local day of the first and last counting trade.
	FirstTrade, LastTrade DateRange
	// Platform, Gender and Source keep equal values; Province and City keep values that
	// start with the text ("浙江" keeps 浙江省).
	Platform       Platform
	Province, City string
	Source         string
	Gender         Gender
	// BirthdayMonth (1–12, 0: any) keeps birthdays in that month, a lunar birthday by
	// its lunar month.
	BirthdayMonth int
	// OptedOut, Blacklisted, HasPhone and HasWeChat ask yes-or-no questions.
	OptedOut, Blacklisted, HasPhone, HasWeChat YesNo

	Sort   CustomerSort
	Desc   bool
	Limit  int // 0: no limit
	Offset int
}

// Range is an optional lower and upper bound, both inclusive; a bound applies only
// when its Has flag is set (0 is a bound like any other: at most 0 trades).
type Range struct {
	Min, Max       int64
	HasMin, HasMax bool
}

// AtLeast returns r with the lower bound v.
func (r Range) AtLeast(v int64) Range { r.Min, r.HasMin = v, true; return r }

// AtMost returns r with the upper bound v.
func (r Range) AtMost(v int64) Range { r.Max, r.HasMax = v, true; return r }

// Set reports whether either bound applies.
func (r Range) Set() bool { return r.HasMin || r.HasMax }

func (r Range) validate(field string) error {
	if (r.HasMin && r.Min < 0) || (r.HasMax && r.Max < 0) || (r.HasMin && r.HasMax && r.Min > r.Max) {
		return Invalid(field, CodeInvalid)
	}
	return nil
}

// DateRange is an optional span of local calendar days: From (on or after that day)
// and Before (before that day, not on it); a zero time does not apply. Only the
// year, month and day of each end count (data.Date values, or any time on that day).
type DateRange struct {
	From, Before time.Time
}

// calendarDay is t's year, month and day as UTC midnight.
func calendarDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// YesNo is a filter's answer to a yes-or-no question about a customer: Any keeps
// everyone, Yes those for whom it holds, No the others.
type YesNo int8

// YesNo answers.
const (
	Any YesNo = iota
	Yes
	No
)

// maxFilterDays is the most days since the last trade a filter may ask for (100 years).
const maxFilterDays = 36500

// Validate checks the filter's bounds: no negative bound, no lower bound above its
// upper one, days since the last trade up to 100 years, a birthday month from 1 to
// 12, a known platform and gender.
func (f *CustomerFilter) Validate() error {
	for _, r := range []struct {
		name string
		r    Range
	}{{"trades", f.Trades}, {"total", f.TotalFen}, {"average", f.AverageFen}, {"days", f.DaysSinceLast}} {
		if err := r.r.validate(r.name); err != nil {
			return err
		}
	}
	if d := f.DaysSinceLast; (d.HasMin && d.Min > maxFilterDays) || (d.HasMax && d.Max > maxFilterDays) {
		return Invalid("days", CodeInvalid)
	}
	for _, d := range []struct {
		name string
		d    DateRange
	}{{"first_trade", f.FirstTrade}, {"last_trade", f.LastTrade}} {
		if !d.d.From.IsZero() && !d.d.Before.IsZero() && !calendarDay(d.d.From).Before(calendarDay(d.d.Before)) {
			return Invalid(d.name, CodeInvalid)
		}
	}
	if f.BirthdayMonth < 0 || f.BirthdayMonth > 12 {
		return Invalid("birthday_month", CodeInvalid)
	}
	if f.Platform != "" && !f.Platform.Valid() {
		return Invalid("platform", CodeInvalid)
	}
	if f.Gender != GenderUnknown && f.Gender != GenderMale && f.Gender != GenderFemale {
		return Invalid("gender", CodeInvalid)
	}
	return nil
}
