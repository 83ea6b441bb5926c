package data

import (
	"testing"
	"time"
)

// Fuzz targets of the value rules are seeded from the test tables. Run one with
//
//	go test -run '^$' -fuzz FuzzAmount -fuzztime 20s ./data/

func FuzzAmount(f *testing.F) {
	for _, tt := range amountTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ParseQuantity(s)
		fen, ok := ParseDecimal(s, 2)
		if !ok {
			if fen != 0 {
				t.Fatalf("ok=false with a value: got %v, want 0", fen)
			}
			return
		}
		again, ok := ParseDecimal(FormatYuan(fen), 2)
		if !ok || again != fen {
			t.Fatalf("FormatYuan round trip: got %v %v, want %v true", again, ok, fen)
		}
		if p, ok := ParseYuan(FormatYuan(fen)); ok != nil || p != fen {
			t.Fatalf("ParseYuan disagrees: got %v %v, want %v", p, ok, fen)
		}
		if milli, ok := ParseDecimal(s, 3); !ok || milli != fen*10 {
			t.Fatalf("ParseDecimal(s, 3): got %v %v, want %v true", milli, ok, fen*10)
		}
	})
}

func FuzzPhone(f *testing.F) {
	for _, tt := range phoneTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if isLandline(s) && (!ValidPhone(s) || NormalizePhone(s) != s) {
			t.Fatalf("isLandline takes %q, which NormalizePhone would change or ValidPhone refuse", s)
		}
		got, ok := ParsePhone(s)
		_ = IsMaskedPhone(s)
		if !ok {
			return
		}
		if !IsMaskedPhone(got) && !ValidPhone(got) {
			t.Fatalf("got %q, which ValidPhone refuses", got)
		}
		if n := NormalizePhone(got); n != got {
			t.Fatalf("NormalizePhone changes it: got %q, want %q", n, got)
		}
		if again, ok := ParsePhone(got); !ok || again != got {
			t.Fatalf("not idempotent: got %q %v, want %q true", again, ok, got)
		}
	})
}

func FuzzDate(f *testing.F) {
	for _, tt := range dateTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, parse := range []func(string, *time.Location) (time.Time, bool){ParseTime, ParseTimeDayFirst} {
			got, ok := parse(s, shanghai)
			if !ok {
				if !got.IsZero() {
					t.Fatalf("ok=false with a time: got %v, want the zero time", got)
				}
				continue
			}
			if got.IsZero() || got.Year() < minYear || got.Year() > maxYear || got.Location() != shanghai {
				t.Fatalf("got %v, want a time in 1900–2200 in %v", got, shanghai)
			}
			// What Date returns, written the way exports write it, reads back the same.
			again, ok := ParseTime(got.Format(time.RFC3339Nano), shanghai)
			if !ok || !again.Equal(got) {
				t.Fatalf("round trip: got %v %v, want %v true", again, ok, got)
			}
		}
		if b, ok := ParseBirthday(s, shanghai); ok {
			c := Customer{Platform: PlatformOther, Nick: "n", Birthday: b}
			if p := c.Problems(); len(p) != 0 {
				t.Fatalf("Validate refuses birthday %q: got %v, want no problems", b, p)
			}
		}
	})
}

func FuzzLunarBirthday(f *testing.F) {
	for _, tt := range lunarTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		canon, leap, ok := ParseLunarBirthday(s)
		if !ok {
			if canon != "" || leap {
				t.Fatalf("ok=false with a value: got %q %v, want \"\" false", canon, leap)
			}
			return
		}
		c := Customer{Platform: PlatformOther, Nick: "n", Birthday: canon, BirthdayLunar: true}
		if p := c.Problems(); len(p) != 0 {
			t.Fatalf("Validate refuses lunar birthday %q: got %v, want no problems", canon, p)
		}
		if again, l, ok := ParseLunarBirthday(canon); !ok || again != canon || l {
			t.Fatalf("canonical form reparsed: got %q %v %v, want %q false true", again, l, ok, canon)
		}
	})
}
