package lunar

import (
	"fmt"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// Published dates (Purple Mountain Observatory / Hong Kong Observatory calendars).
func TestSpringFestival(t *testing.T) {
	want := map[int]string{
		1990: "1990-01-27", 1995: "1995-01-31", 1998: "1998-01-28", 2000: "2000-02-05", 2001: "2001-01-24",
		2004: "2004-01-22", 2006: "2006-01-29", 2009: "2009-01-26", 2012: "2012-01-23", 2014: "2014-01-31",
		2017: "2017-01-28", 2018: "2018-02-16", 2019: "2019-02-05", 2020: "2020-01-25", 2021: "2021-02-12",
		2022: "2022-02-01", 2023: "2023-01-22", 2024: "2024-02-10", 2025: "2025-01-29", 2026: "2026-02-17",
		2027: "2027-02-06", 2028: "2028-01-26", 2029: "2029-02-13", 2030: "2030-02-03", 2031: "2031-01-23",
		2033: "2033-01-31", 2034: "2034-02-19", 2035: "2035-02-08",
	}
	for y, w := range want {
		got, ok := ToSolar(y, 1, 1, false)
		if !ok || got.Format("2006-01-02") != w {
			t.Errorf("春节 %d: got %v %v, want %s", y, got.Format("2006-01-02"), ok, w)
		}
	}
}

func TestLunarHolidays(t *testing.T) {
	for _, tt := range []struct {
		name             string
		year, month, day int
		want             string
	}{
		{"中秋 2025", 2025, 8, 15, "2025-10-06"},
		{"中秋 2026", 2026, 8, 15, "2026-09-25"},
		{"中秋 2024", 2024, 8, 15, "2024-09-17"},
		{"元宵 2026", 2026, 1, 15, "2026-03-03"},
		{"元宵 2025", 2025, 1, 15, "2025-02-12"},
		{"七夕 2026", 2026, 7, 7, "2026-08-19"},
		{"七夕 2025", 2025, 7, 7, "2025-08-29"},
		{"端午 2026", 2026, 5, 5, "2026-06-19"},
		{"端午 2025", 2025, 5, 5, "2025-05-31"},
		{"腊八 2025 (in January 2026)", 2025, 12, 8, "2026-01-26"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ToSolar(tt.year, tt.month, tt.day, false)
			if !ok || got.Format("2006-01-02") != tt.want {
				t.Errorf("got %s %v, want %s", got.Format("2006-01-02"), ok, tt.want)
			}
		})
	}
}

func TestLeapMonths(t *testing.T) {
	want := map[int]int{2001: 4, 2004: 2, 2006: 7, 2009: 5, 2012: 4, 2014: 9, 2017: 6, 2020: 4, 2023: 2, 2025: 6, 2028: 5, 2031: 3, 2033: 11}
	for y := 2000; y <= 2034; y++ {
		got := 0
		for m := 1; m <= 12; m++ {
			if _, ok := ToSolar(y, m, 1, true); ok {
				if got != 0 {
					t.Errorf("%d: two leap months %d and %d", y, got, m)
				}
				got = m
			}
		}
		if got != want[y] {
			t.Errorf("%d: leap month %d, want %d", y, got, want[y])
		}
	}
}

func TestFromSolar(t *testing.T) {
	for _, tt := range []struct {
		solar string
		want  Date
	}{
		{"2026-02-17", Date{Year: 2026, Month: 1, Day: 1, MonthDays: 30}},
		{"2026-02-16", Date{Year: 2025, Month: 12, Day: 29, MonthDays: 29}}, // 除夕 of a short 腊月
		{"2025-07-25", Date{Year: 2025, Month: 6, Day: 1, Leap: true, MonthDays: 29}},
		{"2025-10-06", Date{Year: 2025, Month: 8, Day: 15, MonthDays: 29}},
		{"2026-01-01", Date{Year: 2025, Month: 11, Day: 13, MonthDays: 30}},
		{"2033-12-22", Date{Year: 2033, Month: 11, Day: 1, Leap: true}}, // the "2033 problem": 闰十一月
	} {
		t.Run(tt.solar, func(t *testing.T) {
			got := FromSolar(day(tt.solar))
			if tt.want.MonthDays == 0 {
				got.MonthDays = 0 // length not asserted
			}
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// Every day of 1901–2099 converts to a lunar date and back to itself.
func TestRoundTrip(t *testing.T) {
	for d := day("1901-03-01"); d.Year() < 2100; d = d.AddDate(0, 0, 1) {
		l := FromSolar(d)
		back, ok := ToSolar(l.Year, l.Month, l.Day, l.Leap)
		if !ok || !back.Equal(d) {
			t.Fatalf("%s → %+v → %s %v", d.Format("2006-01-02"), l, back.Format("2006-01-02"), ok)
		}
		if l.Day == 1 && d.Year() > 1901 {
			prev := FromSolar(d.AddDate(0, 0, -1))
			if prev.Day != prev.MonthDays || prev.MonthDays < 29 || prev.MonthDays > 30 {
				t.Fatalf("%s: month before ends on day %d of %d", d.Format("2006-01-02"), prev.Day, prev.MonthDays)
			}
		}
	}
}

func TestName(t *testing.T) {
	for _, tt := range []struct {
		m, d int
		leap bool
		want string
	}{
		{1, 1, false, "正月初一"}, {8, 15, false, "八月十五"}, {4, 23, true, "闰四月廿三"},
		{12, 30, false, "腊月三十"}, {11, 20, false, "冬月二十"}, {10, 10, false, "十月初十"}, {13, 1, false, ""},
	} {
		if got := Name(tt.m, tt.d, tt.leap); got != tt.want {
			t.Errorf("Name(%d, %d, %v): got %q, want %q", tt.m, tt.d, tt.leap, got, tt.want)
		}
	}
}

// Reminders and holidays may be worked out from several goroutines at once; the library
// keeps one year in a shared cache, ours one per year.
func TestConcurrentUse(t *testing.T) {
	done := make(chan Date)
	for y := 2020; y < 2036; y++ {
		go func() { done <- FromSolar(day(fmt.Sprintf("%d-09-01", y))) }()
	}
	for range 16 {
		if d := <-done; d.Month < 7 || d.Month > 8 {
			t.Errorf("1 September in lunar month %d", d.Month)
		}
	}
}
