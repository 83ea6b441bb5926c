// Package lunar converts between the Gregorian and the Chinese lunisolar calendar
// (农历) the way the official calendar (GB/T 33661-2017) reckons it: months begin on
// the day of the new moon in China Standard Time; the 11th month holds the winter
// solstice; in a year of 13 months between two such months the first month without a
// principal solar term (中气) is the leap month (闰月). It computes the astronomy
// itself (astro.go), so it works for any year, and is checked against published dates
// for 1990–2035 in its tests. Sound for 1900–2100.
package lunar

import (
	"sync"
	"time"
)

// Date is a day of the lunar calendar.
type Date struct {
	Year      int  // the lunar year: the Gregorian year in which its 正月 begins
	Month     int  // 1 … 12
	Day       int  // 1 … 30
	Leap      bool // the day is in the leap month (闰月) numbered Month
	MonthDays int  // 29 or 30: the length of the month the day is in
}

// month is one lunar month: its first day (days since 1970-01-01), number and leap flag.
type month struct {
	start, days int
	num         int
	leap        bool
}

var (
	cacheMu sync.Mutex
	cache   = map[int][]month{}
)

// sui is the months from the 11th month of Gregorian year y−1 (the one holding that
// winter solstice) up to, not including, the 11th month of year y: 12 or 13 months.
// Months numbered 1 … 10 belong to lunar year y, the leading 11 and 12 to y−1.
func sui(y int) []month {
	cacheMu.Lock()
	defer cacheMu.Unlock()
	if ms, ok := cache[y]; ok {
		return ms
	}
	k1 := newMoonOnOrBefore(winterSolstice(y - 1))
	k2 := newMoonOnOrBefore(winterSolstice(y))
	n := int(k2 - k1)
	starts := make([]int, n+2)
	for i := range starts {
		starts[i] = beijingDay(newMoonJDE(k1 + float64(i)))
	}
	ms := make([]month, n)
	leapDone := n == 12
	num := 11
	for i := range ms {
		leap := false
		if i > 0 {
			if !leapDone && !hasPrincipalTerm(starts[i], starts[i+1]) {
				leap, leapDone = true, true
			} else {
				num = num%12 + 1
			}
		}
		ms[i] = month{start: starts[i], days: starts[i+1] - starts[i], num: num, leap: leap}
	}
	cache[y] = ms
	return ms
}

// winterSolstice is the civil day (China Standard Time) of year y's winter solstice.
func winterSolstice(y int) int {
	return beijingDay(solarTermJDE(270, jdOfDay(dayNumber(y, time.December, 21))))
}

// newMoonOnOrBefore is the number k of the last new moon falling on day or earlier.
func newMoonOnOrBefore(day int) float64 {
	k := float64(int((jdOfDay(day) - 2451550.09766) / 29.530588861))
	for beijingDay(newMoonJDE(k)) > day {
		k--
	}
	for beijingDay(newMoonJDE(k+1)) <= day {
		k++
	}
	return k
}

// hasPrincipalTerm reports whether a principal term (the Sun at a multiple of 30°)
// falls on a day in [from, to).
func hasPrincipalTerm(from, to int) bool {
	return int(sunLongitude(midnightJDE(from))/30) != int(sunLongitude(midnightJDE(to))/30)
}

// midnightJDE is the start of civil day d in China Standard Time, in TT.
func midnightJDE(d int) float64 {
	ut := jdOfDay(d) - 8.0/24
	return ut + deltaT(2000+(ut-2451545.0)/365.25)
}

// jdOfDay is the Julian day of 00:00 UT on civil day d.
func jdOfDay(d int) float64 { return float64(d) + 2440587.5 }

// dayNumber is the count of days since 1970-01-01 of a Gregorian date.
func dayNumber(y int, m time.Month, d int) int {
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// FromSolar is the lunar date of a Gregorian calendar day (its year, month and day
// are read as they stand, whatever t's location).
func FromSolar(t time.Time) Date {
	day := dayNumber(t.Year(), t.Month(), t.Day())
	sy := t.Year() + 1
	ms := sui(sy)
	for day < ms[0].start { // at most once: sui(y) begins in December of y−1
		sy--
		ms = sui(sy)
	}
	first := firstMonth(ms)
	for i := len(ms) - 1; i >= 0; i-- {
		if m := ms[i]; day >= m.start {
			year := sy
			if i < first {
				year-- // the leading 11th and 12th months close the previous lunar year
			}
			return Date{Year: year, Month: m.num, Day: day - m.start + 1, Leap: m.leap, MonthDays: m.days}
		}
	}
	return Date{} // unreachable: day >= ms[0].start
}

// firstMonth is the index of 正月 in a sui.
func firstMonth(ms []month) int {
	for i, m := range ms {
		if m.num == 1 && !m.leap {
			return i
		}
	}
	return len(ms)
}

// ToSolar is the Gregorian date (UTC midnight) of a lunar date. ok is false when the
// lunar year has no such (leap) month or the month is too short for the day.
func ToSolar(year, monthNum, day int, leap bool) (time.Time, bool) {
	ms := sui(year)
	from, to := firstMonth(ms), len(ms)
	if monthNum >= 11 {
		ms = sui(year + 1)
		from, to = 0, firstMonth(ms)
	}
	for _, m := range ms[from:to] {
		if m.num == monthNum && m.leap == leap {
			if day < 1 || day > m.days {
				return time.Time{}, false
			}
			return time.Unix(int64(m.start+day-1)*86400, 0).UTC(), true
		}
	}
	return time.Time{}, false
}

var (
	monthNames = [...]string{"正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊"}
	digitNames = [...]string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
)

// Name is how a lunar month and day are written in Chinese: 正月初一, 八月十五, 闰四月廿三,
// 腊月三十. It returns "" for a month or day out of range.
func Name(month, day int, leap bool) string {
	if month < 1 || month > 12 || day < 1 || day > 30 {
		return ""
	}
	s := monthNames[month-1] + "月"
	if leap {
		s = "闰" + s
	}
	switch {
	case day <= 10:
		return s + "初" + digitNames[day]
	case day < 20:
		return s + "十" + digitNames[day-10]
	case day == 20:
		return s + "二十"
	case day < 30:
		return s + "廿" + digitNames[day-20]
	}
	return s + "三十"
}
