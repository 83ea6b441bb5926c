package sqlite

import (
	"context"
	"errors"
	"testing"
	"time"

	"shopcrm/data"
)

func mustTrade(t *testing.T, s *Store, tr *data.Trade) *data.Trade {
	t.Helper()
	if err := s.CreateTrade(context.Background(), tr); err != nil {
		t.Fatalf("create trade: %v", err)
	}
	return tr
}

func mustCustomer(t *testing.T, s *Store, nick string) *data.Customer {
	t.Helper()
	c := &data.Customer{Platform: data.PlatformTaobao, Nick: nick}
	if err := s.CreateCustomer(context.Background(), c); err != nil {
		t.Fatalf("create customer: %v", err)
	}
	return c
}

func statsOf(t *testing.T, s *Store, id int64) data.CustomerStats {
	t.Helper()
	c, err := s.FindCustomerByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return c.Stats
}

func day(d int) time.Time { return time.Date(2026, 3, d, 12, 0, 0, 0, time.UTC) }

func TestStatsFollowTheCountingRule(t *testing.T) {
	s := openTestStore(t)
	c := mustCustomer(t, s, "规则")
	for _, tr := range []*data.Trade{
		{AmountFen: 10000, TradedAt: day(1)},                              // counts: 100
		{AmountFen: 20000, RefundFen: 5000, TradedAt: day(2)},             // partial refund counts: 150
		{AmountFen: 30000, Status: data.StatusUnpaid, TradedAt: day(3)},   // unpaid: no
		{AmountFen: 40000, Status: data.StatusClosed, TradedAt: day(4)},   // closed: no
		{AmountFen: 50000, Status: data.StatusRefunded, TradedAt: day(5)}, // fully refunded status: no
		{AmountFen: 6000, RefundFen: 6000, TradedAt: day(6)},              // net zero: no
		{AmountFen: -2500, TradedAt: day(7)},                              // refund-only row: −25, never a trade
		{AmountFen: 0, TradedAt: day(8)},                                  // zero amount: no
	} {
		tr.CustomerID = c.ID
		mustTrade(t, s, tr)
	}
	got := statsOf(t, s, c.ID)
	want := data.CustomerStats{TradeCount: 2, TotalFen: 10000 + 15000 - 2500, FirstTrade: day(1), LastTrade: day(2)}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	trades, err := s.FindTrades(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	counting := 0
	for _, tr := range trades {
		if tr.Counts {
			counting++
		}
	}
	if counting != 2 || len(trades) != 8 {
		t.Errorf("trades: got %d of which %d count, want 8 of which 2 count", len(trades), counting)
	}
}

func TestStatsStayConsistentAfterTradeEdits(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	a := mustCustomer(t, s, "甲")
	b := mustCustomer(t, s, "乙")
	t1 := mustTrade(t, s, &data.Trade{CustomerID: a.ID, AmountFen: 10000, TradedAt: day(1), Goods: "茶叶"})
	t2 := mustTrade(t, s, &data.Trade{CustomerID: a.ID, AmountFen: 5000, TradedAt: day(9)})

	steps := []struct {
		name  string
		do    func() error
		wantA data.CustomerStats
		wantB data.CustomerStats
	}{
		{"two paid trades", func() error { return nil },
			data.CustomerStats{TradeCount: 2, TotalFen: 15000, FirstTrade: day(1), LastTrade: day(9)}, data.CustomerStats{}},
		{"amount edited", func() error { t1.AmountFen = 12000; return s.UpdateTrade(ctx, t1) },
			data.CustomerStats{TradeCount: 2, TotalFen: 17000, FirstTrade: day(1), LastTrade: day(9)}, data.CustomerStats{}},
		{"last trade refunded", func() error { t2.Status = data.StatusRefunded; return s.UpdateTrade(ctx, t2) },
			data.CustomerStats{TradeCount: 1, TotalFen: 12000, FirstTrade: day(1), LastTrade: day(1)}, data.CustomerStats{}},
		{"trade moved to another customer", func() error { t1.CustomerID = b.ID; return s.UpdateTrade(ctx, t1) },
			data.CustomerStats{TradeCount: 0, TotalFen: 0, FirstTrade: time.Time{}, LastTrade: time.Time{}}, data.CustomerStats{TradeCount: 1, TotalFen: 12000, FirstTrade: day(1), LastTrade: day(1)}},
		{"trade deleted", func() error { return s.DeleteTrade(ctx, t1.ID) },
			data.CustomerStats{}, data.CustomerStats{}},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got := statsOf(t, s, a.ID); got != st.wantA {
			t.Errorf("%s: customer A got %+v, want %+v", st.name, got, st.wantA)
		}
		if got := statsOf(t, s, b.ID); got != st.wantB {
			t.Errorf("%s: customer B got %+v, want %+v", st.name, got, st.wantB)
		}
	}
}

func TestTradeValidationAndKeys(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	c := mustCustomer(t, s, "单号")
	mustTrade(t, s, &data.Trade{CustomerID: c.ID, Platform: data.PlatformTaobao, OrderNo: "2012052312345", TradedAt: day(1), AmountFen: 100})
	for _, tc := range []struct {
		name  string
		tr    data.Trade
		check func(error) bool
	}{
		{"order number is unique per platform",
			data.Trade{CustomerID: c.ID, Platform: data.PlatformTaobao, OrderNo: "2012052312345", TradedAt: day(2)},
			func(err error) bool { return errors.Is(err, data.ErrConflict) }},
		{"a trade needs a date",
			data.Trade{CustomerID: c.ID, AmountFen: 100},
			func(err error) bool {
				var ve *data.ValidationError
				return errors.As(err, &ve) && ve.Field == "traded_at"
			}},
		{"refund above the amount",
			data.Trade{CustomerID: c.ID, TradedAt: day(1), AmountFen: 100, RefundFen: 200},
			func(err error) bool { var ve *data.ValidationError; return errors.As(err, &ve) && ve.Field == "refund" }},
		{"unknown customer",
			data.Trade{CustomerID: 999, TradedAt: day(1), AmountFen: 100},
			func(err error) bool { return errors.Is(err, data.ErrNotFound) }},
		{"same order number on another platform",
			data.Trade{CustomerID: c.ID, Platform: data.PlatformJD, OrderNo: "2012052312345", TradedAt: day(2)},
			func(err error) bool { return err == nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := tc.tr
			if err := s.CreateTrade(ctx, &tr); !tc.check(err) {
				t.Errorf("got %v", err)
			}
		})
	}
	if got := statsOf(t, s, c.ID); got.TradeCount != 1 {
		t.Errorf("failed writes changed the stats: got %+v", got)
	}
}

func TestDeleteCustomerRemovesTrades(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	c := mustCustomer(t, s, "删")
	tr := mustTrade(t, s, &data.Trade{CustomerID: c.ID, TradedAt: day(1), AmountFen: 100})
	if err := s.DeleteCustomer(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FindTradeByID(ctx, tr.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("trade after customer delete: got %v, want ErrNotFound", err)
	}
}

func TestMoneyAndPhoneHelpers(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"128", 12800, true}, {"128.5", 12850, true}, {"¥1,280.00", 128000, true},
		{"１２.３", 1230, true}, {"-25.00", -2500, true}, {"1.234", 0, false}, {"abc", 0, false}, {"", 0, false},
	} {
		got, err := data.ParseYuan(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseYuan(%q): got %d, %v, want %d, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
	for fen, want := range map[int64]string{12345: "123.45", -5: "-0.05", 0: "0.00", 100: "1.00"} {
		if got := data.FormatYuan(fen); got != want {
			t.Errorf("FormatYuan(%d): got %q, want %q", fen, got, want)
		}
	}
	for in, want := range map[string]string{
		"'13800138000": "13800138000", "+86 138 0013 8000": "13800138000", "0086-13800138000": "13800138000",
		"138-0013-8000": "13800138000", "１３８００１３８０００": "13800138000", "0571-88886666": "0571-88886666",
	} {
		if got := data.NormalizePhone(in); got != want {
			t.Errorf("NormalizePhone(%q): got %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"13812345678": "138****5678", "138****5678": "138****5678", "123": "123"} {
		if got := data.MaskPhone(in); got != want {
			t.Errorf("MaskPhone(%q): got %q, want %q", in, got, want)
		}
	}
}
