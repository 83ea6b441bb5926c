package data

import (
	"strings"
	"time"
)

// DateLayout is the stored calendar-date format.
const DateLayout = "2006-01-02"

// Years a parsed date may fall in. Anything outside is garbage, not a customer's date.
const (
	minYear = 1900
	maxYear = 2200
)

// ParseTime is the date and time rule, shared by the forms, the importer and the
// CLI. It reads the shapes sellers write and their sheets hold:
//
//   - year first: "2012-5-23 23:34", "2012-05-23 23:34:56", "2018/10/14 9:05",
//     "2018.10.14", "2018年10月14日 10:20", "20181014", with optional seconds,
//     fractions, 上午/下午 or AM/PM;
//   - ISO 8601 and offsets: "2011-12-09T12:50:00Z", "2021-03-01T10:00:00+08:00",
//     "2019-11-04 19:29:29 -0500";
//   - day or month first with a four-digit year: "12/1/2010 8:26", "01-Dec-2010",
//     "Dec 1, 2010". 1/2/2010 is read month first (January 2, as UCI and US Excel
//     write it); a first part above 12 can only be a day (13/1/2010 is January 13).
//     ParseTimeDayFirst reads ambiguous ones the other way.
//
// Times without an offset are wall times in loc (nil means time.Local); times with an
// offset are that instant, returned in loc. Two-digit years, impossible dates
// (2019-02-29), years outside 1900–2200, other bare numbers and anything else give
// ok=false: ParseTime never guesses and never returns a zero time with ok=true.
// (Excel day numbers are a sheet's way of writing a date: importer/clean reads them.)
func ParseTime(s string, loc *time.Location) (t time.Time, ok bool) {
	return parseDate(s, loc, false)
}

// ParseTimeDayFirst is ParseTime for values known to be written day first (a European
// shop's "01/02/2020" is 1 February): the first of two parts ≤ 12 is the day. A second
// part above 12 can still only be a day.
func ParseTimeDayFirst(s string, loc *time.Location) (time.Time, bool) {
	return parseDate(s, loc, true)
}

func parseDate(s string, loc *time.Location, dayFirst bool) (time.Time, bool) {
	w, ok := parseWhen(s, dayFirst)
	if !ok {
		return time.Time{}, false
	}
	return w.time(loc)
}

// when is a parsed date and time before it is placed in a location.
type when struct {
	y, mo, d, h, mi, sec, nsec int
	offset                     int // seconds east of UTC, when hasOffset
	hasOffset                  bool
}

// time places w in loc, checking the year again when an offset shifts the date.
func (w when) time(loc *time.Location) (time.Time, bool) {
	if loc == nil {
		loc = time.Local
	}
	if !w.hasOffset { // the wall date was checked while parsing
		return time.Date(w.y, time.Month(w.mo), w.d, w.h, w.mi, w.sec, w.nsec, loc), true
	}
	t := time.Date(w.y, time.Month(w.mo), w.d, w.h, w.mi, w.sec, w.nsec, time.UTC).
		Add(-time.Duration(w.offset) * time.Second).In(loc)
	if y := t.Year(); y < minYear || y > maxYear { // the offset moved it out of range
		return time.Time{}, false
	}
	return t, true
}

// parseWhen reads every shape ParseTime accepts into its fields.
func parseWhen(s string, dayFirst bool) (when, bool) {
	if w, ok := fastISO(s); ok {
		return w, true
	}
	if s = CleanText(s); s == "" {
		return when{}, false
	}
	if w, ok, isNumber := compactDate(s); isNumber {
		return w, ok
	}
	p := dateScanner{s: s}
	w, ok := p.date(dayFirst)
	if !ok || !validDate(w.y, w.mo, w.d) {
		return when{}, false
	}
	if p.done() {
		return w, true
	}
	if !p.clock(&w) || !p.zone(&w) || !p.done() {
		return when{}, false
	}
	return w, true
}

// fastISO handles the most common export shape, "YYYY-MM-DD HH:MM:SS" (also with a
// T, or date only), without a scanner.
func fastISO(s string) (when, bool) {
	if len(s) != 19 && len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return when{}, false
	}
	w := when{y: num4(s[0:4]), mo: num2(s[5:7]), d: num2(s[8:10])}
	if len(s) == 19 {
		if s[10] != ' ' && s[10] != 'T' || s[13] != ':' || s[16] != ':' {
			return when{}, false
		}
		w.h, w.mi, w.sec = num2(s[11:13]), num2(s[14:16]), num2(s[17:19])
		if w.h > 23 || w.mi > 59 || w.sec > 59 {
			return when{}, false
		}
	}
	if !validDate(w.y, w.mo, w.d) {
		return when{}, false
	}
	return w, true
}

// num2 and num4 read fixed-width digits; a non-digit gives -1 (rejected by callers).
func num2(s string) int {
	a, b := s[0]-'0', s[1]-'0'
	if a > 9 || b > 9 {
		return -1
	}
	return int(a)*10 + int(b)
}

func num4(s string) int {
	hi, lo := num2(s[0:2]), num2(s[2:4])
	if hi < 0 || lo < 0 {
		return -1
	}
	return hi*100 + lo
}

// compactDate reads a value that is one unsigned number: a compact YYYYMMDD is a
// date, any other number is not one. isNumber=false means s is something else and
// the scanner should try.
func compactDate(s string) (w when, ok, isNumber bool) {
	whole, frac, hasPoint := strings.Cut(s, ".")
	if whole == "" || !allDigits(whole) || !allDigits(frac) {
		return when{}, false, false
	}
	if len(whole) != 8 || hasPoint {
		return when{}, false, true
	}
	w = when{y: num4(whole[:4]), mo: num2(whole[4:6]), d: num2(whole[6:8])}
	return w, validDate(w.y, w.mo, w.d), true
}

// validDate reports whether y-m-d is a real calendar day in the accepted years.
func validDate(y, m, d int) bool {
	return y >= minYear && y <= maxYear && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

var monthNames = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// monthName reads an English month name or its three-letter (or "Sept") abbreviation.
func monthName(word string) int {
	if len(word) < 3 {
		return 0
	}
	for i, m := range monthNames {
		if !strings.EqualFold(word[:3], m) {
			continue
		}
		full := time.Month(i + 1).String()
		if len(word) == 3 || strings.EqualFold(word, full) || strings.EqualFold(word, "sept") {
			return i + 1
		}
	}
	return 0
}
