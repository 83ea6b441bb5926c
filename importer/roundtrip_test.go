package importer

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
	"time"

	"shopcrm/data"
	"shopcrm/data/sqlite"
)

// snapshot is an archive reduced to what a seller sees: every customer field, the
// derived stats and every trade, without ids and bookkeeping times.
func snapshot(t *testing.T, s *sqlite.Store) map[string]string {
	t.Helper()
	ctx := context.Background()
	out := map[string]string{}
	err := s.EachCustomer(ctx, data.CustomerFilter{}, func(c *data.Customer) error {
		key := fmt.Sprintf("%s|%s|%s|%s", c.Platform, c.Nick, c.Name, c.Phone)
		trades, err := s.FindTrades(ctx, c.ID)
		if err != nil {
			return err
		}
		var ts []string
		for _, tr := range trades {
			ts = append(ts, fmt.Sprintf("%s|%s|%s|%s|%d|%d|%d|%s|%s|%s|%s|%v",
				tr.OrderNo, tr.TradedAt.UTC().Format(time.RFC3339), tr.Status, tr.Goods, tr.Quantity, tr.AmountFen,
				tr.RefundFen, tr.ShipName, tr.ShipPhone, tr.ShipAddress, tr.Note, sortedMap(tr.Extra)))
		}
		sort.Strings(ts)
		cc := *c
		cc.ID, cc.CreatedAt, cc.UpdatedAt = 0, time.Time{}, time.Time{}
		out[key] = fmt.Sprintf("%+v extra=%v trades=%v", struct {
			C     data.Customer
			Extra string
		}{cc, ""}, sortedMap(c.Extra), ts)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sortedMap(m map[string]string) []string {
	var out []string
	for k, v := range m {
		out = append(out, k+"="+v)
	}
	sort.Strings(out)
	return out
}

func TestExportReimportsToTheSameArchive(t *testing.T) {
	src := newStore(t)
	for _, name := range []string{"messy/customer_archive_300rows.xlsx", "shopify/oks234_orders_export_1.csv", "taobao/orderlist_201205241917154337.csv"} {
		importFile(t, src, realFile(t, name), Options{})
	}
	// A customer typed by hand, with values that look like formulas.
	ctx := context.Background()
	hand := &data.Customer{Platform: data.PlatformTaobao, Nick: "=1+1", Name: "@张三", Note: "第一行\n第二行",
		Address: "北京市（朝阳区）", Birthday: "08-15", BirthdayLunar: true, Tags: []string{"老客", "VIP"}}
	if err := src.CreateCustomer(ctx, hand); err != nil {
		t.Fatal(err)
	}
	if err := src.CreateTrade(ctx, &data.Trade{CustomerID: hand.ID, TradedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
		Goods: "-5 折扣", AmountFen: 1999, Quantity: 0, Status: data.StatusClosed}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "archive.xlsx")
	n, err := ExportFile(ctx, src, path, data.CustomerFilter{}, cst)
	if err != nil {
		t.Fatal(err)
	}
	if n != count(t, src) {
		t.Errorf("exported %d customers, have %d", n, count(t, src))
	}

	dst := newStore(t)
	importFile(t, dst, path, Options{})
	want, got := snapshot(t, src), snapshot(t, dst)
	if len(got) != len(want) {
		t.Errorf("got %d customers back, want %d", len(got), len(want))
	}
	diffs := 0
	for k, w := range want {
		if g := got[k]; g != w && diffs < 5 {
			diffs++
			t.Errorf("customer %s:\n got %s\nwant %s", k, g, w)
		}
	}

	// Re-importing the export into the archive it came from changes nothing.
	again := importFile(t, src, path, Options{})
	if again.CustomersCreated+again.CustomersUpdated+again.TradesCreated+again.TradesUpdated != 0 {
		t.Errorf("re-importing the export changed the archive: %+v", again)
	}
	if !reflect.DeepEqual(snapshot(t, src), want) {
		t.Error("re-importing the export changed customers")
	}
}

func TestExtraColumnsSurvive(t *testing.T) {
	s := newStore(t)
	importFile(t, s, realFile(t, "messy/customer_archive_300rows.xlsx"), Options{})
	cs, _, err := s.FindCustomers(context.Background(), data.CustomerFilter{Limit: 1})
	if err != nil || len(cs) == 0 {
		t.Fatal(err)
	}
	if len(cs[0].Extra) == 0 {
		t.Fatalf("no extra fields kept on %+v", cs[0])
	}
	path := filepath.Join(t.TempDir(), "out.xlsx")
	if _, err := ExportFile(context.Background(), s, path, data.CustomerFilter{}, cst); err != nil {
		t.Fatal(err)
	}
	p, err := PreviewFile(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for k := range cs[0].Extra {
		found := false
		for _, h := range p.Mapping.Headers {
			found = found || h == k
		}
		if !found {
			t.Errorf("extra column %q is missing from the export headers %v", k, p.Mapping.Headers)
		}
	}
}
