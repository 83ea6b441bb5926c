package data

import (
	"testing"
	"time"
)

// shanghai is the seller's zone in these tests (UTC+8, no daylight saving).
var shanghai = time.FixedZone("CST", 8*3600)

func at(y int, m time.Month, d, h, mi, s int) time.Time {
	return time.Date(y, m, d, h, mi, s, 0, shanghai)
}

var dateTests = []struct {
	name string
	in   string
	want time.Time // zero: ok=false
}{
	{"taobao unpadded", "2012-5-23 23:34", at(2012, 5, 23, 23, 34, 0)},
	{"padded with seconds", "2012-05-23 23:34:56", at(2012, 5, 23, 23, 34, 56)},
	{"date only", "2012-05-23", at(2012, 5, 23, 0, 0, 0)},
	{"slashes", "2018/10/14", at(2018, 10, 14, 0, 0, 0)},
	{"slashes with one-digit hour", "2018/10/14 9:05", at(2018, 10, 14, 9, 5, 0)},
	{"excel resaved midnight", "2020/2/21 0:00", at(2020, 2, 21, 0, 0, 0)},
	{"Chinese date", "2018年10月14日", at(2018, 10, 14, 0, 0, 0)},
	{"Chinese date with time", "2018年10月14日 10:20", at(2018, 10, 14, 10, 20, 0)},
	{"Chinese date with time and no space", "2018年10月14日10:20", at(2018, 10, 14, 10, 20, 0)},
	{"Chinese date with 号", "2018年10月14号", at(2018, 10, 14, 0, 0, 0)},
	{"Chinese time units", "2018年10月14日 10时20分30秒", at(2018, 10, 14, 10, 20, 30)},
	{"afternoon marker", "2018/10/14 下午3:05", at(2018, 10, 14, 15, 5, 0)},
	{"morning marker at twelve", "2018/10/14 上午12:05", at(2018, 10, 14, 0, 5, 0)},
	{"dots", "2018.10.14", at(2018, 10, 14, 0, 0, 0)},
	{"compact", "20181014", at(2018, 10, 14, 0, 0, 0)},
	{"compact with time", "20181014 10:20", at(2018, 10, 14, 10, 20, 0)},
	{"shopify offset", "2019-11-04 19:29:29 -0500", at(2019, 11, 5, 8, 29, 29)},
	{"iso utc", "2011-12-09T12:50:00Z", at(2011, 12, 9, 20, 50, 0)},
	{"iso with colon offset", "2021-03-01T10:00:00+08:00", at(2021, 3, 1, 10, 0, 0)},
	{"iso with hour offset", "2021-03-01T10:00:00+08", at(2021, 3, 1, 10, 0, 0)},
	{"iso with fraction", "2021-03-01T02:00:00.5Z", at(2021, 3, 1, 10, 0, 0).Add(500 * time.Millisecond)},
	{"iso without zone is local", "2021-03-01T10:00:00", at(2021, 3, 1, 10, 0, 0)},
	{"GMT offset", "2021-03-01 10:00:00 GMT+8", at(2021, 3, 1, 10, 0, 0)},
	{"UTC word", "2021-03-01 02:00:00 UTC", at(2021, 3, 1, 10, 0, 0)},
	{"UCI month first", "12/1/2010 8:26", at(2010, 12, 1, 8, 26, 0)},
	{"ambiguous is month first", "1/2/2010", at(2010, 1, 2, 0, 0, 0)},
	{"second part above 12 must be month first", "1/13/2010", at(2010, 1, 13, 0, 0, 0)},
	{"first part above 12 must be day first", "13/1/2010", at(2010, 1, 13, 0, 0, 0)},
	{"both parts above 12", "13/13/2010", time.Time{}},
	{"month first with pm", "12/1/2010 8:26 PM", at(2010, 12, 1, 20, 26, 0)},
	{"month first with am at twelve", "12/1/2010 12:26 am", at(2010, 12, 1, 0, 26, 0)},
	{"day month-name year", "01-Dec-2010", at(2010, 12, 1, 0, 0, 0)},
	{"day month-name year with time", "01-Dec-2010 08:26", at(2010, 12, 1, 8, 26, 0)},
	{"day full-month-name year with spaces", "1 December 2010", at(2010, 12, 1, 0, 0, 0)},
	{"month-name day year", "Dec 1, 2010", at(2010, 12, 1, 0, 0, 0)},
	{"full-width digits", "２０１８－１０－１４", at(2018, 10, 14, 0, 0, 0)},
	{"padded", "  2018-10-14 10:20:00 ", at(2018, 10, 14, 10, 20, 0)},
	{"leap day", "2020-02-29", at(2020, 2, 29, 0, 0, 0)},
	{"no leap day in 2019", "2019-02-29", time.Time{}},
	{"no leap day in 1900", "1900-02-29", time.Time{}},
	{"april has 30 days", "2019-04-31", time.Time{}},
	{"month 13", "2019-13-01", time.Time{}},
	{"hour 24", "2019-01-01 24:00:00", time.Time{}},
	{"minute 60", "2019-01-01 10:60", time.Time{}},
	{"second 60", "2019-01-01 10:00:60", time.Time{}},
	{"pm with hour 13", "1/2/2010 13:00 PM", time.Time{}},
	{"mysql zero date", "0000-00-00 00:00:00", time.Time{}},
	{"year before 1900", "1899-12-31", time.Time{}},
	{"year after 2200", "2201-01-01", time.Time{}},
	{"two-digit year is not guessed", "12/1/10", time.Time{}},
	{"mixed separators", "2018-10/14", time.Time{}},
	{"spaces between numbers", "12 1 2010", time.Time{}},
	{"year and month only", "2018年10月", time.Time{}},
	{"time only", "10:20", time.Time{}},
	{"trailing garbage", "2018-10-14 abc", time.Time{}},
	{"trailing garbage after time", "2018-10-14 10:20 xyz", time.Time{}},
	{"bad offset", "2018-10-14 10:20 +2500", time.Time{}},
	{"unknown month name", "01-Foo-2010", time.Time{}},
	{"word", "garbage", time.Time{}},
	{"empty", "", time.Time{}},
	{"placeholder", "'null", time.Time{}},
}

func TestParseTime(t *testing.T) {
	tests := dateTests
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseTime(tt.in, shanghai)
			if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
				t.Errorf("got %v %v, want %v %v", got, ok, tt.want, !tt.want.IsZero())
			}
			if ok && got.Location() != shanghai {
				t.Errorf("got location %v, want %v", got.Location(), shanghai)
			}
		})
	}
}

func TestParseTimeDayFirst(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want time.Time
	}{
		{"ambiguous is day first", "01/02/2020", at(2020, 2, 1, 0, 0, 0)},
		{"second part above 12 can only be a day", "1/13/2010", at(2010, 1, 13, 0, 0, 0)},
		{"year first is unaffected", "2020-01-02", at(2020, 1, 2, 0, 0, 0)},
		{"month name is unaffected", "01-Dec-2010", at(2010, 12, 1, 0, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseTimeDayFirst(tt.in, shanghai)
			if !ok || !got.Equal(tt.want) {
				t.Errorf("got %v %v, want %v true", got, ok, tt.want)
			}
		})
	}
}

func TestParseTimeWallTimeIsInTheGivenZone(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	got, ok := ParseTime("2021-07-01 12:00:00", ny)
	want := time.Date(2021, 7, 1, 16, 0, 0, 0, time.UTC)
	if !ok || !got.Equal(want) {
		t.Errorf("got %v %v, want %v true", got.UTC(), ok, want)
	}
}

func TestParseTimeNilLocationIsLocal(t *testing.T) {
	got, ok := ParseTime("2021-07-01 12:00:00", nil)
	if !ok || got.Location() != time.Local {
		t.Errorf("got %v %v, want a time in time.Local", got, ok)
	}
}

func TestParseTimeCommonShapesDoNotAllocate(t *testing.T) {
	for _, in := range []string{"2012-05-23 23:34:56", "2012-5-23 23:34", "2020/2/21 0:00", "2019-11-04 19:29:29 -0500"} {
		if got := testing.AllocsPerRun(100, func() { _, _ = ParseTime(in, shanghai) }); got != 0 {
			t.Errorf("%q: got %v allocs, want 0", in, got)
		}
	}
}

func TestParseTimeReadsWhatTimeFormatWrites(t *testing.T) {
	layouts := []struct {
		layout string
		trunc  time.Duration // what the layout keeps
	}{
		{"2006-01-02 15:04:05", time.Second},
		{"2006-1-2 15:04", time.Minute},
		{"2006/1/2 15:04", time.Minute},
		{"2006/01/02 3:04:05 PM", time.Second},
		{"2006.01.02", 24 * time.Hour},
		{"2006年1月2日 15:04", time.Minute},
		{"2006年1月2日", 24 * time.Hour},
		{"20060102", 24 * time.Hour},
		{"02-Jan-2006 15:04", time.Minute},
		{"Jan 2, 2006", 24 * time.Hour},
		{time.RFC3339, time.Second},
		{time.RFC3339Nano, time.Nanosecond},
		{"2006-01-02 15:04:05 -0700", time.Second},
	}
	start := time.Date(1900, 3, 1, 0, 0, 0, 0, shanghai).Unix()
	end := time.Date(2199, 12, 31, 0, 0, 0, 0, shanghai).Unix()
	for i := range 2000 {
		// A deterministic spread of instants over the accepted years.
		sec := start + (end-start)/2000*int64(i) + int64(i)*7919
		want := time.Unix(sec, int64(i)*123457).In(shanghai)
		for _, l := range layouts {
			in := want.Format(l.layout)
			w := want.Truncate(l.trunc) // Truncate works on absolute time: redo days in the zone
			if l.trunc == 24*time.Hour {
				w = time.Date(want.Year(), want.Month(), want.Day(), 0, 0, 0, 0, shanghai)
			}
			got, ok := ParseTime(in, shanghai)
			if !ok || !got.Equal(w) {
				t.Fatalf("%q: got %v %v, want %v true", in, got, ok, w)
			}
		}
	}
}
