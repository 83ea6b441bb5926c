package clean

import (
	"strings"
	"testing"
	"time"

	"shopcrm/data"
)

// Fuzz targets are seeded from the test tables. Run one with
//
//	go test -run '^$' -fuzz FuzzDate -fuzztime 20s ./importer/clean/

func FuzzDate(f *testing.F) {
	for _, tt := range dateTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, parse := range []func(string, *time.Location) (time.Time, bool){Date, DateDayFirst} {
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
			again, ok := Date(got.Format(time.RFC3339Nano), shanghai)
			if !ok || !again.Equal(got) {
				t.Fatalf("round trip: got %v %v, want %v true", again, ok, got)
			}
		}
		if b, ok := Birthday(s, shanghai); ok {
			c := data.Customer{Platform: data.PlatformOther, Nick: "n", Birthday: b}
			if p := c.Problems(); len(p) != 0 {
				t.Fatalf("data refuses birthday %q: got %v, want no problems", b, p)
			}
		}
	})
}

func FuzzLunarBirthday(f *testing.F) {
	for _, tt := range lunarTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		canon, leap, ok := LunarBirthday(s)
		if !ok {
			if canon != "" || leap {
				t.Fatalf("ok=false with a value: got %q %v, want \"\" false", canon, leap)
			}
			return
		}
		c := data.Customer{Platform: data.PlatformOther, Nick: "n", Birthday: canon, BirthdayLunar: true}
		if p := c.Problems(); len(p) != 0 {
			t.Fatalf("data refuses lunar birthday %q: got %v, want no problems", canon, p)
		}
		if again, l, ok := LunarBirthday(canon); !ok || again != canon || l {
			t.Fatalf("canonical form reparsed: got %q %v %v, want %q false true", again, l, ok, canon)
		}
	})
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"张三", "  a  b ", "\u3000Ａ\u200b", "'null", "a\r\nb", "\u200d x \u200d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Text(s)
		if again := Text(got); again != got {
			t.Fatalf("not idempotent: got %q, want %q", again, got)
		}
		if strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") || strings.Contains(got, "  ") {
			t.Fatalf("whitespace left: got %q", got)
		}
		_ = Header(s)
		_ = Lossy(s)
		_, _ = OrderNo(s)
		_, _ = Amount(s)
		_ = Tags(s)
		_ = Lines(s)
		_, _ = Gender(s)
		_, _ = Status(s)
		_, _ = Bool(s)
	})
}
