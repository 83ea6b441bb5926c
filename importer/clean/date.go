package clean

import (
	"strconv"
	"strings"
	"time"

	"shopcrm/data"
)

// Excel day numbers accepted as dates: 10000 is 1927-05-18, 109574 is 2199-12-31.
// Smaller numbers are far more often counts, ids or a bare year ("2018") than dates.
const (
	minSerial = 10000
	maxSerial = 109574
)

// Date reads a date cell by data.ParseTime's rule, and Excel day numbers
// ("43101.39", "43101"): day 0 is 1899-12-30 (which absorbs Excel's 1900 leap-year
// bug), the fraction is the time of day, rounded to the second. Only five- and
// six-digit day numbers count (1927–2199); a time-only serial below 1 is not a date.
func Date(s string, loc *time.Location) (t time.Time, ok bool) {
	if t, ok := serial(s, loc); ok {
		return t, true
	}
	return data.ParseTime(s, loc)
}

// DateDayFirst is Date by data.ParseTimeDayFirst's rule.
func DateDayFirst(s string, loc *time.Location) (time.Time, bool) {
	if t, ok := serial(s, loc); ok {
		return t, true
	}
	return data.ParseTimeDayFirst(s, loc)
}

// Birthday reads a birthday cell by data.ParseBirthday's rule, and Excel day numbers.
func Birthday(s string, loc *time.Location) (string, bool) {
	if t, ok := serial(s, loc); ok {
		return data.ParseBirthday(t.Format(data.DateLayout), loc)
	}
	return data.ParseBirthday(s, loc)
}

// serial reads an Excel day number (with an optional time fraction) as a wall time in
// loc (nil means time.Local). ok=false for anything else, other numbers included: the
// rule in data then refuses them too.
func serial(s string, loc *time.Location) (time.Time, bool) {
	for i := 0; i < len(s); i++ { // a quick no for the usual dates: "2020-02-21 …"
		if c := s[i]; c > ' ' && c < 0x7f && (c < '0' || c > '9') && c != '.' {
			return time.Time{}, false
		}
	}
	s = Text(s)
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(whole) > 6 || !digitsOnly(whole) || !digitsOnly(frac) {
		return time.Time{}, false
	}
	days := 0
	for i := 0; i < len(whole); i++ {
		days = days*10 + int(whole[i]-'0')
	}
	if days < minSerial || days > maxSerial {
		return time.Time{}, false
	}
	// seconds = round(0.frac × 86400), exactly: 14 fraction digits are far below a second.
	if len(frac) > 14 {
		frac = frac[:14]
	}
	var f, scale uint64 = 0, 1
	for i := 0; i < len(frac); i++ {
		f = f*10 + uint64(frac[i]-'0')
		scale *= 10
	}
	secs := int((f*86400 + scale/2) / scale)
	t := time.Date(1899, 12, 30+days, 0, 0, secs, 0, time.UTC) // normalizes days and secs
	if loc == nil {
		loc = time.Local
	}
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, loc), true
}

// DayMonth reads the first two numbers of a date written with its year last
// ("12/02/2026", "25.01.2026 09:00", "3-7-2026"): which of them is the day is for the
// whole column to decide (see importer). ok=false for any other shape.
func DayMonth(s string) (first, second int, ok bool) {
	s = Text(s)
	if i := strings.IndexByte(s, ' '); i >= 0 {
		s = s[:i]
	}
	if len(s) < 8 || len(s) > 10 {
		return 0, 0, false
	}
	sep := s[len(s)-5]
	if sep != '/' && sep != '-' && sep != '.' || !digitsOnly(s[len(s)-4:]) {
		return 0, 0, false
	}
	a, b, found := strings.Cut(s[:len(s)-5], string(sep))
	if !found || len(a) == 0 || len(a) > 2 || len(b) == 0 || len(b) > 2 || !digitsOnly(a) || !digitsOnly(b) {
		return 0, 0, false
	}
	first, _ = strconv.Atoi(a)
	second, _ = strconv.Atoi(b)
	return first, second, true
}
