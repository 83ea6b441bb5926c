package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	"shopcrm/data"
	"shopcrm/data/sqlite"
)

// TestTextOutputShowsTheArchivesCurrency: an archive kept in pounds lists its amounts
// with "£" in every text output, never "¥" (issue 16, item 6).
func TestTextOutputShowsTheArchivesCurrency(t *testing.T) {
	dir := t.TempDir()
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c := &data.Customer{Platform: data.PlatformOther, Nick: "Ann"}
	if err := s.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateTrade(ctx, &data.Trade{CustomerID: c.ID, AmountFen: 1250, TradedAt: time.Date(2026, 3, 1, 6, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, data.SettingCurrency, "GBP"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, args := range [][]string{
		{"customers", "--data", dir},
		{"groups", "--data", dir, "--as-of", "2026-09-08"},
	} {
		out, errOut, code := run(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		if strings.Contains(out, "¥") || !strings.Contains(out, "£12.50") {
			t.Errorf("%v shows amounts not in pounds:\n%s", args, out)
		}
	}
}
