package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportSaysWhatItLeftOutAndWhy: shopcrm import tells the skipped and rejected
// rows apart by reason, in rows and orders, says how many orders came in without a
// buyer, and names possible duplicates.
func TestImportSaysWhatItLeftOutAndWhy(t *testing.T) {
	dir := t.TempDir()
	sheet := filepath.Join(dir, "orders.csv")
	body := "订单编号,买家会员名,收货人姓名,收货地址,订单付款时间,宝贝标题,实付金额\n" +
		"A1,阿花,,,2026-01-02 10:00,茶,10\n" +
		"A2,阿花,,,,茶,10\n" + // unpaid
		"A3,,,,2026-01-03 10:00,杯,5\n" + // no buyer: three lines of one unlinked order
		"A3,,,,2026-01-03 10:00,壶,5\n" +
		"A3,,,,2026-01-03 10:00,盘,5\n" +
		",,,,2026-01-03 11:00,杯,5\n" + // neither a buyer nor an order number
		",,,,2026-01-03 12:00,壶,5\n" +
		"B1,,张伟,杭州市西湖区文三路1号,2026-01-04 10:00,茶,10\n" +
		"B2,,张伟,杭州市西湖区文三路1号,2026-01-05 10:00,茶,10\n" + // the same 张伟
		"B3,,张伟,成都市武侯区人民南路9号,2026-01-06 10:00,茶,10\n" // another 张伟
	if err := os.WriteFile(sheet, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "import", sheet, "--data", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"跳过 1 行：未付款的订单（没有付款时间），不算交易",
		"1 笔订单没有买家信息，已作为未关联订单保存",
		"未导入 2 行：没有网名、姓名、手机或邮箱，认不出是哪位客户",
		"1 位新客户可能与已有客户是同一人",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
