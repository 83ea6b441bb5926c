package importer

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shopcrm/data"
	"shopcrm/data/sqlite"
)

// qianniuOrder is one row of a synthetic Taobao 千牛 2026 订单报表, with values as
// PLATFORMS.md describes them: 19-digit order numbers, money and dates as text, a
// masked 收货地址, several goods of one order in one 商品标题 joined by a full-width
// comma, no buyer at all.
type qianniuOrder struct {
	no, status, created, goods, total string
	items                             int
}

// The orders, and, worked out by hand under the counting rule (paid, net above
// zero): 交易关闭 and 等待买家付款 do not count; 卖家已发货 and 买家已付款 do.
var qianniuOrders = []qianniuOrder{
	{"3304375611452180770", "交易成功", "2026-05-02 10:11:12", "西湖龙井 250g", "128.00", 1},
	{"3304375611452180771", "卖家已发货，等待买家确认", "2026-05-09 21:03:44", "云南普洱 357g，紫砂壶", "268.00", 2},
	{"3304375611452180772", "交易关闭", "2026-05-12 08:30:00", "安吉白茶 100g", "99.00", 1},
	{"3304375611452180773", "买家已付款,等待卖家发货", "2026-05-20 14:16:18", "正山小种 礼盒", "320.00", 1},
	{"3304375611452180774", "等待买家付款", "2026-05-28 19:00:01", "茉莉花茶 50g", "66.00", 1},
	{"3304375611452180775", "交易成功", "2026-05-31 09:45:30", "菊花茶 试饮装", "35.50", 1},
}

// Hand-computed figures. All six are unlinked at first; 4 count: 128.00 + 268.00 +
// 320.00 + 35.50 = 751.50. The seller's sheet names 小米粒 for …770 and …771 (2
// counting, 396.00: 2 trades make 高级客户) and 花花 for …772 (closed) and …773 (1
// counting, 320.00: 普通客户); …774 (unpaid) and …775 (35.50) stay unlinked.
var (
	allUnlinked   = data.UnlinkedSummary{Orders: 6, Counting: 4, NetFen: 75150}
	afterTheSheet = data.UnlinkedSummary{Orders: 2, Counting: 1, NetFen: 3550}
)

// writeQianniuOrders writes the orders under the real 21-column header of a 2026
// 订单报表 (platform-headers/), every cell text as in the real export.
func writeQianniuOrders(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(realFile(t, "platform-headers/taobao_qianniu_order_2026_21col.header.csv"))
	if err != nil {
		t.Fatal(err)
	}
	header, err := csv.NewReader(strings.NewReader(string(b))).Read()
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]string{header}
	for i, o := range qianniuOrders {
		v := map[string]string{
			"订单编号": o.no, "支付单号": fmt.Sprintf("2026%016d", 7000+i), "买家应付货款": o.total, "买家应付邮费": "0.00",
			"总金额": o.total, "买家实付金额": o.total, "订单状态": o.status,
			"收货地址": "江苏省 南京市 玄武区 孝陵卫街道****", "运送方式": "快递", "订单创建时间": o.created,
			"商品标题": o.goods, "宝贝种类": fmt.Sprint(o.items), "物流单号": "", "物流公司": "", "备注标签": "", "商家备注": "",
			"宝贝总数量": fmt.Sprint(o.items), "开票信息": "", "手机订单": "手机订单", "商品属性SKU": "", "发货时间": "",
		}
		var row []string
		for _, h := range header {
			row = append(row, v[strings.TrimSpace(h)])
		}
		rows = append(rows, row)
	}
	writeTextXLSX(t, path, rows)
}

// writeTextXLSX writes rows to an xlsx whose every cell is a text cell.
func writeTextXLSX(t *testing.T, path string, rows [][]string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellStr("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// writeSellerSheet writes the seller's own sheet: 订单编号 next to 顾客网名 (noted
// when a buyer sends their order number for 好评返现), one number with Excel's text
// apostrophe, and one order the archive does not have.
func writeSellerSheet(t *testing.T, path string) {
	t.Helper()
	writeTextXLSX(t, path, [][]string{
		{"顾客网名", "真实姓名", "订单编号", "备注"},
		{"小米粒", "李米", "3304375611452180770", "好评返现 5 元"},
		{"小米粒", "李米", "'3304375611452180771", ""},
		{"花花", "", "3304375611452180772", "售后"},
		{"花花", "", "3304375611452180773", ""},
		{"阿强", "", "3304375611452189999", ""},
	})
}

// writeBothFiles writes the 订单报表 and the seller's sheet into dir.
func writeBothFiles(t *testing.T, dir string) (orders, sheet string) {
	t.Helper()
	orders, sheet = filepath.Join(dir, "ExportOrderList_2026.xlsx"), filepath.Join(dir, "客户档案.xlsx")
	writeQianniuOrders(t, orders)
	writeSellerSheet(t, sheet)
	return orders, sheet
}

// archiveState is what a seller sees: every order with its buyer and money, the
// customers with their stats and tiers, and the unlinked summary.
func archiveState(t *testing.T, s *sqlite.Store) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	orders, err := s.FindOrders(ctx, data.OrderFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range orders {
		fmt.Fprintln(&b, o.Platform, o.OrderNo, o.TradedAt.UTC(), o.Status, o.Goods, o.Quantity, o.AmountFen, o.RefundFen, o.Nick, o.LinkedAt, o.UpdatedAt)
	}
	cs, _, err := s.FindCustomers(ctx, data.CustomerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		fmt.Fprintln(&b, c.Platform, c.Nick, c.Name, c.Note, c.Stats, c.Tier, c.UpdatedAt)
	}
	u, err := s.UnlinkedSummary(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(&b, u)
	return b.String()
}

func wantUnlinked(t *testing.T, s *sqlite.Store, want data.UnlinkedSummary, when string) {
	t.Helper()
	got, err := s.UnlinkedSummary(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("%s: unlinked orders %+v, want %+v", when, got, want)
	}
}

func wantTier(t *testing.T, s *sqlite.Store, nick, tier string) {
	t.Helper()
	if c := customer(t, s, data.PlatformTaobao, nick); c.Tier != tier {
		t.Errorf("%s: tier %s, want %s", nick, c.Tier, tier)
	}
}

// TestQianniuOrderReportImportsUnlinkedAndSellerSheetLinksIt: a Taobao 千牛 2026
// 订单报表 (no buyer column) imports its orders as unlinked orders instead of being
// refused; the seller's sheet of 订单编号 + 顾客网名 links them: trades, totals and
// tiers follow; importing either file again changes nothing; reverting the sheet's
// import unlinks them again.
func TestQianniuOrderReportImportsUnlinkedAndSellerSheetLinksIt(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	dir := t.TempDir()
	orders, sheet := writeBothFiles(t, dir)

	res := importFile(t, s, orders, Options{})
	if res.TradesCreated != 6 || res.TradesUnlinked != 6 || res.CustomersCreated != 0 || len(res.Issues) != 0 {
		t.Fatalf("订单报表: got %+v, want 6 unlinked orders, no customer, no problem", res)
	}
	wantUnlinked(t, s, allUnlinked, "after the 订单报表")
	if count(t, s) != 0 {
		t.Error("the 订单报表 made customers")
	}
	o, err := s.FindOrderByNumber(ctx, data.PlatformTaobao, "3304375611452180771")
	if err != nil {
		t.Fatal(err)
	}
	if !o.Unlinked() || o.AmountFen != 26800 || o.Quantity != 2 || o.Goods != "云南普洱 357g，紫砂壶" ||
		!strings.Contains(o.ShipAddress, "孝陵卫街道****") || o.TradedAt.In(cst).Format("2006-01-02 15:04:05") != "2026-05-09 21:03:44" {
		t.Errorf("order …771: got %+v", o)
	}

	res = importFile(t, s, sheet, Options{})
	if res.TradesLinked != 4 || res.TradesCreated != 0 || res.CustomersCreated != 3 || res.Skipped != 1 {
		t.Errorf("seller's sheet: got %+v, want 4 orders linked, none created, 3 customers, 阿强's unknown order skipped", res)
	}
	wantStats(t, s, data.PlatformTaobao, "小米粒", 2, 39600)
	wantStats(t, s, data.PlatformTaobao, "花花", 1, 32000)
	wantStats(t, s, data.PlatformTaobao, "阿强", 0, 0)
	wantTier(t, s, "小米粒", "tier.senior")
	wantTier(t, s, "花花", "tier.regular")
	wantUnlinked(t, s, afterTheSheet, "after the seller's sheet")

	linked := archiveState(t, s)
	for _, again := range []string{sheet, orders} {
		res := importFile(t, s, again, Options{})
		if res.TradesCreated+res.TradesUpdated+res.TradesLinked+res.TradesUnlinked+res.CustomersCreated+res.CustomersUpdated != 0 {
			t.Errorf("%s again: got %+v, want nothing created, updated or linked", filepath.Base(again), res)
		}
		if got := archiveState(t, s); got != linked {
			t.Errorf("%s again changed the archive:\n%s\nwant\n%s", filepath.Base(again), got, linked)
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
	wantUnlinked(t, s, allUnlinked, "after reverting the seller's sheet")
	if n := count(t, s); n != 0 {
		t.Errorf("after reverting the seller's sheet: %d customers, want none", n)
	}
}

// TestTmallOrdersWithoutBuyersImportUnlinked: the real Tmall teaching set (28,010
// orders, no buyer column) imports as unlinked orders. Answer key from a separate
// script over the raw CSV: 28,010 orders, 18,711 counting (pay time present, 买家实际
// 支付金额 − 退款金额 above zero) worth ¥1,881,726.55.
func TestTmallOrdersWithoutBuyersImportUnlinked(t *testing.T) {
	s := newStore(t)
	res := importFile(t, s, realFile(t, "tmall/tmall_order_report_original.csv"), Options{})
	if res.TradesUnlinked != 28010 || res.CustomersCreated != 0 {
		t.Errorf("got %d unlinked orders and %d customers, want 28010 and none", res.TradesUnlinked, res.CustomersCreated)
	}
	wantUnlinked(t, s, data.UnlinkedSummary{Orders: 28010, Counting: 18711, NetFen: 188172655}, "Tmall")
}

// TestSheetWithNeitherBuyerNorOrderNumberIsRefused: without a buyer and an order
// number, rows could never be told apart or linked: the file is refused, with a
// sentence saying so, and nothing is written.
func TestSheetWithNeitherBuyerNorOrderNumberIsRefused(t *testing.T) {
	s := newStore(t)
	path := filepath.Join(t.TempDir(), "sales.csv")
	if err := os.WriteFile(path, []byte("商品标题,总金额,订单创建时间\n龙井,128.00,2026-05-02 10:11:12\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Import(context.Background(), s, path, Options{}); !errors.Is(err, ErrNoCustomer) {
		t.Errorf("got %v, want ErrNoCustomer", err)
	}
	if u, _ := s.UnlinkedSummary(context.Background()); count(t, s) != 0 || u.Orders != 0 {
		t.Error("a refused file wrote customers or orders")
	}
}

// TestUnlinkedOrdersSurviveExportAndReimport: the whole archive's export carries the
// unlinked orders (no buyer, their own platform) next to the linked ones, and
// importing it into an empty archive gives the same orders, buyers and summary.
func TestUnlinkedOrdersSurviveExportAndReimport(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	dir := t.TempDir()
	orders, sheet := writeBothFiles(t, dir)
	importFile(t, s, orders, Options{})
	importFile(t, s, sheet, Options{})
	out := filepath.Join(dir, "archive.xlsx")
	if _, err := ExportFile(ctx, s, out, data.CustomerFilter{}, cst); err != nil {
		t.Fatal(err)
	}
	again := newStore(t)
	importFile(t, again, out, Options{})
	list := func(s *sqlite.Store) string {
		os, err := s.FindOrders(ctx, data.OrderFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, o := range os {
			fmt.Fprintln(&b, o.Platform, o.OrderNo, o.TradedAt.UTC(), o.Status, o.Goods, o.AmountFen, o.RefundFen, o.Nick)
		}
		return b.String()
	}
	if got, want := list(again), list(s); got != want {
		t.Errorf("orders after export and import:\n%s\nwant\n%s", got, want)
	}
	wantUnlinked(t, again, afterTheSheet, "after export and import")
	wantStats(t, again, data.PlatformTaobao, "小米粒", 2, 39600)
}
