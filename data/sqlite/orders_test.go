package sqlite

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"shopcrm/data"
)

// tableRows lists every row of customers and trades, to show an import changed nothing.
func tableRows(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	for _, table := range []string{"customers", "trades"} {
		rows, err := s.db.Query(`SELECT * FROM ` + table + ` ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals, err := scanValues(rows, len(cols))
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, table+fmt.Sprint(vals...))
		}
		rows.Close()
	}
	return out
}

// platformOrders is a platform export without buyers: three orders (one refunded in
// part, one closed) and a row with neither a buyer nor an order number.
func platformOrders() []data.ImportRow {
	tb := data.Customer{Platform: data.PlatformTaobao}
	return []data.ImportRow{
		{Row: 2, Customer: tb, Trade: &data.Trade{OrderNo: "3304375611452180770", TradedAt: at(2, 10), Goods: "龙井", AmountFen: 10000, Quantity: 1}},
		{Row: 3, Customer: tb, Trade: &data.Trade{OrderNo: "3304375611452180771", TradedAt: at(3, 10), Goods: "普洱", AmountFen: 25000, RefundFen: 5000, Quantity: 2}},
		{Row: 4, Customer: tb, Trade: &data.Trade{OrderNo: "3304375611452180772", TradedAt: at(4, 10), Goods: "白茶", AmountFen: 8000, Status: data.StatusClosed}},
		{Row: 5, Customer: tb, Trade: &data.Trade{TradedAt: at(5, 10), Goods: "红茶", AmountFen: 3000}},
	}
}

// sellerSheet is the seller's own sheet: 订单编号 next to the buyer, once without a
// date (it can only link), once as a whole trade with the seller's own figure, and
// once for an order the archive does not have.
func sellerSheet() []data.ImportRow {
	return []data.ImportRow{
		{Row: 2, Customer: data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒"}, Trade: &data.Trade{OrderNo: "3304375611452180770"}},
		{Row: 3, Customer: data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒"},
			Trade: &data.Trade{OrderNo: "3304375611452180771", TradedAt: time.Date(2026, 5, 3, 0, 0, 0, 0, time.UTC), AmountFen: 20000}},
		{Row: 4, Customer: data.Customer{Platform: data.PlatformTaobao, Nick: "花花"}, Trade: &data.Trade{OrderNo: "999"}},
	}
}

func wantSummary(t *testing.T, s *Store, want data.UnlinkedSummary, when string) {
	t.Helper()
	got, err := s.UnlinkedSummary(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("%s: unlinked orders %+v, want %+v", when, got, want)
	}
}

func wantCustomer(t *testing.T, s *Store, nick string, trades int, total int64, tier string, when string) {
	t.Helper()
	c, err := s.FindCustomerByNick(context.Background(), data.PlatformTaobao, nick)
	if err != nil {
		t.Fatalf("%s: %s: %v", when, nick, err)
	}
	if c.Stats.TradeCount != trades || c.Stats.TotalFen != total || c.Tier != tier {
		t.Errorf("%s: %s has %d trades, %d fen, tier %s; want %d, %d, %s", when, nick, c.Stats.TradeCount, c.Stats.TotalFen, c.Tier, trades, total, tier)
	}
}

// TestOrdersWithoutBuyersWaitAndLinkByOrderNumber: a platform export without buyers
// imports its orders unlinked; a seller's sheet of 订单编号 + 顾客网名 links them
// (no second trade, the platform's money kept); importing either again changes
// nothing; reverting the sheet's import unlinks them again.
func TestOrdersWithoutBuyersWaitAndLinkByOrderNumber(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	if err := s.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒"}); err != nil {
		t.Fatal(err)
	}
	res, err := s.Import(ctx, data.ImportOptions{FileName: "订单报表.xlsx", Hash: "p"}, nil, rowsOf(platformOrders()...))
	if err != nil {
		t.Fatal(err)
	}
	if res.TradesCreated != 3 || res.TradesUnlinked != 3 || res.CustomersCreated != 0 || res.Rejected != 1 {
		t.Errorf("platform export: got %+v, want 3 trades, all unlinked, no customer, 1 row rejected", res)
	}
	if len(res.Issues) != 1 || res.Issues[0].Row != 5 || res.Issues[0].Reason != data.IssueNoIdentity {
		t.Errorf("platform export issues: got %+v, want only row 5 %s (neither a buyer nor an order number)", res.Issues, data.IssueNoIdentity)
	}
	// 100.00 + (250.00 − 50.00) count; the closed order does not.
	wantSummary(t, s, data.UnlinkedSummary{Orders: 3, Counting: 2, NetFen: 30000}, "after the platform export")
	months, err := s.MonthlyStats(ctx, at(30, 0), 1)
	if err != nil {
		t.Fatal(err)
	}
	if months[0].SalesFen != 30000 || months[0].Buyers != 0 {
		t.Errorf("sales in May: got %d fen from %d buyers, want 30000 fen from no known buyer", months[0].SalesFen, months[0].Buyers)
	}
	wantCustomer(t, s, "小米粒", 0, 0, "tier.potential", "before linking")

	sheet, err := s.Import(ctx, data.ImportOptions{FileName: "客户档案.xlsx", Hash: "s"}, nil, rowsOf(sellerSheet()...))
	if err != nil {
		t.Fatal(err)
	}
	if sheet.TradesLinked != 2 || sheet.TradesCreated != 0 || sheet.Skipped != 1 {
		t.Errorf("seller's sheet: got %+v, want 2 orders linked, no trade created, the unknown order skipped", sheet)
	}
	if len(sheet.Issues) != 1 || sheet.Issues[0].Row != 4 || sheet.Issues[0].Reason != data.IssueNoDate {
		t.Errorf("seller's sheet issues: got %+v, want row 4 %s", sheet.Issues, data.IssueNoDate)
	}
	wantCustomer(t, s, "小米粒", 2, 30000, "tier.senior", "after linking")
	wantSummary(t, s, data.UnlinkedSummary{Orders: 1}, "after linking")
	if months, _ := s.MonthlyStats(ctx, at(30, 0), 1); months[0].SalesFen != 30000 || months[0].Buyers != 1 {
		t.Errorf("sales in May after linking: got %+v, want 30000 fen from 1 buyer", months[0])
	}

	linked := tableRows(t, s)
	for _, again := range []struct {
		name string
		rows []data.ImportRow
	}{{"客户档案.xlsx", sellerSheet()}, {"订单报表.xlsx", platformOrders()}} {
		res, err := s.Import(ctx, data.ImportOptions{FileName: again.name, Hash: again.name}, nil, rowsOf(again.rows...))
		if err != nil {
			t.Fatal(err)
		}
		if res.TradesCreated+res.TradesUpdated+res.TradesLinked+res.TradesUnlinked != 0 {
			t.Errorf("%s again: got %+v, want nothing created, updated or linked", again.name, res)
		}
		if got := tableRows(t, s); !slices.Equal(got, linked) {
			t.Errorf("%s again changed the archive:\n%v\nwant\n%v", again.name, got, linked)
		}
	}
	batches, err := s.FindImportBatches(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range batches[:3] { // the two repeats, then the seller's sheet
		if err := s.RevertImport(ctx, b.ID); err != nil {
			t.Fatal(err)
		}
	}
	wantCustomer(t, s, "小米粒", 0, 0, "tier.potential", "after reverting the sheet")
	wantSummary(t, s, data.UnlinkedSummary{Orders: 3, Counting: 2, NetFen: 30000}, "after reverting the sheet")
	if _, err := s.FindCustomerByNick(ctx, data.PlatformTaobao, "花花"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("花花, created by the reverted sheet: got %v, want ErrNotFound", err)
	}
}

// TestLinkOrderByHand: linking an order to a customer, again, to another customer,
// and unlinking it; the stats and tier follow every step.
func TestLinkOrderByHand(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	a := &data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒"}
	b := &data.Customer{Platform: data.PlatformTaobao, Nick: "花花"}
	for _, c := range []*data.Customer{a, b} {
		if err := s.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Import(ctx, data.ImportOptions{FileName: "订单报表.xlsx"}, nil, rowsOf(platformOrders()...)); err != nil {
		t.Fatal(err)
	}
	o, err := s.FindOrderByNumber(ctx, "", "3304375611452180771")
	if err != nil {
		t.Fatal(err)
	}
	if !o.Unlinked() || o.Nick != "" {
		t.Fatalf("got %+v, want an unlinked order", o)
	}
	for i := 0; i < 2; i++ { // linking twice is linking once
		if err := s.LinkOrder(ctx, o.ID, a.ID); err != nil {
			t.Fatal(err)
		}
	}
	wantCustomer(t, s, "小米粒", 1, 20000, "tier.regular", "linked")
	if err := s.LinkOrder(ctx, o.ID, b.ID); !errors.Is(err, data.ErrOrderLinked) {
		t.Errorf("linking another's order: got %v, want ErrOrderLinked", err)
	}
	if o, _ = s.FindOrderByNumber(ctx, data.PlatformTaobao, "3304375611452180771"); o.Nick != "小米粒" || o.LinkedAt.IsZero() {
		t.Errorf("the linked order: got %+v, want 小米粒's with the time it was linked", o)
	}
	unlinked, err := s.FindOrders(ctx, data.OrderFilter{UnlinkedOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(unlinked) != 2 || unlinked[0].OrderNo != "3304375611452180772" {
		t.Errorf("unlinked orders: got %d (%+v), want the other two, newest first", len(unlinked), unlinked)
	}
	for i := 0; i < 2; i++ {
		if err := s.UnlinkOrder(ctx, o.ID); err != nil {
			t.Fatal(err)
		}
	}
	wantCustomer(t, s, "小米粒", 0, 0, "tier.potential", "unlinked")
	wantSummary(t, s, data.UnlinkedSummary{Orders: 3, Counting: 2, NetFen: 30000}, "unlinked")
	if _, err := s.FindOrderByNumber(ctx, "", "404"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("an order that is not there: got %v, want ErrNotFound", err)
	}
}
