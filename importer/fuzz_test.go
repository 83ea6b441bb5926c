package importer

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// FuzzImportCSV feeds arbitrary bytes through the whole import (reading, header
// detection, cleaning, the store, as a dry run that rolls back): whatever the file
// holds, the import succeeds or fails with an error, never a panic, and nothing is
// left written.
func FuzzImportCSV(f *testing.F) {
	for _, seed := range []string{
		"顾客网名,联系电话,交易日期,成交价格\n小米粒,13800138000,2026-03-01,268\n",
		"订单编号,买家会员名,订单付款时间,买家实际支付金额\n1.37359E+14,tb1,2012-5-23 23:34,22\n,,,,\n",
		"Name,Email,Financial Status,Paid at,Total,Lineitem name\n#1,a@b.c,paid,2022-01-11 04:32:31 -0500,12.5,x\n#1,a@b.c,,,,y\n",
		"title\n\n姓名;手机\n张三;'158 0000 1111\n",
		"\"unclosed,quote\n顾客网名\n",
	} {
		f.Add([]byte(seed))
	}
	for _, name := range []string{"taobao/orderlist_201205241917154337.csv", "shopify/oks234_orders_export_1.csv"} {
		if b, err := os.ReadFile(filepath.Join(sharedData, name)); err == nil {
			f.Add(b[:min(len(b), 4096)])
		}
	}
	s := newStore(f) // one store: opening SQLite per input would starve the fuzzer
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, body []byte) {
		path := filepath.Join(dir, "in.csv")
		if err := os.WriteFile(path, body, 0o600); err != nil {
			t.Fatal(err)
		}
		Import(context.Background(), s, path, Options{Location: cst, DryRun: true})
		if n := count(t, s); n != 0 {
			t.Fatalf("a dry run left %d customers", n)
		}
	})
}
