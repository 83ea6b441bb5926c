package data

import (
	"time"

	"shopcrm/data/lunar"
)

// Holiday is an occasion to greet a group of buyers. Lunar holidays (春节, 中秋 …) are
// computed for each year from the Chinese calendar; Nth > 0 is the Nth Sunday of the
// month (母亲节, 父亲节).
type Holiday struct {
	ID    string // stable id; its name is the translation key holiday.<ID>
	Lunar bool
	Month int
	Day   int
	Nth   int
}

// Holidays is the holiday calendar in the order of the year.
var Holidays = []Holiday{
	{ID: "spring_festival", Lunar: true, Month: 1, Day: 1}, // 春节
	{ID: "lantern", Lunar: true, Month: 1, Day: 15},        // 元宵
	{ID: "valentine", Month: 2, Day: 14},                   // 情人节
	{ID: "womens_day", Month: 3, Day: 8},                   // 妇女节
	{ID: "mothers_day", Month: 5, Nth: 2},                  // 母亲节: 2nd Sunday of May
	{ID: "dragon_boat", Lunar: true, Month: 5, Day: 5},     // 端午
	{ID: "fathers_day", Month: 6, Nth: 3},                  // 父亲节: 3rd Sunday of June
	{ID: "sale_618", Month: 6, Day: 18},                    // 618
	{ID: "qixi", Lunar: true, Month: 7, Day: 7},            // 七夕
	{ID: "mid_autumn", Lunar: true, Month: 8, Day: 15},     // 中秋
	{ID: "national_day", Month: 10, Day: 1},                // 国庆
	{ID: "singles_day", Month: 11, Day: 11},                // 双11
	{ID: "double_12", Month: 12, Day: 12},                  // 双12
	{ID: "christmas", Month: 12, Day: 25},                  // 圣诞
}

// Date is the holiday's Gregorian date in year (the lunar year for a lunar holiday,
// which for these holidays is the same Gregorian year), as a UTC-midnight date.
func (h Holiday) Date(year int) time.Time {
	switch {
	case h.Lunar:
		t, _ := lunar.ToSolar(year, h.Month, h.Day, false) // day ≤ 15 exists in every month
		return t
	case h.Nth > 0:
		first := time.Date(year, time.Month(h.Month), 1, 0, 0, 0, 0, time.UTC)
		offset := (7 - int(first.Weekday())) % 7 // days to the first Sunday
		return first.AddDate(0, 0, offset+7*(h.Nth-1))
	default:
		return time.Date(year, time.Month(h.Month), h.Day, 0, 0, 0, 0, time.UTC)
	}
}

// HolidayByID finds a holiday of the calendar.
func HolidayByID(id string) (Holiday, bool) {
	for _, h := range Holidays {
		if h.ID == id {
			return h, true
		}
	}
	return Holiday{}, false
}
