package sqlite

import (
	"context"
	"testing"

	"shopcrm/data"
)

func TestGenerateDemoMakesARealisticShop(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	if err := s.GenerateDemo(ctx, data.DemoOptions{Customers: 1000, Trades: 2000, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	var customers, trades, repeat, oneTime, unpaid, refunded, badPhones int
	q := func(sql string, dst *int) {
		if err := s.db.QueryRow(sql).Scan(dst); err != nil {
			t.Fatal(err)
		}
	}
	q(`SELECT count(*) FROM customers WHERE source = 'demo'`, &customers)
	q(`SELECT count(*) FROM trades`, &trades)
	q(`SELECT count(*) FROM customers WHERE trade_count >= 5`, &repeat)
	q(`SELECT count(*) FROM customers WHERE trade_count = 1`, &oneTime)
	q(`SELECT count(*) FROM trades WHERE status = 'unpaid'`, &unpaid)
	q(`SELECT count(*) FROM trades WHERE status = 'refunded'`, &refunded)
	q(`SELECT count(*) FROM customers WHERE length(phone) <> 11`, &badPhones)
	if customers != 1000 || trades != 2000 {
		t.Fatalf("got %d customers and %d trades, want 1000 and 2000", customers, trades)
	}
	if repeat == 0 || oneTime <= repeat {
		t.Errorf("buying is not skewed: %d buyers with ≥5 trades, %d with one", repeat, oneTime)
	}
	if unpaid == 0 || refunded == 0 {
		t.Errorf("got %d unpaid and %d refunded trades, want some of each", unpaid, refunded)
	}
	if badPhones != 0 {
		t.Errorf("got %d phones that are not 11 digits", badPhones)
	}
	// Stats written in bulk must equal the per-customer rule.
	cs, _, err := s.FindCustomers(ctx, data.CustomerFilter{Sort: data.SortTotal, Desc: true, Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		want := c.Stats
		tx, _ := s.db.Begin()
		if err := refreshStats(ctx, tx, c.ID); err != nil {
			t.Fatal(err)
		}
		tx.Commit()
		if got := statsOf(t, s, c.ID); got != want {
			t.Errorf("customer %d: bulk stats %+v, per-customer stats %+v", c.ID, want, got)
		}
	}
}
