package importer

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"shopcrm/data"
	"shopcrm/data/sqlite"
	"shopcrm/importer/export"
)

// exportHeaders exports the archive and returns the headers of its two sheets.
func exportHeaders(t *testing.T, s *sqlite.Store) (customers, trades []string) {
	t.Helper()
	l, err := currentLayout(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range l.Customers {
		customers = append(customers, c.Header)
	}
	for _, c := range l.Trades {
		trades = append(trades, c.Header)
	}
	return customers, trades
}

func TestExportLayoutFollowsTheSellersArchiveNotTheLastPlatformExport(t *testing.T) {
	s := newStore(t)
	importFile(t, s, realFile(t, "messy/customer_archive_300rows.xlsx"), Options{})
	importFile(t, s, realFile(t, "shopify/oks234_orders_export_1.csv"), Options{})
	c, tr := exportHeaders(t, s)
	// The seller's own 客户信息表 heads the customers sheet, though Shopify came last.
	if got := strings.Join(c[:3], ","); got != "姓名,性别,车牌" {
		t.Errorf("customers sheet starts %v, want the seller's archive (姓名, 性别, 车牌, …)", c)
	}
	for _, h := range c {
		if h == "Billing Name" || h == "Email" || h == "Billing Phone" {
			t.Errorf("customers sheet has Shopify's header %q: %v", h, c)
		}
	}
	// Only Shopify had orders: the trades sheet is in its layout.
	if tr[0] != "Name" {
		t.Errorf("trades sheet starts %v, want Shopify's order layout", tr)
	}

	// A Taobao order export next: mixed order sources get the default trades layout,
	// the customers sheet stays the seller's.
	importFile(t, s, realFile(t, "taobao/orderlist_201205241917154337.csv"), Options{})
	c, tr = exportHeaders(t, s)
	if c[0] != "姓名" {
		t.Errorf("customers sheet starts %v after a Taobao import, want the seller's archive", c)
	}
	def := export.DefaultLayout().Trades
	if tr[0] != def[0].Header || tr[1] != def[1].Header {
		t.Errorf("trades sheet of mixed sources starts %v, want the default layout", tr)
	}
}

func TestExportLayoutOfMixedOrderExportsIsTheDefault(t *testing.T) {
	taobao := newStore(t)
	importFile(t, taobao, realFile(t, "taobao/orderlist_201205241917154337.csv"), Options{})
	if c, _ := exportHeaders(t, taobao); c[0] == export.DefaultLayout().Customers[0].Header {
		t.Errorf("one Taobao export: customers sheet %v, want Taobao's own headers", c)
	}
	// Shopify first: its Currency (USD) becomes the archive's, which the Taobao file,
	// naming none, follows (a USD file into a CNY archive would be refused).
	s := newStore(t)
	importFile(t, s, realFile(t, "shopify/oks234_orders_export_1.csv"), Options{})
	importFile(t, s, realFile(t, "taobao/orderlist_201205241917154337.csv"), Options{})
	c, tr := exportHeaders(t, s)
	for i, col := range export.DefaultLayout().Customers {
		if c[i] != col.Header {
			t.Fatalf("Taobao + Shopify: customers sheet %v, want the default layout", c)
		}
	}
	if tr[0] != export.DefaultLayout().Trades[0].Header {
		t.Errorf("Taobao + Shopify: trades sheet %v, want the default layout", tr)
	}
	// The default layout with the extras re-imports to the same archive.
	path := filepath.Join(t.TempDir(), "a.xlsx")
	if _, err := ExportFile(context.Background(), s, path, data.CustomerFilter{}, cst); err != nil {
		t.Fatal(err)
	}
	res := importFile(t, s, path, Options{DryRun: true})
	if res.CustomersCreated+res.CustomersUpdated+res.TradesCreated+res.TradesUpdated+len(res.Issues) != 0 {
		t.Errorf("re-importing the default-layout export: %+v", res)
	}
}
