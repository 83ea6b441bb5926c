package customers

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"shopcrm/data"
)

// TestTradeFormReadsValuesByTheDomainRules: a trade typed by hand is read by the same
// rules as an imported one (data.ParseTime, data.ParseQuantity, data.ParseYuan), so
// what a seller can paste from a sheet into the form is what an import accepts.
func TestTradeFormReadsValuesByTheDomainRules(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range []struct {
		name, at, qty, amount string
		wantOK                bool
	}{
		{"form's own layout", "2026-11-23 15:04", "2", "128.50", true},
		{"slashes and a full-width count", "2026/11/23 15:04", "２", "¥128.50", true},
		{"Chinese date", "2026年11月23日", "3件", "1,280", true},
		{"impossible date", "2026-02-30", "1", "10", false},
		{"fractional count", "2026-11-23", "2.5", "10", false},
		{"amount that is no amount", "2026-11-23", "1", "abc", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newTradeForm(&data.Trade{CustomerID: 1, Platform: data.PlatformTaobao, Status: data.StatusPaid})
			f.tradedAt.SetText(tc.at)
			f.quantity.SetText(tc.qty)
			f.amount.SetText(tc.amount)
			got, ok := f.trade()
			if ok != tc.wantOK {
				t.Fatalf("got ok=%v, want %v", ok, tc.wantOK)
			}
			if !ok {
				return
			}
			wantAt, _ := data.ParseTime(tc.at, time.Local)
			wantQty, _ := data.ParseQuantity(tc.qty)
			wantFen, _ := data.ParseYuan(tc.amount)
			if !got.TradedAt.Equal(wantAt) || got.Quantity != wantQty || got.AmountFen != wantFen {
				t.Errorf("got %v × %d for %d fen, want %v × %d for %d fen",
					got.TradedAt, got.Quantity, got.AmountFen, wantAt, wantQty, wantFen)
			}
		})
	}
}
