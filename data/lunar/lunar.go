// Package lunar converts between the Gregorian and the Chinese lunisolar calendar
// (农历) the way the official calendar (GB/T 33661-2017) reckons it: months begin on
// the day of the new moon in China Standard Time; the 11th month holds the winter
// solstice; in a year of 13 months the first month without a principal solar term
// (中气) is the leap month (闰月). The astronomy (new moons, solar terms, the leap
// month) is github.com/6tail/lunar-go's, a maintained calendar library; this package
// keeps the small interface the reminders and holidays use. Its tests check the
// library against published dates for 1990–2035 and a round trip over 1901–2099.
package lunar

import (
	"sync"
	"time"

	"github.com/6tail/lunar-go/calendar"
)

// Date is a day of the lunar calendar.
type Date struct {
	Year      int  // the lunar year: the Gregorian year in which its 正月 begins
	Month     int  // 1 … 12
	Day       int  // 1 … 30
	Leap      bool // the day is in the leap month (闰月) numbered Month
	MonthDays int  // 29 or 30: the length of the month the day is in
}

// month is one lunar month: the lunar year it belongs to, its first day (days since
// 1970-01-01), its length, number and leap flag.
type month struct {
	year        int
	start, days int
	num         int
	leap        bool
}

var (
	cacheMu sync.Mutex
	cache   = map[int][]month{}
)

// monthsAround is the library's run of 15 months for lunar year y: from the 11th month
// of lunar year y−1 (the one holding the winter solstice before y) on, so it covers
// every day of Gregorian year y and every month of lunar year y. The library keeps one
// year in its cache; this keeps every year asked for (a reminder run asks for a few).
func monthsAround(y int) []month {
	cacheMu.Lock()
	defer cacheMu.Unlock()
	if ms, ok := cache[y]; ok {
		return ms
	}
	var ms []month
	for e := calendar.NewLunarYear(y).GetMonths().Front(); e != nil; e = e.Next() {
		m := e.Value.(*calendar.LunarMonth)
		first := calendar.NewSolarFromJulianDay(m.GetFirstJulianDay())
		num := m.GetMonth() // negative for a leap month
		ms = append(ms, month{
			year:  m.GetYear(),
			start: dayNumber(first.GetYear(), time.Month(first.GetMonth()), first.GetDay()),
			days:  m.GetDayCount(),
			num:   max(num, -num),
			leap:  num < 0,
		})
	}
	cache[y] = ms
	return ms
}

// dayNumber is the count of days since 1970-01-01 of a Gregorian date.
func dayNumber(y int, m time.Month, d int) int {
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// FromSolar is the lunar date of a Gregorian calendar day (its year, month and day
// are read as they stand, whatever t's location).
func FromSolar(t time.Time) Date {
	day := dayNumber(t.Year(), t.Month(), t.Day())
	for _, m := range monthsAround(t.Year()) {
		if day >= m.start && day < m.start+m.days {
			return Date{Year: m.year, Month: m.num, Day: day - m.start + 1, Leap: m.leap, MonthDays: m.days}
		}
	}
	return Date{} // unreachable: the 15 months cover Gregorian year t.Year()
}

// ToSolar is the Gregorian date (UTC midnight) of a lunar date. ok is false when the
// lunar year has no such (leap) month or the month is too short for the day.
func ToSolar(year, monthNum, day int, leap bool) (time.Time, bool) {
	for _, m := range monthsAround(year) {
		if m.year == year && m.num == monthNum && m.leap == leap {
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
