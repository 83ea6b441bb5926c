package sqlite

import (
	"context"
	"errors"
	"testing"

	"shopcrm/data"
)

// TestAnOlderImportCanBeUndoneUnlessALaterOneBuildsOnIt: an import can be undone
// while later ones are still in place as long as none of them builds on it; one that
// does is named on the older import (BlockedBy) and must be undone first (issue 16,
// item 8: only the newest import could be undone).
func TestAnOlderImportCanBeUndoneUnlessALaterOneBuildsOnIt(t *testing.T) {
	buyer := func(nick, city string, amount int64, day int) data.ImportRow {
		r := data.ImportRow{Row: 2, Customer: data.Customer{Platform: data.PlatformTaobao, Nick: nick, City: city}}
		if amount > 0 {
			r.Trade = &data.Trade{TradedAt: at(day, 10), Goods: "茶", AmountFen: amount, Quantity: 1}
		}
		return r
	}
	first := buyer("小米粒", "杭州", 26800, 1)
	for _, tc := range []struct {
		name    string
		later   data.ImportRow
		blocked bool
	}{
		{"new buyers only", buyer("花花", "北京", 12800, 2), false},
		{"changes a buyer the first one added", buyer("小米粒", "上海", 0, 0), true},
		{"adds a trade to a buyer the first one added", buyer("小米粒", "杭州", 9900, 5), true},
		{"finds the first one's rows already there", first, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTestStore(t)
			ctx := context.Background()
			a, err := s.Import(ctx, data.ImportOptions{FileName: "a"}, nil, rowsOf(first))
			if err != nil {
				t.Fatal(err)
			}
			b, err := s.Import(ctx, data.ImportOptions{FileName: "b"}, nil, rowsOf(tc.later))
			if err != nil {
				t.Fatal(err)
			}
			batches, err := s.FindImportBatches(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got := batches[1].BlockedBy; (got == b.BatchID) != tc.blocked || (got != 0) != tc.blocked {
				t.Errorf("the first import is blocked by %d, want blocked=%v (by %d)", got, tc.blocked, b.BatchID)
			}
			err = s.RevertImport(ctx, a.BatchID)
			if tc.blocked {
				if !errors.Is(err, data.ErrNotLatestBatch) {
					t.Fatalf("undoing the first import under one that builds on it: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("undoing the first import: %v", err)
			}
			if _, err := s.FindCustomerByNick(ctx, data.PlatformTaobao, "小米粒"); !errors.Is(err, data.ErrNotFound) {
				t.Errorf("the first import's buyer is still there: %v", err)
			}
			c, err := s.FindCustomerByNick(ctx, data.PlatformTaobao, "花花")
			if err != nil || c.Stats.TradeCount != 1 || c.Stats.TotalFen != 12800 {
				t.Fatalf("the later import's buyer after undoing the first: %+v, %v", c, err)
			}
			if err := s.RevertImport(ctx, b.BatchID); err != nil {
				t.Fatal(err)
			}
			if _, n, _ := s.FindCustomers(ctx, data.CustomerFilter{}); n != 0 {
				t.Errorf("%d customers left after undoing both imports", n)
			}
		})
	}
}
