package clean

import (
	"strings"
	"testing"
	"time"
)

// Fuzz targets are seeded from the test tables. Run one with
//
//	go test -run '^$' -fuzz FuzzText -fuzztime 20s ./importer/clean/
//
// The value rules' own targets (FuzzDate, FuzzPhone, FuzzAmount) are in data.

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
		_, _ = Phone(s)
		_, _ = Date(s, time.UTC)
		_, _ = Birthday(s, time.UTC)
		_ = Tags(s)
		_ = Lines(s)
		_, _ = Gender(s)
		_, _ = Status(s)
		_, _ = Bool(s)
	})
}
