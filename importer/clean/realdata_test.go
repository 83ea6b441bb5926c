package clean

import (
	"compress/gzip"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"shopcrm/data"
)

// The real exports described in shared/data/README.md, read from beside the project.
const sharedData = "../../../shared/data"

// openCSV opens a shared data file as CSV, decoding GBK when asked and gunzipping
// .gz files; it skips the test when the folder is absent.
func openCSV(t *testing.T, name string, gbk bool) *csv.Reader {
	t.Helper()
	f, err := os.Open(filepath.Join(sharedData, name))
	if err != nil {
		t.Skipf("shared data not available (%v): these tests read the real exports in %s", err, sharedData)
	}
	t.Cleanup(func() { f.Close() })
	var r io.Reader = f
	if filepath.Ext(name) == ".gz" {
		gz, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		r = gz
	}
	if gbk {
		r = simplifiedchinese.GB18030.NewDecoder().Reader(r)
	}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	return cr
}

// readCSV returns every row of a shared data file, header first.
func readCSV(t *testing.T, name string, gbk bool) [][]string {
	t.Helper()
	rows, err := openCSV(t, name, gbk).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// columns maps each Header-normalized name to its index.
func columns(header []string) map[string]int {
	m := map[string]int{}
	for i, h := range header {
		m[Header(h)] = i
	}
	return m
}

func cell(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

func TestRealTaobaoOrderList(t *testing.T) {
	rows := readCSV(t, "taobao/orderlist_201205241917154337.csv", true)
	col := columns(rows[0])
	for _, h := range []string{"订单编号", "收货地址", "联系电话", "联系手机", "订单创建时间", "订单付款时间", "宝贝标题"} {
		if _, ok := col[h]; !ok {
			t.Fatalf("header %q not found by Header: got %v", h, col)
		}
	}
	orders := 0
	for i, row := range rows[1:] {
		if Empty(cell(row, col["买家会员名"])) {
			continue // the ghost rows of bare commas
		}
		orders++
		if no := cell(row, col["订单编号"]); !Lossy(no) {
			t.Errorf("row %d: order number got Lossy false, want true", i+2)
		}
		if _, ok := Date(cell(row, col["订单创建时间"]), shanghai); !ok {
			t.Errorf("row %d: creation time got ok=false, want true", i+2)
		}
		if _, ok := Status(cell(row, col["订单状态"])); !ok {
			t.Errorf("row %d: status got ok=false, want true", i+2)
		}
		for _, c := range []string{"买家应付货款", "总金额", "买家实际支付金额"} {
			if _, ok := Amount(cell(row, col[c])); !ok {
				t.Errorf("row %d: %s got ok=false, want true", i+2, c)
			}
		}
		if _, ok := data.ParseQuantity(cell(row, col["宝贝总数量"])); !ok {
			t.Errorf("row %d: quantity got ok=false, want true", i+2)
		}
		for _, c := range []string{"联系电话", "联系手机"} {
			if v := cell(row, col[c]); !Empty(v) {
				if _, ok := Phone(v); !ok {
					t.Errorf("row %d: %s got ok=false, want true", i+2, c)
				}
			}
		}
	}
	if orders != 2 {
		t.Errorf("got %d orders, want 2", orders)
	}
}

func TestRealTmallOriginalAndResavedAgree(t *testing.T) {
	orig := readCSV(t, "tmall/tmall_order_report_original.csv", false)
	resaved := readCSV(t, "tmall/tmall_order_report_excel_resaved.csv", false)
	if len(orig) != len(resaved) {
		t.Fatalf("got %d and %d rows, want the same", len(orig), len(resaved))
	}
	oc, rc := columns(orig[0]), columns(resaved[0])
	bad := 0
	for i := 1; i < len(orig) && bad < 10; i++ {
		for _, c := range []string{"订单创建时间", "订单付款时间"} {
			ov, rv := cell(orig[i], oc[c]), cell(resaved[i], rc[c])
			if Empty(ov) && Empty(rv) {
				continue
			}
			ot, ok1 := Date(ov, shanghai)
			rt, ok2 := Date(rv, shanghai)
			if !ok1 || !ok2 || !ot.Truncate(time.Minute).Equal(rt) {
				t.Errorf("row %d %s: got %v %v and %v %v, want equal to the minute", i+1, c, ot, ok1, rt, ok2)
				bad++
			}
		}
		for _, c := range []string{"总金额", "买家实际支付金额", "退款金额"} {
			of, ok1 := Amount(cell(orig[i], oc[c]))
			rf, ok2 := Amount(cell(resaved[i], rc[c]))
			if !ok1 || !ok2 || of != rf {
				t.Errorf("row %d %s: got %v %v and %v %v, want equal", i+1, c, of, ok1, rf, ok2)
				bad++
			}
		}
	}
}

func TestRealShopifyOrders(t *testing.T) {
	for _, name := range []string{"shopify/oks234_orders_export_1.csv", "shopify/zhangerson_orders_export.csv"} {
		t.Run(name, func(t *testing.T) {
			rows := readCSV(t, name, false)
			col := columns(rows[0])
			phones, phonesOK := 0, 0
			for i, row := range rows[1:] {
				if _, ok := Date(cell(row, col["createdat"]), shanghai); !ok {
					t.Errorf("row %d: Created at got ok=false, want true", i+2)
				}
				for _, c := range []string{"paidat", "cancelledat"} {
					if v := cell(row, col[c]); !Empty(v) {
						if _, ok := Date(v, shanghai); !ok {
							t.Errorf("row %d: %s got ok=false, want true", i+2, c)
						}
					}
				}
				if v := cell(row, col["financialstatus"]); !Empty(v) {
					if _, ok := Status(v); !ok {
						t.Errorf("row %d: Financial Status got ok=false, want true", i+2)
					}
				}
				if v := cell(row, col["acceptsmarketing"]); !Empty(v) {
					if _, ok := Bool(v); !ok {
						t.Errorf("row %d: Accepts Marketing got ok=false, want true", i+2)
					}
				}
				for _, c := range []string{"total", "subtotal", "refundedamount", "lineitemprice"} {
					if v := cell(row, col[c]); !Empty(v) {
						if _, ok := Amount(v); !ok {
							t.Errorf("row %d: %s got ok=false, want true", i+2, c)
						}
					}
				}
				if _, ok := data.ParseQuantity(cell(row, col["lineitemquantity"])); !ok {
					t.Errorf("row %d: Lineitem quantity got ok=false, want true", i+2)
				}
				if _, ok := OrderNo(cell(row, col["name"])); !ok {
					t.Errorf("row %d: Name got ok=false, want true", i+2)
				}
				for _, c := range []string{"phone", "billingphone", "shippingphone"} {
					if v := cell(row, col[c]); !Empty(v) {
						phones++
						if _, ok := Phone(v); ok {
							phonesOK++
						}
					}
				}
			}
			// Bare national numbers ("3164837635") carry no country and are reported.
			t.Logf("%d of %d phones clean", phonesOK, phones)
			if phonesOK*2 < phones {
				t.Errorf("got %d of %d phones clean, want most", phonesOK, phones)
			}
		})
	}
}

func TestRealShopifyCustomers(t *testing.T) {
	rows := readCSV(t, "shopify/oks234_customers_export_1.csv", false)
	col := columns(rows[0])
	tagged := 0
	for i, row := range rows[1:] {
		if _, ok := Amount(cell(row, col["totalspent"])); !ok {
			t.Errorf("row %d: Total Spent got ok=false, want true", i+2)
		}
		if _, ok := data.ParseQuantity(cell(row, col["totalorders"])); !ok {
			t.Errorf("row %d: Total Orders got ok=false, want true", i+2)
		}
		if _, ok := Bool(cell(row, col["acceptsemailmarketing"])); !ok {
			t.Errorf("row %d: Accepts Email Marketing got ok=false, want true", i+2)
		}
		if len(Tags(cell(row, col["tags"]))) > 1 {
			tagged++
		}
	}
	if tagged == 0 {
		t.Errorf("got no row with several tags, want some (\"Level 1, newsletter\")")
	}
}

func TestRealJD(t *testing.T) {
	rows := readCSV(t, "mingri/JD_gbk.csv", true)
	col := columns(rows[0])
	for i, row := range rows[1:] {
		if _, ok := Amount(cell(row, col["定价"])); !ok {
			t.Errorf("row %d: 定价 got ok=false, want true", i+2)
		}
		if _, ok := data.ParseQuantity(cell(row, col["订单预定"])); !ok {
			t.Errorf("row %d: 订单预定 got ok=false, want true", i+2)
		}
	}
}

func TestRealUCIOnlineRetail(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("541,909 rows: skipped with -short and -race")
	}
	r := openCSV(t, "uci/online_retail_full.csv.gz", false)
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	col := columns(header)
	date, qty, price, invoice := col["invoicedate"], col["quantity"], col["unitprice"], col["invoiceno"]
	subFen, n := 0, 0
	for {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
		if _, ok := Date(cell(row, date), shanghai); !ok {
			t.Fatalf("row %d: InvoiceDate got ok=false, want true", n+1)
		}
		if _, ok := data.ParseQuantity(cell(row, qty)); !ok {
			t.Fatalf("row %d: Quantity got ok=false, want true", n+1)
		}
		if _, ok := Decimal(cell(row, price), 3); !ok {
			t.Fatalf("row %d: UnitPrice got ok=false, want true", n+1)
		}
		if _, ok := Amount(cell(row, price)); !ok {
			subFen++
		}
		if _, ok := OrderNo(cell(row, invoice)); !ok {
			t.Fatalf("row %d: InvoiceNo got ok=false, want true", n+1)
		}
	}
	if n != 541909 {
		t.Errorf("got %d rows, want 541909", n)
	}
	if subFen != 4 { // "0.001": finer than a fen, read with Decimal
		t.Errorf("got %d unit prices finer than a fen, want 4", subFen)
	}
}
