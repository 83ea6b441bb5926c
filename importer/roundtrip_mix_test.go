package importer

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"shopcrm/data"
	"shopcrm/data/sqlite"
)

// mixedArchive imports real files of different sources into one archive, as a seller
// moving in would, and exports it. The Shopify orders (Currency USD) come first: they
// set the archive's currency, which the files that name none then follow.
func mixedArchive(t *testing.T) (*sqlite.Store, string) {
	t.Helper()
	s := newStore(t)
	for _, name := range []string{"shopify/oks234_orders_export_1.csv", "taobao/orderlist_201205241917154337.csv",
		"mingri/rfm_all.xlsx", "messy/customer_archive_300rows.xlsx"} {
		importFile(t, s, realFile(t, name), Options{})
	}
	path := filepath.Join(t.TempDir(), "archive.xlsx")
	if _, err := ExportFile(context.Background(), s, path, data.CustomerFilter{}, cst); err != nil {
		t.Fatal(err)
	}
	return s, path
}

// wizardOptions are the options the import wizard passes after its preview: the
// mapping it showed (remembered corrections applied) and the platform it offered.
func wizardOptions(t *testing.T, s *sqlite.Store, path string) Options {
	t.Helper()
	p, err := PreviewFile(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := RecallMapping(context.Background(), s, p.Mapping); err != nil {
		t.Fatal(err)
	}
	return Options{Fields: p.Mapping.Fields, Platform: p.Platform}
}

// wantNoChange fails unless res says the import changed nothing and found no problem.
func wantNoChange(t *testing.T, how string, res *data.ImportResult, customers, trades int) {
	t.Helper()
	if res.CustomersCreated+res.CustomersUpdated+res.TradesCreated+res.TradesUpdated+res.Rejected+res.Skipped != 0 ||
		len(res.Issues) != 0 {
		first := data.RowIssue{}
		if len(res.Issues) > 0 {
			first = res.Issues[0]
		}
		t.Errorf("%s: re-importing the export: created %d/%d, updated %d/%d, skipped %d, rejected %d, %d problems (first %+v); want no change",
			how, res.CustomersCreated, res.TradesCreated, res.CustomersUpdated, res.TradesUpdated, res.Skipped, res.Rejected,
			len(res.Issues), first)
	}
	if res.CustomersUnchanged != customers || res.TradesUnchanged != trades {
		t.Errorf("%s: %d customers and %d trades unchanged, want all %d and %d", how,
			res.CustomersUnchanged, res.TradesUnchanged, customers, trades)
	}
}

func TestMixedArchiveExportReimportsUnchanged(t *testing.T) {
	s, path := mixedArchive(t)
	before := snapshot(t, s)
	n := count(t, s)
	var stored int
	if err := s.EachTrade(context.Background(), data.CustomerFilter{}, func(*data.Trade, *data.Customer) error {
		stored++
		return nil
	}); err != nil {
		t.Fatal(err)
	}

	cli := Options{DryRun: true}
	wantNoChange(t, "command line", importFile(t, s, path, cli), n, stored)
	wizard := wizardOptions(t, s, path)
	wizard.DryRun = true
	wantNoChange(t, "wizard", importFile(t, s, path, wizard), n, stored)

	wizard.DryRun = false
	wantNoChange(t, "wizard import", importFile(t, s, path, wizard), n, stored)
	after := snapshot(t, s)
	if !reflect.DeepEqual(after, before) {
		diffs := 0
		for k, w := range before {
			if g := after[k]; g != w && diffs < 3 {
				diffs++
				t.Errorf("customer %s changed:\n got %s\nwant %s", k, g, w)
			}
		}
		t.Errorf("re-importing the export changed the archive (%d customers before, %d after)", len(before), len(after))
	}
}
