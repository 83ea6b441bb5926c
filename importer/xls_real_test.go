package importer

import (
	"bufio"
	"compress/gzip"
	"context"
	"maps"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"shopcrm/data"
)

// xlsKey reads testdata/xls_key.tsv.gz, the answer key for the real .xls exports that
// testdata/xls_key.py computes with its own BIFF8 reader (Python standard library only)
// and PRODUCT.md's counting rule: file → buyer → {counting trades, total fen}.
func xlsKey(t *testing.T) map[string]map[string][2]int64 {
	t.Helper()
	f, err := os.Open("testdata/xls_key.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	key := map[string]map[string][2]int64{}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		rec := strings.Split(sc.Text(), "\t")
		if len(rec) != 4 || rec[0] == "file" {
			continue
		}
		n, err1 := strconv.ParseInt(rec[2], 10, 64)
		fen, err2 := strconv.ParseInt(rec[3], 10, 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad key line %q", sc.Text())
		}
		if key[rec[0]] == nil {
			key[rec[0]] = map[string][2]int64{}
		}
		key[rec[0]][rec[1]] = [2]int64{n, fen}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return key
}

// salesUnmapped lists files whose money column the importer does not map yet, so the
// key's trade counts are checked as stored orders per customer and the totals not:
// Superstore's "Sales" becomes an extra field (as in superstore.xlsx), a header
// mapping gap, not a reading one.
var salesUnmapped = map[string]bool{"superstore/superstore.xls": true}

// TestRealXLSExportsMatchTheAnswerKey imports every real .xls export with buyers and
// compares every customer's counting trades and total with the independent key.
func TestRealXLSExportsMatchTheAnswerKey(t *testing.T) {
	key := xlsKey(t)
	files := make([]string, 0, len(key))
	for f := range key {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, file := range files {
		t.Run(file, func(t *testing.T) {
			s := newStore(t)
			res := importFile(t, s, realFile(t, file), Options{})
			got := map[string][2]int64{}
			err := s.EachCustomer(context.Background(), data.CustomerFilter{}, func(c *data.Customer) error {
				got[c.Nick] = [2]int64{int64(c.Stats.TradeCount), c.Stats.TotalFen}
				if salesUnmapped[file] {
					trades, err := s.FindTrades(context.Background(), c.ID)
					got[c.Nick] = [2]int64{int64(len(trades)), 0}
					return err
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			want := key[file]
			if salesUnmapped[file] {
				want = maps.Clone(want)
				for nick, w := range want {
					want[nick] = [2]int64{w[0], 0}
				}
			}
			bad := 0
			for nick, w := range want {
				if g, ok := got[nick]; !ok || g != w {
					if bad++; bad <= 5 {
						t.Errorf("%s: got %v (present %v), want %d trades, %d fen", nick, g, ok, w[0], w[1])
					}
				}
			}
			for nick, g := range got {
				if _, ok := want[nick]; !ok && (g[0] != 0 || g[1] != 0) {
					if bad++; bad <= 10 {
						t.Errorf("%s: got %v, not in the key", nick, g)
					}
				}
			}
			if bad > 0 {
				t.Errorf("%d of %d buyers differ (import: %+v)", bad, len(want), res)
			}
		})
	}
}

// TestRealXLSAndXLSXImportAlike imports the same workbook saved as .xls and as .xlsx
// (Superstore: 9,994 lines, 5,009 orders, 793 customers): every trade must come out the
// same, order number, time, quantity and amount. Extra fields may differ in one way
// only: an unmapped date column reads as a date from the .xls and as the day number the
// .xlsx stores. The two files' Profit doubles differ in the 15th digit for 13 lines
// (55.7449999999999 in the .xls, 55.745 in the .xlsx: written by different tools), so
// Profit is compared as a number.
func TestRealXLSAndXLSXImportAlike(t *testing.T) {
	trades := func(file string) map[string]data.Trade {
		s := newStore(t)
		importFile(t, s, realFile(t, file), Options{})
		out := map[string]data.Trade{}
		err := s.EachCustomer(context.Background(), data.CustomerFilter{}, func(c *data.Customer) error {
			ts, err := s.FindTrades(context.Background(), c.ID)
			for _, tr := range ts {
				out[c.Nick+"/"+tr.OrderNo] = *tr
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	xls, xlsx := trades("superstore/superstore.xls"), trades("superstore/superstore.xlsx")
	if len(xls) != 5009 || len(xlsx) != len(xls) {
		t.Fatalf("got %d trades from .xls and %d from .xlsx, want 5009 each", len(xls), len(xlsx))
	}
	bad := 0
	for k, a := range xls {
		b, ok := xlsx[k]
		if !ok || !a.TradedAt.Equal(b.TradedAt) || a.AmountFen != b.AmountFen || a.Quantity != b.Quantity ||
			a.Status != b.Status || a.Goods != b.Goods || a.Extra["Postal Code"] != b.Extra["Postal Code"] ||
			a.Extra["Sales"] != b.Extra["Sales"] || a.Extra["Discount"] != b.Extra["Discount"] ||
			!near(a.Extra["Profit"], b.Extra["Profit"]) {
			if bad++; bad <= 3 {
				t.Errorf("%s: .xls %+v\n.xlsx %+v", k, a, b)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d trades differ", bad, len(xls))
	}
}

// near reports whether two decimal texts are the same number to nine decimals.
func near(a, b string) bool {
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	return err1 == nil && err2 == nil && math.Abs(x-y) < 1e-9
}

// TestHTMLTableSavedAsXLSImports: an old ERP export, an HTML table in GBK saved as .xls,
// imports like the sheet it shows: order numbers kept as text, money and times read.
func TestHTMLTableSavedAsXLSImports(t *testing.T) {
	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body>
<table border=1>
<tr><td>订单编号</td><td>买家会员名</td><td>买家实际支付金额</td><td>订单付款时间</td></tr>
<tr><td style="mso-number-format:'\@'">226000000012345678</td><td>tb_小王</td><td>128.50</td><td>2019-05-01 10:00:00</td></tr>
<tr><td style="mso-number-format:'\@'">226000000012345679</td><td>tb_小王</td><td>1,000.00</td><td>2019-06-01 10:00:00</td></tr>
<tr><td style="mso-number-format:'\@'">226000000012345680</td><td>tb_老张</td><td>66</td><td>2019-06-02 11:00:00</td></tr>
</table></body></html>`
	body, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "erp订单.xls")
	if err := os.WriteFile(path, body, 0o600); err != nil {
		t.Fatal(err)
	}
	s := newStore(t)
	res := importFile(t, s, path, Options{})
	if res.CustomersCreated != 2 || res.TradesCreated != 3 || res.Rejected+res.Skipped != 0 {
		t.Fatalf("got %+v, want 2 buyers and 3 orders", res)
	}
	wantStats(t, s, data.PlatformTaobao, "tb_小王", 2, 112850)
	wantStats(t, s, data.PlatformTaobao, "tb_老张", 1, 6600)
	trades, err := s.FindTrades(context.Background(), customer(t, s, data.PlatformTaobao, "tb_老张").ID)
	if err != nil || len(trades) != 1 || trades[0].OrderNo != "226000000012345680" {
		t.Errorf("got %+v (%v), want order 226000000012345680 kept exactly", trades, err)
	}
}
