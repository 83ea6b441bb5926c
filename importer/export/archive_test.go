package export

import (
	"archive/zip"
	"bytes"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"shopcrm/data"
)

var cst = time.FixedZone("CST", 8*3600)

// ownedTrade is a trade with the customer it belongs to.
type ownedTrade struct {
	t     *data.Trade
	owner *data.Customer
}

// sample is a small shop: Chinese text, a landline, a year-less and a lunar birthday,
// 18-digit order numbers, a refund-only row and extra fields.
func sample() ([]*data.Customer, []ownedTrade) {
	at := func(s string) time.Time { t, _ := time.Parse(time.DateTime, s); return t } // UTC
	wang := &data.Customer{Platform: data.PlatformTaobao, Nick: "小王爱喝茶", Name: "王小明", Gender: data.GenderFemale,
		Birthday: "1990-08-15", Phone: "13800138000", Email: "xw@example.com", WeChat: "wx_0012", Wangwang: "小王爱喝茶",
		QQ: "012345", Province: "浙江", City: "杭州", Address: "浙江省杭州市西湖区文三路 1 号", Source: "老客介绍",
		Tags: []string{"老客", "爱喝茶"}, Note: "只收顺丰", Extra: map[string]string{"积分": "1200", "会员等级": "金卡"},
		Stats: data.CustomerStats{TradeCount: 3, TotalFen: 1299900, LastTrade: at("2024-05-01 05:30:15")}}
	li := &data.Customer{Platform: data.PlatformJD, Nick: "jd_0571", Name: "李四", Gender: data.GenderMale,
		Birthday: "02-29", Phone: "0571-88886666", MarketingOptOut: true, Extra: map[string]string{"积分": "0080"},
		Stats: data.CustomerStats{TotalFen: -500}}
	zhen := &data.Customer{Platform: data.PlatformOther, Nick: "阿珍", Birthday: "08-15", BirthdayLunar: true,
		Phone: "+14155550100"}
	trades := []ownedTrade{
		{&data.Trade{Platform: data.PlatformTaobao, OrderNo: "123456789012345678", TradedAt: at("2024-05-01 05:30:15"),
			Status: data.StatusPaid, Goods: "西湖龙井 250g", Quantity: 2, AmountFen: 1999, ShipName: "王小明",
			ShipPhone: "13800138000", ShipAddress: "浙江省杭州市西湖区文三路 1 号", Extra: map[string]string{"快递单号": "SF1234567890123"}}, wang},
		{&data.Trade{Platform: data.PlatformTaobao, OrderNo: "000123456789012345", TradedAt: at("2023-12-31 16:00:00"),
			Status: data.StatusRefunded, Goods: "茶具套装", Quantity: 1, AmountFen: 12345678901, RefundFen: 12345678901}, wang},
		{&data.Trade{Platform: data.PlatformJD, OrderNo: "C536379", TradedAt: at("2024-02-29 02:03:04"),
			Status: data.StatusPaid, Goods: "退货", Quantity: 1, AmountFen: -500, Note: "退款单"}, li},
		{&data.Trade{Platform: data.PlatformOther, TradedAt: at("2024-06-18 00:00:00"), Status: data.StatusUnpaid,
			Goods: "+1 赠品", Quantity: 1, AmountFen: 7}, zhen},
	}
	return []*data.Customer{wang, li, zhen}, trades
}

func customersOf(cs []*data.Customer) func(func(*data.Customer) error) error {
	return func(yield func(*data.Customer) error) error {
		for _, c := range cs {
			if err := yield(c); err != nil {
				return err
			}
		}
		return nil
	}
}

func tradesOf(ts []ownedTrade) func(func(*data.Trade, *data.Customer) error) error {
	return func(yield func(*data.Trade, *data.Customer) error) error {
		for _, o := range ts {
			if err := yield(o.t, o.owner); err != nil {
				return err
			}
		}
		return nil
	}
}

// sampleLayout is the default layout with the sample's extra fields.
func sampleLayout() Layout {
	return DefaultLayout().WithExtras([]string{"积分", "会员等级"}, []string{"快递单号"})
}

// write archives the shop and returns the file bytes.
func write(t *testing.T, l Layout, cs []*data.Customer, ts []ownedTrade) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Archive(&buf, l, cst, customersOf(cs), tradesOf(ts)); err != nil {
		t.Fatalf("Archive: %v", err)
	}
	return buf.Bytes()
}

// open reads a written workbook back with excelize.
func open(t *testing.T, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

// cellAt is the address of the column headed header, in row row.
func cellAt(t *testing.T, f *excelize.File, sheet, header string, row int) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) == 0 {
		t.Fatalf("sheet %s: rows %v, err %v", sheet, len(rows), err)
	}
	for i, h := range rows[0] {
		if h == header {
			name, _ := excelize.CoordinatesToCellName(i+1, row)
			return name
		}
	}
	t.Fatalf("sheet %s has no header %q", sheet, header)
	return ""
}

// numeric is the type excelize reports for a cell without a t attribute: a number
// (Excel dates are numbers with a date format).
const numeric = excelize.CellTypeUnset

func TestArchiveWritesTypedCells(t *testing.T) {
	cs, ts := sample()
	f := open(t, write(t, sampleLayout(), cs, ts))
	text := excelize.CellTypeInlineString
	tests := []struct {
		name, sheet, header string
		row                 int
		typ                 excelize.CellType
		raw, shown          string
	}{
		{"nick is text", CustomersSheet, "顾客网名", 2, text, "小王爱喝茶", "小王爱喝茶"},
		{"mobile phone is text, not 1.38E+10", CustomersSheet, "手机", 2, text, "13800138000", "13800138000"},
		{"landline keeps its leading zero and dash", CustomersSheet, "手机", 3, text, "0571-88886666", "0571-88886666"},
		{"qq keeps its leading zero", CustomersSheet, "QQ", 2, text, "012345", "012345"},
		{"platform is its Chinese name", CustomersSheet, "平台", 3, text, "京东", "京东"},
		{"gender is a word", CustomersSheet, "性别", 2, text, "女", "女"},
		{"opt-out says yes", CustomersSheet, "不接收营销", 3, text, "是", "是"},
		{"opt-in says no", CustomersSheet, "不接收营销", 2, text, "否", "否"},
		{"tags are joined", CustomersSheet, "标签", 2, text, "老客,爱喝茶", "老客,爱喝茶"},
		{"full birthday is a date cell", CustomersSheet, "生日", 2, numeric, "33100", "1990-08-15"},
		{"birthday without a year is text", CustomersSheet, "生日", 3, text, "02-29", "02-29"},
		{"lunar birthday is text in its own column", CustomersSheet, "农历生日", 4, text, "08-15", "08-15"},
		{"extra field is text", CustomersSheet, "积分", 2, text, "1200", "1200"},
		{"extra field keeps leading zeros", CustomersSheet, "积分", 3, text, "0080", "0080"},
		{"trade count is a number", CustomersSheet, "交易次数", 2, numeric, "3", "3"},
		{"total is yuan", CustomersSheet, "累计金额", 2, numeric, "12999", "¥12,999.00"},
		{"negative total is negative yuan", CustomersSheet, "累计金额", 3, numeric, "-5", "-¥5.00"},
		{"last trade is local time", CustomersSheet, "最近交易", 2, numeric, "45413.56267361111", "2024-05-01 13:30:15"},
		{"18-digit order number is text", TradesSheet, "订单编号", 2, text, "123456789012345678", "123456789012345678"},
		{"order number keeps leading zeros", TradesSheet, "订单编号", 3, text, "000123456789012345", "000123456789012345"},
		{"trade time is shown in the seller's zone", TradesSheet, "交易时间", 2, numeric, "45413.56267361111", "2024-05-01 13:30:15"},
		{"trade time crosses midnight into the local date", TradesSheet, "交易时间", 3, numeric, "45292", "2024-01-01 00:00:00"},
		{"paid is 交易成功", TradesSheet, "订单状态", 2, text, "交易成功", "交易成功"},
		{"refunded is 退款成功", TradesSheet, "订单状态", 3, text, "退款成功", "退款成功"},
		{"unpaid is 等待买家付款", TradesSheet, "订单状态", 5, text, "等待买家付款", "等待买家付款"},
		{"amount is numeric yuan", TradesSheet, "成交价格", 2, numeric, "19.99", "¥19.99"},
		{"large amount keeps its fen", TradesSheet, "成交价格", 3, numeric, "123456789.01", "¥123,456,789.01"},
		{"refund-only amount is negative", TradesSheet, "成交价格", 4, numeric, "-5", "-¥5.00"},
		{"seven fen stay seven fen", TradesSheet, "成交价格", 5, numeric, "0.07", "¥0.07"},
		{"refund is numeric yuan", TradesSheet, "退款金额", 3, numeric, "123456789.01", "¥123,456,789.01"},
		{"quantity is an integer", TradesSheet, "数量", 2, numeric, "2", "2"},
		{"owner's nick identifies the customer", TradesSheet, "顾客网名", 4, text, "jd_0571", "jd_0571"},
		{"owner's name is on the trade row", TradesSheet, "真实姓名", 4, text, "李四", "李四"},
		{"owner's landline is on the trade row", TradesSheet, "手机", 4, text, "0571-88886666", "0571-88886666"},
		{"trade platform is its Chinese name", TradesSheet, "平台", 5, text, "其他", "其他"},
		{"ship phone is text", TradesSheet, "收货电话", 2, text, "13800138000", "13800138000"},
		{"trade extra field is text", TradesSheet, "快递单号", 2, text, "SF1234567890123", "SF1234567890123"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cell := cellAt(t, f, tt.sheet, tt.header, tt.row)
			typ, err := f.GetCellType(tt.sheet, cell)
			if err != nil || typ != tt.typ {
				t.Errorf("%s type: got %v (err %v), want %v", cell, typ, err, tt.typ)
			}
			raw, _ := f.GetCellValue(tt.sheet, cell, excelize.Options{RawCellValue: true})
			if raw != tt.raw {
				t.Errorf("%s raw: got %q, want %q", cell, raw, tt.raw)
			}
			shown, _ := f.GetCellValue(tt.sheet, cell)
			if shown != tt.shown {
				t.Errorf("%s shown: got %q, want %q", cell, shown, tt.shown)
			}
		})
	}
}

func TestArchiveLeavesEmptyValuesBlank(t *testing.T) {
	cs, ts := sample()
	f := open(t, write(t, sampleLayout(), cs, ts))
	tests := []struct {
		name, sheet, header string
		row                 int
	}{
		{"solar column of a lunar birthday", CustomersSheet, "生日", 4},
		{"lunar column of a solar birthday", CustomersSheet, "农历生日", 2},
		{"unknown gender", CustomersSheet, "性别", 4},
		{"customer without trades has no last trade", CustomersSheet, "最近交易", 3},
		{"missing extra field", CustomersSheet, "会员等级", 3},
		{"no refund", TradesSheet, "退款金额", 2},
		{"no order number", TradesSheet, "订单编号", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cell := cellAt(t, f, tt.sheet, tt.header, tt.row)
			if v, _ := f.GetCellValue(tt.sheet, cell); v != "" {
				t.Errorf("%s: got %q, want empty", cell, v)
			}
		})
	}
}

func TestArchiveSheetSetup(t *testing.T) {
	cs, ts := sample()
	l := sampleLayout()
	f := open(t, write(t, l, cs, ts))
	if got, want := strings.Join(f.GetSheetList(), ","), CustomersSheet+","+TradesSheet+","+LayoutSheet; got != want {
		t.Fatalf("sheets: got %v, want %v", got, want)
	}
	if visible, _ := f.GetSheetVisible(LayoutSheet); visible {
		t.Error("the column map sheet is visible, want it very hidden")
	}
	if rows, _ := f.GetRows(LayoutSheet); len(rows) != len(l.Customers)+len(l.Trades) {
		t.Errorf("column map: got %d rows, want one per column (%d)", len(rows), len(l.Customers)+len(l.Trades))
	}
	filters := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" {
			filters[d.Scope] = d.RefersTo
		}
	}
	for _, tt := range []struct {
		sheet      string
		cols       []Column
		filter     string
		wideHeader string
		minWidth   float64
	}{
		{CustomersSheet, l.Customers, "'客户'!$A$1:$W$4", "收货地址", 40},
		{TradesSheet, l.Trades, "'交易'!$A$1:$P$5", "订单编号", 20},
	} {
		t.Run(tt.sheet+" header row is the layout, in order", func(t *testing.T) {
			rows, _ := f.GetRows(tt.sheet)
			var want []string
			for _, c := range tt.cols {
				want = append(want, c.Header)
			}
			if got := strings.Join(rows[0], "|"); got != strings.Join(want, "|") {
				t.Errorf("got %v, want %v", got, strings.Join(want, "|"))
			}
		})
		t.Run(tt.sheet+" header row is frozen", func(t *testing.T) {
			p, err := f.GetPanes(tt.sheet)
			if err != nil || !p.Freeze || p.YSplit != 1 || p.XSplit != 0 || p.TopLeftCell != "A2" {
				t.Errorf("got %+v (err %v), want frozen at A2", p, err)
			}
		})
		t.Run(tt.sheet+" filter covers header and rows", func(t *testing.T) {
			if got := filters[tt.sheet]; got != tt.filter {
				t.Errorf("got %v, want %v", got, tt.filter)
			}
		})
		t.Run(tt.sheet+" header is bold", func(t *testing.T) {
			for i := range tt.cols {
				cell, _ := excelize.CoordinatesToCellName(i+1, 1)
				id, _ := f.GetCellStyle(tt.sheet, cell)
				st, err := f.GetStyle(id)
				if err != nil || st.Font == nil || !st.Font.Bold {
					t.Fatalf("%s: got style %+v (err %v), want bold", cell, st, err)
				}
			}
		})
		t.Run(tt.sheet+" columns are wide enough", func(t *testing.T) {
			col := strings.TrimRight(cellAt(t, f, tt.sheet, tt.wideHeader, 1), "1")
			if w, _ := f.GetColWidth(tt.sheet, col); w < tt.minWidth {
				t.Errorf("%s width: got %v, want at least %v", tt.wideHeader, w, tt.minWidth)
			}
		})
	}
}

func TestArchiveWritesAutoFilterIntoSheetXML(t *testing.T) {
	cs, ts := sample()
	for name, body := range sheetXML(t, write(t, sampleLayout(), cs, ts)) {
		if !strings.Contains(body, `<autoFilter ref="$A$1:`) {
			t.Errorf("%s: got no autoFilter element, want one", name)
		}
	}
}

// sheetXML returns every worksheet part of a written workbook.
func sheetXML(t *testing.T, b []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("zip: %v", err)
	}
	out := map[string]string{}
	for _, zf := range zr.File {
		// sheet1 and sheet2 are the data sheets; sheet3 is the hidden column map.
		if zf.Name != "xl/worksheets/sheet1.xml" && zf.Name != "xl/worksheets/sheet2.xml" {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		out[zf.Name] = string(body)
	}
	if len(out) != 2 {
		t.Fatalf("worksheets: got %d, want 2", len(out))
	}
	return out
}

func TestArchiveWritesFormulaLikeTextAsPlainStrings(t *testing.T) {
	values := []string{"=1+1", "+86 138 0013 8000", "-5", "@SUM(A1)", "\t=1+1", "\r=1+1",
		`=HYPERLINK("http://example.com","点我")`, "=cmd|' /C calc'!A0"}
	var cs []*data.Customer
	var ts []ownedTrade
	for i, v := range values {
		c := &data.Customer{Platform: data.PlatformTaobao, Nick: v, Note: v, Extra: map[string]string{"积分": v}}
		cs = append(cs, c)
		ts = append(ts, ownedTrade{&data.Trade{OrderNo: v, Goods: v, Note: v, Status: data.StatusPaid,
			TradedAt: time.Date(2024, 1, i+1, 0, 0, 0, 0, time.UTC), Extra: map[string]string{"快递单号": v}}, c})
	}
	b := write(t, sampleLayout(), cs, ts)
	f := open(t, b)
	for _, tt := range []struct{ sheet, header string }{
		{CustomersSheet, "顾客网名"}, {CustomersSheet, "备注"}, {CustomersSheet, "积分"},
		{TradesSheet, "订单编号"}, {TradesSheet, "购买商品"}, {TradesSheet, "交易备注"}, {TradesSheet, "快递单号"},
	} {
		for i, v := range values {
			t.Run(strconv.Quote(v)+" in "+tt.header+" comes back as typed", func(t *testing.T) {
				cell := cellAt(t, f, tt.sheet, tt.header, i+2)
				if got, _ := f.GetCellValue(tt.sheet, cell, excelize.Options{RawCellValue: true}); got != v {
					t.Errorf("%s: got %q, want %q", cell, got, v)
				}
				if typ, _ := f.GetCellType(tt.sheet, cell); typ != excelize.CellTypeInlineString {
					t.Errorf("%s type: got %v, want %v", cell, typ, excelize.CellTypeInlineString)
				}
				if fx, _ := f.GetCellFormula(tt.sheet, cell); fx != "" {
					t.Errorf("%s formula: got %q, want none", cell, fx)
				}
			})
		}
	}
	for name, body := range sheetXML(t, b) {
		if strings.Contains(body, "<f>") || strings.Contains(body, "<f ") {
			t.Errorf("%s: got a formula element, want none", name)
		}
	}
}

func TestArchiveKeepsOddTextExactly(t *testing.T) {
	values := []string{"_x0041_", "第一行\n第二行", "  两边有空格  ", "表情😊", "全角ＡＢＣ１２３", "<b>&amp;</b>", "'0571"}
	var cs []*data.Customer
	for _, v := range values {
		cs = append(cs, &data.Customer{Nick: v})
	}
	f := open(t, write(t, DefaultLayout(), cs, nil))
	for i, v := range values {
		t.Run(strconv.Quote(v), func(t *testing.T) {
			cell := cellAt(t, f, CustomersSheet, "顾客网名", i+2)
			if got, _ := f.GetCellValue(CustomersSheet, cell, excelize.Options{RawCellValue: true}); got != v {
				t.Errorf("%s: got %q, want %q", cell, got, v)
			}
		})
	}
}

func TestArchiveDropsCharactersXMLCannotCarry(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\x01b", "ab"}, {"\x00\x1f", ""}, {"tab\tok", "tab\tok"}, {"a\uFFFEb\uFFFF", "ab"}, {"正常", "正常"},
	}
	var cs []*data.Customer
	for _, tt := range tests {
		cs = append(cs, &data.Customer{Nick: tt.in})
	}
	f := open(t, write(t, DefaultLayout(), cs, nil))
	for i, tt := range tests {
		t.Run(strconv.Quote(tt.in), func(t *testing.T) {
			cell := cellAt(t, f, CustomersSheet, "顾客网名", i+2)
			if got, _ := f.GetCellValue(CustomersSheet, cell, excelize.Options{RawCellValue: true}); got != tt.want {
				t.Errorf("%s: got %q, want %q", cell, got, tt.want)
			}
		})
	}
}
