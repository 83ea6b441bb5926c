package data

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// An order of any number of lines folds into one trade the domain accepts: goods
// that no longer fit are counted, every line's quantity and money summed.
func TestAnOrderOfManyLinesIsOneValidTrade(t *testing.T) {
	for _, lines := range []int{1, 50, 219, 1114} {
		tr := &Trade{CustomerID: 1, TradedAt: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), Status: StatusPaid}
		listed := 0
		for i := range lines {
			tr.AddLineItem(&Trade{Goods: fmt.Sprintf("WHITE HANGING HEART T-LIGHT HOLDER %04d", i), Quantity: 2, AmountFen: 150})
		}
		tr.Normalize()
		if err := tr.Validate(); err != nil {
			t.Fatalf("%d lines: %v", lines, err)
		}
		if tr.Quantity != 2*lines || tr.AmountFen != int64(150*lines) {
			t.Errorf("%d lines: quantity %d, amount %d", lines, tr.Quantity, tr.AmountFen)
		}
		head, more := splitGoodsMore(tr.Goods)
		listed = strings.Count(head, goodsSep) + 1
		if listed+more != lines {
			t.Errorf("%d lines: %d listed + %d counted in %q…", lines, listed, more, tr.Goods[:40])
		}
	}
}

// A single goods cell too long to keep is shortened, not the trade refused.
func TestOverlongGoodsCellIsShortened(t *testing.T) {
	tr := &Trade{CustomerID: 1, TradedAt: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), Goods: strings.Repeat("蓝莓蛋糕", 1000)}
	tr.Normalize()
	if err := tr.Validate(); err != nil || !strings.HasSuffix(tr.Goods, "…") {
		t.Fatalf("got %v, goods ending %q", err, tr.Goods[len(tr.Goods)-6:])
	}
}
