package sqlite

import (
	"context"
	"errors"
	"io"
	"testing"
	"time"

	"shopcrm/data"
)

// rowsOf feeds rows to Store.Import.
func rowsOf(rows ...data.ImportRow) func() (*data.ImportRow, error) {
	i := 0
	return func() (*data.ImportRow, error) {
		if i >= len(rows) {
			return nil, io.EOF
		}
		i++
		r := rows[i-1]
		return &r, nil
	}
}

func at(d, h int) time.Time { return time.Date(2026, 5, d, h, 0, 0, 0, time.UTC) }

// archiveRows is a classic 客户信息档案 sheet: one trade per row, a buyer on several rows.
func archiveRows() []data.ImportRow {
	row := func(n int, nick, phone, goods string, amount int64, d int) data.ImportRow {
		return data.ImportRow{Row: n,
			Customer: data.Customer{Platform: data.PlatformTaobao, Nick: nick, Name: "客户" + nick, Phone: phone, City: "杭州"},
			Trade:    &data.Trade{TradedAt: at(d, 10), Goods: goods, AmountFen: amount, Quantity: 1}}
	}
	return []data.ImportRow{
		row(2, "小米粒", "13800138000", "龙井", 26800, 1),
		row(3, "小米粒", "13800138000", "普洱", 15800, 3),
		row(4, "花花", "13900139000", "白茶", 12800, 2),
		row(5, "花花", "13900139000", "白茶", 12800, 2), // the same row twice
		{Row: 6, Customer: data.Customer{Platform: data.PlatformTaobao}, Trade: &data.Trade{TradedAt: at(4, 1), AmountFen: 100}},
		{Row: 7, Customer: data.Customer{Platform: data.PlatformTaobao, Nick: "无日期"}, Trade: &data.Trade{AmountFen: 100}},
	}
}

func TestImportCreatesMergesAndReports(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	res, err := s.Import(ctx, data.ImportOptions{FileName: "档案.xlsx", Hash: "h1"}, nil, rowsOf(archiveRows()...))
	if err != nil {
		t.Fatal(err)
	}
	if res.CustomersCreated != 3 || res.TradesCreated != 3 || res.TradesUnchanged != 0 || res.Rejected != 1 || res.Skipped != 2 {
		t.Errorf("got %+v, want 3 customers (incl. the one without a dated trade), 3 trades, none unchanged, 1 rejected, 2 skipped (undated, repeated)", res)
	}
	reasons := map[int]string{}
	for _, is := range res.Issues {
		reasons[is.Row] = is.Reason
	}
	if reasons[5] != data.IssueDuplicate || reasons[6] != data.IssueNoIdentity || reasons[7] != data.IssueNoDate {
		t.Errorf("issues: got %v, want row 5 %s, row 6 %s and row 7 %s", reasons, data.IssueDuplicate, data.IssueNoIdentity, data.IssueNoDate)
	}
	c, err := s.FindCustomerByNick(ctx, data.PlatformTaobao, "小米粒")
	if err != nil {
		t.Fatal(err)
	}
	if c.Stats.TradeCount != 2 || c.Stats.TotalFen != 42600 || !c.Stats.LastTrade.Equal(at(3, 10)) {
		t.Errorf("小米粒 stats: got %+v, want 2 trades, 426.00, last on the 3rd", c.Stats)
	}
}

func TestImportingTheSameRowsTwiceChangesNothing(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	if _, err := s.Import(ctx, data.ImportOptions{FileName: "a"}, nil, rowsOf(archiveRows()...)); err != nil {
		t.Fatal(err)
	}
	before, _, _ := s.FindCustomers(ctx, data.CustomerFilter{})
	res, err := s.Import(ctx, data.ImportOptions{FileName: "a"}, nil, rowsOf(archiveRows()...))
	if err != nil {
		t.Fatal(err)
	}
	if res.CustomersCreated+res.CustomersUpdated+res.TradesCreated+res.TradesUpdated != 0 || res.CustomersUnchanged != 3 || res.TradesUnchanged != 3 || res.Skipped != 2 {
		t.Errorf("second import: got %+v, want all 3 customers and 3 trades unchanged, the repeated and the undated row skipped", res)
	}
	after, _, _ := s.FindCustomers(ctx, data.CustomerFilter{})
	for i := range before {
		if before[i].Stats != after[i].Stats || before[i].UpdatedAt != after[i].UpdatedAt {
			t.Errorf("customer %s changed: %+v → %+v", before[i].Nick, before[i].Stats, after[i].Stats)
		}
	}
}

func TestImportMergeRules(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	existing := &data.Customer{Platform: data.PlatformTaobao, Nick: "老客", Phone: "13800138000", Note: "手记", Tags: []string{"老客"}}
	if err := s.CreateCustomer(ctx, existing); err != nil {
		t.Fatal(err)
	}
	res, err := s.Import(ctx, data.ImportOptions{}, nil, rowsOf(
		data.ImportRow{Row: 2, Customer: data.Customer{Platform: data.PlatformTaobao, Nick: "老客", Phone: "138****8000", City: "宁波", Tags: []string{"新品"}}},
		data.ImportRow{Row: 3, Customer: data.Customer{Name: "只有手机", Phone: "13800138000", Email: "a@b.cn"}},
	))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.FindCustomerByID(ctx, existing.ID)
	if got.Phone != "13800138000" {
		t.Errorf("a masked phone overwrote the real one: %q", got.Phone)
	}
	if got.City != "宁波" || got.Note != "手记" || got.Email != "a@b.cn" || len(got.Tags) != 2 {
		t.Errorf("merged: got city %q note %q email %q tags %v", got.City, got.Note, got.Email, got.Tags)
	}
	if res.CustomersUpdated != 1 || res.CustomersCreated != 0 {
		t.Errorf("counts: got %+v, want one customer updated (matched by nick, then by phone)", res)
	}
}

func TestImportFoldsLineItemsAndUpdatesChangedOrders(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	buyer := data.Customer{Platform: data.PlatformShopify, Nick: "amy@example.com"}
	line := func(row int, goods string, qty int, fen int64, status data.TradeStatus) data.ImportRow {
		return data.ImportRow{Row: row, Customer: buyer, Trade: &data.Trade{OrderNo: "#1411", TradedAt: at(9, 8), Goods: goods, Quantity: qty, AmountFen: fen, Status: status}}
	}
	res, err := s.Import(ctx, data.ImportOptions{}, nil, rowsOf(line(2, "Tea", 1, 1000, data.StatusUnpaid), line(3, "Cup", 2, 500, data.StatusUnpaid)))
	if err != nil {
		t.Fatal(err)
	}
	c, _ := s.FindCustomerByNick(ctx, data.PlatformShopify, "amy@example.com")
	trades, _ := s.FindTrades(ctx, c.ID)
	if res.TradesCreated != 1 || len(trades) != 1 || trades[0].AmountFen != 1500 || trades[0].Quantity != 3 || trades[0].Goods != "Tea；Cup" {
		t.Fatalf("folded order: got %d created, %+v", res.TradesCreated, trades[0])
	}
	if c.Stats.TradeCount != 0 {
		t.Errorf("an unpaid order counted: %+v", c.Stats)
	}
	// The same order exported again after payment: one update, and now it counts.
	paid := *trades[0]
	res, err = s.Import(ctx, data.ImportOptions{}, nil, rowsOf(data.ImportRow{Row: 2, Customer: buyer, Trade: &data.Trade{
		OrderNo: "#1411", TradedAt: at(9, 8), Goods: paid.Goods, Quantity: 3, AmountFen: 1500, Status: data.StatusPaid}}))
	if err != nil {
		t.Fatal(err)
	}
	c, _ = s.FindCustomerByNick(ctx, data.PlatformShopify, "amy@example.com")
	if res.TradesUpdated != 1 || c.Stats.TradeCount != 1 || c.Stats.TotalFen != 1500 {
		t.Errorf("after payment: got %+v and stats %+v", res, c.Stats)
	}
}

func TestRevertUndoesABatch(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	mine := &data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒", City: "北京"}
	if err := s.CreateCustomer(ctx, mine); err != nil {
		t.Fatal(err)
	}
	res, err := s.Import(ctx, data.ImportOptions{FileName: "a"}, nil, rowsOf(archiveRows()...))
	if err != nil {
		t.Fatal(err)
	}
	// The second import changes 小米粒 again, whom the first one changed: it builds on it.
	second, err := s.Import(ctx, data.ImportOptions{FileName: "b"}, nil, rowsOf(data.ImportRow{Row: 2, Customer: data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒", City: "上海"}}))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RevertImport(ctx, res.BatchID); !errors.Is(err, data.ErrNotLatestBatch) {
		t.Errorf("reverting under a later batch: got %v, want ErrNotLatestBatch", err)
	}
	for _, id := range []int64{second.BatchID, res.BatchID} {
		if err := s.RevertImport(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	all, n, _ := s.FindCustomers(ctx, data.CustomerFilter{})
	if n != 1 || all[0].City != "北京" || all[0].Stats.TradeCount != 0 {
		t.Errorf("after revert: got %d customers, first %+v; want only 小米粒 as it was", n, all[0])
	}
	batches, _ := s.FindImportBatches(ctx)
	if len(batches) != 2 || batches[1].RevertedAt.IsZero() || batches[1].CreatedCustomers != 2 {
		t.Errorf("history: got %+v", batches)
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	res, err := s.Import(ctx, data.ImportOptions{DryRun: true}, nil, rowsOf(archiveRows()...))
	if err != nil {
		t.Fatal(err)
	}
	if res.CustomersCreated != 3 || res.TradesCreated != 3 || res.BatchID != 0 {
		t.Errorf("dry run counts: got %+v", res)
	}
	if _, n, _ := s.FindCustomers(ctx, data.CustomerFilter{}); n != 0 {
		t.Errorf("dry run wrote %d customers", n)
	}
	if b, _ := s.FindImportBatches(ctx); len(b) != 0 {
		t.Errorf("dry run left %d batches", len(b))
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	rows := archiveRows()
	n := 0
	_, err := s.Import(ctx, data.ImportOptions{}, nil, func() (*data.ImportRow, error) {
		if n == 3 {
			return nil, errors.New("disk went away")
		}
		n++
		r := rows[n-1]
		return &r, nil
	})
	if err == nil {
		t.Fatal("a failing source did not fail the import")
	}
	if _, c, _ := s.FindCustomers(ctx, data.CustomerFilter{}); c != 0 {
		t.Errorf("a failed import left %d customers", c)
	}
}

func TestSearchFindsImportedAndUpdatedCustomers(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	if _, err := s.Import(ctx, data.ImportOptions{}, nil, rowsOf(archiveRows()...)); err != nil {
		t.Fatal(err)
	}
	_, err := s.Import(ctx, data.ImportOptions{}, nil, rowsOf(data.ImportRow{Row: 2,
		Customer: data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒", City: "乌鲁木齐市", Address: "新华北路 88 号"}}))
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{
		"13900139000": 1, // phone of a customer created by an import (trigram index)
		"小米":          1, // short words scan the search table
		"新华北路":        1, // the updated address
		"杭州":          1, // 花花 is still in 杭州; 小米粒 moved
		"乌鲁木齐":        1,
	} {
		if _, n, err := s.FindCustomers(ctx, data.CustomerFilter{Query: q}); err != nil || n != want {
			t.Errorf("search %q: got %d (%v), want %d", q, n, err, want)
		}
	}
	if _, err := s.db.Exec(`INSERT INTO customer_fts (customer_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("full-text index out of step with the customers: %v", err)
	}
	var deferred int
	s.db.QueryRow(`SELECT count(*) FROM settings WHERE key = ?`, searchDeferredKey).Scan(&deferred)
	if deferred != 0 {
		t.Error("the import left the search index deferred")
	}
}

func TestCancelledImportWritesNothing(t *testing.T) {
	s := openTestStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	rows := archiveRows()
	n := 0
	_, err := s.Import(ctx, data.ImportOptions{}, nil, func() (*data.ImportRow, error) {
		if n == 2 {
			cancel()           // the seller presses 取消 while the source is being read …
			return nil, io.EOF // … and the source ends as if the file were done
		}
		n++
		r := rows[n-1]
		return &r, nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
	if _, c, _ := s.FindCustomers(context.Background(), data.CustomerFilter{}); c != 0 {
		t.Errorf("a cancelled import left %d customers", c)
	}
}
