package clean

import (
	"fmt"
	"testing"
	"time"
)

// shanghai is the seller's zone in these tests (UTC+8, no daylight saving).
var shanghai = time.FixedZone("CST", 8*3600)

// cellDateTests are the Excel day numbers Date reads on top of data.ParseTime.
var cellDateTests = []struct {
	name, in string
	want     time.Time // zero: ok=false
}{
	{"excel serial with time", "43101.39", time.Date(2018, 1, 1, 9, 21, 36, 0, shanghai)},
	{"excel serial date only", "43101", time.Date(2018, 1, 1, 0, 0, 0, 0, shanghai)},
	{"excel serial with long fraction rounds to the second", "43101.3923611111", time.Date(2018, 1, 1, 9, 25, 0, 0, shanghai)},
	{"excel serial at the 1900 leap-year bug's far side", "60000", time.Date(2064, 4, 8, 0, 0, 0, 0, shanghai)},
	{"excel serial fraction rounding up to midnight", "43101.99999999", time.Date(2018, 1, 2, 0, 0, 0, 0, shanghai)},
	{"time-only serial is not a date", "0.39", time.Time{}},
	{"small number is not a serial", "2018", time.Time{}},
	{"three-digit number is not a serial", "367", time.Time{}},
	{"seven-digit number is not a date", "4310139", time.Time{}},
	{"negative serial", "-43101", time.Time{}},
}

func TestDate(t *testing.T) {
	for _, tt := range cellDateTests {
		got, ok := Date(tt.in, shanghai)
		if ok != !tt.want.IsZero() || !got.Equal(tt.want) || ok && got.Location() != shanghai {
			t.Errorf("%s: got %v %v, want %v %v in %v", tt.name, got, ok, tt.want, !tt.want.IsZero(), shanghai)
		}
	}
}

func TestDateSerialDoesNotAllocate(t *testing.T) {
	if got := testing.AllocsPerRun(100, func() { _, _ = Date("43101.39", shanghai) }); got != 0 {
		t.Errorf("got %v allocs, want 0", got)
	}
}

// TestDateReadsExcelDayNumbers reads instants spread over the accepted years written
// as Excel day numbers with ten decimals.
func TestDateReadsExcelDayNumbers(t *testing.T) {
	start := time.Date(1900, 3, 1, 0, 0, 0, 0, shanghai).Unix()
	end := time.Date(2199, 12, 31, 0, 0, 0, 0, shanghai).Unix()
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, shanghai) // Sub would overflow a Duration
	for i := range 2000 {
		sec := start + (end-start)/2000*int64(i) + int64(i)*7919
		want := time.Unix(sec, int64(i)*123457).In(shanghai)
		days := (float64(want.Unix()-epoch.Unix()) + float64(want.Nanosecond())/1e9) / 86400
		if days >= minSerial && days < maxSerial {
			in := fmt.Sprintf("%.10f", days)
			got, ok := Date(in, shanghai)
			if d := got.Sub(want.Round(time.Second)); !ok || d < -time.Second || d > time.Second {
				t.Fatalf("serial %q: got %v %v, want %v true", in, got, ok, want.Round(time.Second))
			}
		}
	}
}

func TestDayMonth(t *testing.T) {
	for _, c := range []struct {
		s    string
		a, b int
		ok   bool
	}{
		{"12/02/2026 10:00:00", 12, 2, true}, {"25.01.2026", 25, 1, true}, {"3-7-2026 9:30", 3, 7, true},
		{"2026-02-12 10:00:00", 0, 0, false}, {"2016/5/23 22:02", 0, 0, false}, {"04 Jul 2022 11:46", 0, 0, false},
		{"", 0, 0, false}, {"1/2/26", 0, 0, false},
	} {
		a, b, ok := DayMonth(c.s)
		if a != c.a || b != c.b || ok != c.ok {
			t.Errorf("%q: got %d %d %v, want %d %d %v", c.s, a, b, ok, c.a, c.b, c.ok)
		}
	}
}
