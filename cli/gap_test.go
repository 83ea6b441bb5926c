package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	"shopcrm/data"
	"shopcrm/data/sqlite"
)

// The customer list a seller reads in the terminal says, next to each buyer's tier,
// how far they are from the next one, in the archive's currency.
func TestCustomersTextShowsTheUpgradeGap(t *testing.T) {
	dir := t.TempDir()
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	at := time.Date(2026, 5, 1, 4, 0, 0, 0, time.UTC)
	for nick, fen := range map[string]int64{"茶友": 38000, "大客户": 900000} {
		c := &data.Customer{Platform: data.PlatformTaobao, Nick: nick}
		if err := s.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateTrade(ctx, &data.Trade{CustomerID: c.ID, AmountFen: fen, TradedAt: at}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetSetting(ctx, data.SettingCurrency, "GBP"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out, errOut, code := run(t, "customers", "--data", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"升级差额", "还差 £120.00 或 1 笔升到 高级客户", "已是最高等级"} {
		if !strings.Contains(out, want) {
			t.Errorf("customers lacks %q:\n%s", want, out)
		}
	}
}
