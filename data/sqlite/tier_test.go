package sqlite

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"shopcrm/data"
)

// shopTrade is one trade of a hand-made test shop.
type shopTrade struct {
	at     time.Time
	fen    int64
	status data.TradeStatus
	refund int64
}

// addBuyer stores a customer with these trades and returns it as stored.
func addBuyer(t *testing.T, s *Store, nick string, trades ...shopTrade) *data.Customer {
	t.Helper()
	ctx := context.Background()
	c := &data.Customer{Platform: data.PlatformTaobao, Nick: nick, Phone: "138" + fmt.Sprintf("%08d", len(nick)*1000+int(nick[0]))}
	if err := s.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	for _, tr := range trades {
		if tr.at.IsZero() {
			tr.at = time.Date(2026, 6, 1, 4, 0, 0, 0, time.UTC)
		}
		if err := s.CreateTrade(ctx, &data.Trade{CustomerID: c.ID, TradedAt: tr.at, AmountFen: tr.fen, Status: tr.status, RefundFen: tr.refund}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.FindCustomerByID(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func paid(fen ...int64) []shopTrade {
	var out []shopTrade
	for _, f := range fen {
		out = append(out, shopTrade{fen: f})
	}
	return out
}

func intp(n int) *int     { return &n }
func fenp(n int64) *int64 { return &n }
func ones(n int) []int64 {
	out := make([]int64, n)
	for i := range out {
		out[i] = 100
	}
	return out
}

func TestTierBoundaries(t *testing.T) {
	s := openTestStore(t)
	for _, tc := range []struct {
		name   string
		trades []shopTrade
		want   string
	}{
		{"zero trades is potential", nil, "tier.potential"},
		{"one trade is regular", paid(100), "tier.regular"},
		{"exactly two trades is senior", paid(100, 100), "tier.senior"},
		{"one trade of exactly 500 yuan is senior (value only)", paid(50000), "tier.senior"},
		{"one fen under 500 yuan stays regular", paid(49999), "tier.regular"},
		{"exactly five small trades is vip (count only)", paid(ones(5)...), "tier.vip"},
		{"four trades and 2000 yuan is vip (value)", paid(50000, 50000, 50000, 50000), "tier.vip"},
		{"exactly ten trades is supreme", paid(ones(10)...), "tier.supreme"},
		{"one trade of 5000 yuan is supreme", paid(500000), "tier.supreme"},
		{"refunded and unpaid orders do not count", []shopTrade{{fen: 900000, status: data.StatusRefunded, refund: 900000},
			{fen: 900000, status: data.StatusUnpaid}, {fen: 900000, status: data.StatusClosed}}, "tier.potential"},
		{"a partial refund counts only its net", []shopTrade{{fen: 60000, refund: 10001}}, "tier.regular"},
		{"a refund-only row lowers the value", append(paid(60000), shopTrade{fen: -20000}), "tier.regular"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := addBuyer(t, s, tc.name, tc.trades...)
			if c.Tier != tc.want {
				t.Errorf("got %s (%d trades, %d fen), want %s", c.Tier, c.Stats.TradeCount, c.Stats.TotalFen, tc.want)
			}
		})
	}
}

func TestEditedThresholdsChangeMembership(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	two := addBuyer(t, s, "two", paid(100, 100)...)
	rich := addBuyer(t, s, "rich", paid(80000)...)
	addBuyer(t, s, "none")
	tiers, err := s.Tiers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Senior now needs three trades or ¥800; a new tier 金卡 between VIP and 至尊 is added.
	tiers[2].MinTrades, tiers[2].MinTotalFen = intp(3), fenp(80000)
	gold := &data.Tier{Name: "金卡", MinTrades: intp(7)}
	tiers = append(tiers[:4], append([]*data.Tier{gold}, tiers[4:]...)...)

	preview, err := s.TierCounts(ctx, tiers)
	if err != nil {
		t.Fatal(err)
	}
	if got := []int{preview[0].Customers, preview[1].Customers, preview[2].Customers}; fmt.Sprint(got) != "[1 1 1]" {
		t.Errorf("preview potential/regular/senior: got %v, want [1 1 1]", got)
	}
	if got, _ := s.FindCustomerByID(ctx, two.ID); got.Tier != "tier.senior" {
		t.Errorf("a preview changed the stored tier: %s", got.Tier)
	}
	if err := s.SaveTiers(ctx, tiers); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		id   int64
		want string
	}{{two.ID, "tier.regular"}, {rich.ID, "tier.senior"}} {
		if got, _ := s.FindCustomerByID(ctx, tc.id); got.Tier != tc.want {
			t.Errorf("customer %d: got %s, want %s", tc.id, got.Tier, tc.want)
		}
	}
	// A third trade moves "two" up at once; the filter and sort see the stored rank.
	if err := s.CreateTrade(ctx, &data.Trade{CustomerID: two.ID, TradedAt: time.Now(), AmountFen: 100}); err != nil {
		t.Fatal(err)
	}
	rows, n, err := s.FindCustomers(ctx, data.CustomerFilter{Tier: "tier.senior", Sort: data.SortTier, Desc: true})
	if err != nil || n != 2 || len(rows) != 2 {
		t.Fatalf("senior filter: got %d rows, %v", n, err)
	}
	saved, _ := s.Tiers(ctx)
	if len(saved) != 6 || saved[4].Name != "金卡" || saved[4].Rank != 4 || saved[5].Name != "tier.supreme" {
		t.Errorf("saved tiers: got %d, 5th %+v", len(saved), saved[4])
	}
	// Removing the senior tier moves its members down.
	saved = append(saved[:2], saved[3:]...)
	if err := s.SaveTiers(ctx, saved); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.FindCustomerByID(ctx, rich.ID); got.Tier != "tier.regular" {
		t.Errorf("after removing senior: got %s, want tier.regular", got.Tier)
	}
}

func TestInvalidTiersAreRefused(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		tiers []*data.Tier
		field string
	}{
		{"no tiers", nil, data.FieldTiers},
		{"empty name", []*data.Tier{{Name: " "}}, data.FieldTierName},
		{"duplicate name", []*data.Tier{{Name: "a"}, {Name: "a", MinTrades: intp(1)}}, data.FieldTierName},
		{"base tier with a threshold", []*data.Tier{{Name: "a", MinTrades: intp(1)}}, data.FieldTierRule},
		{"higher tier without a threshold", []*data.Tier{{Name: "a"}, {Name: "b"}}, data.FieldTierRule},
		{"zero trades", []*data.Tier{{Name: "a"}, {Name: "b", MinTrades: intp(0)}}, data.FieldTierRule},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := s.SaveTiers(ctx, tc.tiers)
			var ve *data.ValidationError
			if !errors.As(err, &ve) || ve.Field != tc.field {
				t.Errorf("got %v, want a %s error", err, tc.field)
			}
		})
	}
	if tiers, _ := s.Tiers(ctx); len(tiers) != 5 {
		t.Errorf("refused saves changed the tiers: %d left", len(tiers))
	}
}

// TestImportGradesItsCustomers: an import sets each customer's tier with the stats, in
// an empty store and in one that already has buyers, exactly as the tier rule says.
func TestImportGradesItsCustomers(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	addBuyer(t, s, "早有", paid(30000)...) // ¥300, one trade: 普通客户 before the import
	trade := func(row int, nick, order string, fen int64) data.ImportRow {
		return data.ImportRow{Row: row, Customer: data.Customer{Platform: data.PlatformTaobao, Nick: nick},
			Trade: &data.Trade{OrderNo: order, TradedAt: time.Date(2026, 5, row, 4, 0, 0, 0, time.UTC), AmountFen: fen, Status: data.TradeStatus("paid")}}
	}
	rows := []data.ImportRow{
		trade(2, "早有", "A1", 30000),  // now ¥600 and 2 trades: 高级客户
		trade(3, "一单", "B1", 1000),   // 普通客户
		trade(4, "大单", "C1", 600000), // ¥6000 in one trade: 至尊VIP by value alone
		{Row: 5, Customer: data.Customer{Platform: data.PlatformTaobao, Nick: "没买过"}},
	}
	if _, err := s.Import(ctx, data.ImportOptions{FileName: "orders.csv"}, nil, rowsOf(rows...)); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"早有": "tier.senior", "一单": "tier.regular", "大单": "tier.supreme", "没买过": "tier.potential"}
	for nick, tier := range want {
		c, err := s.FindCustomerByNick(ctx, data.PlatformTaobao, nick)
		if err != nil {
			t.Fatal(err)
		}
		if c.Tier != tier {
			t.Errorf("%s: tier %q, want %q", nick, c.Tier, tier)
		}
	}
	var stale int
	rank, args := tierRankSQL(mustTiers(t, s), "c")
	if err := s.db.QueryRow(`SELECT count(*) FROM customers c WHERE c.tier_rank <> `+rank, args...).Scan(&stale); err != nil || stale != 0 {
		t.Errorf("%d customers carry a tier rank the rule does not give (%v)", stale, err)
	}
}

func mustTiers(t *testing.T, s *Store) []*data.Tier {
	t.Helper()
	tiers, err := s.Tiers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return tiers
}
