package sheet

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// realData is the shared folder of real seller files (see its README); it is not part of
// the repository, so tests using it skip when it is absent.
const realData = "../../../shared/data"

func realFile(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(realData, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("real test file %s not available (%v); the shared data folder is absent", rel, err)
	}
	return p
}

func TestRealFiles(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		format   string
		encoding string
		sheet    string
		rows     int      // non-blank rows returned, header included
		lastRow  int      // RowNumber of the last one
		header   []string // cells that must appear in the first row, untrimmed
		check    func(t *testing.T, rows []row)
	}{
		{
			name: "Taobao GBK export: header and 2 orders, 1,439 ghost rows skipped",
			file: "taobao/orderlist_201205241917154337.csv", format: "csv", encoding: "gb18030",
			sheet: "orderlist_201205241917154337", rows: 3, lastRow: 3,
			header: []string{"订单编号", "买家会员名", "收货地址 ", "联系手机", "订单付款时间 "},
			check: func(t *testing.T, rows []row) {
				if got := rows[1].Cells[0]; got != "1.37359E+14" {
					t.Errorf("got order number %q, want %q (Excel-mangled, kept raw)", got, "1.37359E+14")
				}
				if got := len(rows[0].Cells); got != 32 {
					t.Errorf("got %v header cells, want %v", got, 32)
				}
			},
		},
		{
			name: "Tmall UTF-8 CRLF report: 28,010 orders",
			file: "tmall/tmall_order_report_original.csv", format: "csv", encoding: "utf-8",
			sheet: "tmall_order_report_original", rows: 28011, lastRow: 28011,
			header: []string{"订单编号", "收货地址 ", "订单付款时间 ", "退款金额"},
		},
		{
			name: "Shopify orders: multi-line quoted notes stay one row each",
			file: "shopify/oks234_orders_export_1.csv", format: "csv", encoding: "utf-8",
			sheet: "oks234_orders_export_1", rows: 812, lastRow: 812,
			header: []string{"Name", "Email", "Paid at", "Lineitem quantity", "Notes"},
			check: func(t *testing.T, rows []row) {
				multi := 0
				for i, r := range rows {
					if r.N != i+1 {
						t.Fatalf("got row number %v at record %v, want %v", r.N, i+1, i+1)
					}
					if slices.ContainsFunc(r.Cells, func(c string) bool { return strings.Contains(c, "\n") }) {
						multi++
					}
				}
				if multi == 0 {
					t.Errorf("got %v rows with a multi-line cell, want some", multi)
				}
			},
		},
		{
			name: "JD statistics in GBK with full-width brackets",
			file: "mingri/JD_gbk.csv", format: "csv", encoding: "gb18030",
			sheet: "JD_gbk", rows: 34, lastRow: 34,
			header: []string{"商品名称", "一级分类", "7天点击量"},
			check: func(t *testing.T, rows []row) {
				if !slices.ContainsFunc(rows, func(r row) bool { return strings.Contains(r.Cells[0], "（全彩版）") }) {
					t.Errorf("got no cell with %q, want one", "（全彩版）")
				}
			},
		},
		{
			name: "UCI Online Retail: header and 70,051 invoice lines, dates as serials",
			file: "uci/online_retail_first70051rows.xlsx", format: "xlsx",
			sheet: "Online Retail", rows: 70052, lastRow: 70052,
			header: []string{"InvoiceNo", "InvoiceDate", "UnitPrice", "CustomerID"},
			check: func(t *testing.T, rows []row) {
				date := rows[1].Cells[4]
				if strings.ContainsAny(date, "/-:") || !strings.HasPrefix(date, "40") {
					t.Errorf("got InvoiceDate %q, want an Excel serial like 40513.35", date)
				}
			},
		},
		{
			name: "mingri RFM 2018: header and 1,784 orders",
			file: "mingri/rfm_2018.xlsx", format: "xlsx",
			sheet: "sheet1", rows: 1785, lastRow: 1785,
			header: []string{"买家会员名", "买家实际支付金额", "宝贝标题 ", "订单付款时间"},
		},
		{
			name: "hand-kept customer archive: header and 300 customers",
			file: "messy/customer_archive_300rows.xlsx", format: "xlsx",
			sheet: "客户信息表", rows: 301, lastRow: 301,
			header: []string{"姓名", "性别", "手机号", "上次进站时间"},
		},
		{
			name: "merged cells: values in top-left cells only",
			file: "messy/excelize_MergeCell.xlsx", format: "xlsx",
			sheet: "Sheet1", rows: 12, lastRow: 12,
			header: []string{"A1", "C1", "D1"},
			check: func(t *testing.T, rows []row) {
				if got := rows[0].Cells[1]; got != "" {
					t.Errorf("got B1 %q inside merge A1:B1, want empty", got)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := Open(realFile(t, tt.file), OpenOptions{})
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			if got, want := [2]string{w.Format(), w.Encoding()}, [2]string{tt.format, tt.encoding}; got != want {
				t.Errorf("got format/encoding %v, want %v", got, want)
			}
			if got := w.Sheets(); !slices.Contains(got, tt.sheet) {
				t.Fatalf("got sheets %v, want one named %q", got, tt.sheet)
			}
			rows, err := readAll(t, w, tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != tt.rows || rows[len(rows)-1].N != tt.lastRow {
				t.Fatalf("got %v rows ending at row %v, want %v ending at row %v", len(rows), rows[len(rows)-1].N, tt.rows, tt.lastRow)
			}
			for _, h := range tt.header {
				if !slices.Contains(rows[0].Cells, h) {
					t.Errorf("got header %q, want it to contain %q", rows[0].Cells, h)
				}
			}
			if tt.check != nil {
				tt.check(t, rows)
			}
		})
	}
}

func TestRealEncryptedAndLegacy(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		password string
		want     error
	}{
		{"encrypted workbook without a password asks for it", "messy/excelize_encryptSHA1_password.xlsx", "", ErrPasswordRequired},
		{"encrypted workbook with a wrong password is refused", "messy/excelize_encryptSHA1_password.xlsx", "Password", ErrWrongPassword},
		{"encrypted workbook with the right password opens", "messy/excelize_encryptSHA1_password.xlsx", "password", nil},
		{"an unencrypted .xls opens even with a password given", "mingri/JDdata_24541rows.xls", "password", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := Open(realFile(t, tt.file), OpenOptions{Password: tt.password})
			if !errors.Is(err, tt.want) || (err == nil) != (tt.want == nil) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if err != nil {
				return
			}
			defer w.Close()
			if len(w.Sheets()) == 0 {
				t.Fatalf("got no sheets, want some")
			}
			rows, err := readAll(t, w, w.Sheets()[0])
			if err != nil || len(rows) == 0 {
				t.Errorf("got %v rows (%v), want some", len(rows), err)
			}
		})
	}
}
