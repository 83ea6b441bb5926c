package sqlite

import (
	"context"
	"testing"
	"time"

	"shopcrm/data"
)

func TestRemoveDemoDeletesOnlySampleRowsInOneGo(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	own := &data.Customer{Platform: data.PlatformTaobao, Nick: "真实买家", Phone: "13800138000", Tags: []string{"老客"}}
	if err := s.CreateCustomer(ctx, own); err != nil {
		t.Fatal(err)
	}
	trade := &data.Trade{CustomerID: own.ID, Platform: data.PlatformTaobao, TradedAt: time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC),
		Status: data.StatusPaid, Goods: "龙井", Quantity: 1, AmountFen: 12800}
	if err := s.CreateTrade(ctx, trade); err != nil {
		t.Fatal(err)
	}
	if err := s.GenerateDemo(ctx, data.DemoOptions{Customers: 60, Trades: 180, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	if n, err := s.DemoCount(ctx); err != nil || n != 60 {
		t.Fatalf("demo count: got %d (%v), want 60", n, err)
	}
	demoNick := ""
	s.db.QueryRow(`SELECT nick FROM customers WHERE source = 'demo' LIMIT 1`).Scan(&demoNick)

	t.Run("a cancelled removal changes nothing", func(t *testing.T) {
		cancelled, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := s.RemoveDemo(cancelled); err == nil {
			t.Fatal("got no error from a cancelled removal")
		}
		if n, _ := s.DemoCount(ctx); n != 60 {
			t.Errorf("after a cancelled removal: got %d demo customers, want 60", n)
		}
	})

	t.Run("removal takes the sample customers and their trades", func(t *testing.T) {
		n, err := s.RemoveDemo(ctx)
		if err != nil || n != 60 {
			t.Fatalf("remove: got %d (%v), want 60", n, err)
		}
		var customers, trades, audits int
		s.db.QueryRow(`SELECT count(*) FROM customers`).Scan(&customers)
		s.db.QueryRow(`SELECT count(*) FROM trades`).Scan(&trades)
		s.db.QueryRow(`SELECT count(*) FROM audit_log WHERE action = 'demo.remove' AND count = 60`).Scan(&audits)
		if customers != 1 || trades != 1 || audits != 1 {
			t.Errorf("after removal: got %d customers, %d trades, %d audit rows, want 1, 1, 1", customers, trades, audits)
		}
		if found, _, err := s.FindCustomers(ctx, data.CustomerFilter{Query: demoNick}); err != nil || len(found) != 0 {
			t.Errorf("search for a removed sample nick: got %d (%v), want none", len(found), err)
		}
		got, err := s.FindCustomerByID(ctx, own.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Stats.TradeCount != 1 || got.Stats.TotalFen != 12800 || len(got.Tags) != 1 {
			t.Errorf("the seller's own customer changed: stats %+v, tags %v", got.Stats, got.Tags)
		}
		if n, err := s.RemoveDemo(ctx); err != nil || n != 0 {
			t.Errorf("second removal: got %d (%v), want 0 and no error", n, err)
		}
	})
}
