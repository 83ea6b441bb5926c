package imports

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"shopcrm/data"
	"shopcrm/importer"
)

// TestWizardReimportsAnArchiveExportUnchanged: an archive of two platforms, exported
// and opened in the wizard, checks as no change at all, both sheets read; the
// platform choice says it only fills rows without a 平台.
func TestWizardReimportsAnArchiveExportUnchanged(t *testing.T) {
	g, s := newTestApp(t)
	ctx := context.Background()
	shopify := filepath.Join(t.TempDir(), "orders_export.csv")
	body := "Name,Email,Financial Status,Paid at,Lineitem quantity,Lineitem name,Total,Billing Name,Billing Phone\n" +
		"#1001,ann@example.com,paid,2026-03-01 10:00:00 -0500,2,Mug,30.00,Ann Lee,800-223-5465\n" +
		"#1002,bob@example.com,paid,2026-03-02 10:00:00 -0500,1,Cap,12.50,Bob Ray,\n"
	if err := os.WriteFile(shopify, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{writeSheet(t), shopify} {
		if _, err := importer.Import(ctx, s, path, importer.Options{Location: time.Local}); err != nil {
			t.Fatal(err)
		}
	}
	export := filepath.Join(t.TempDir(), "archive.xlsx")
	if _, err := importer.ExportFile(ctx, s, export, data.CustomerFilter{}, time.Local); err != nil {
		t.Fatal(err)
	}

	g.openImport(export)
	if !hasText(g.win, "「平台」列为空的行算作") {
		t.Error("the platform choice does not say the sheet's 平台 column comes first")
	}
	test.Tap(button(t, g.win, "检查数据"))
	r := g.wizard.result
	if r == nil {
		t.Fatal("no dry run result")
	}
	if r.CustomersCreated+r.CustomersUpdated+r.TradesCreated+r.TradesUpdated+r.Skipped+r.Rejected+len(r.Issues) != 0 ||
		r.CustomersUnchanged != 4 || r.TradesUnchanged != 4 {
		t.Errorf("checking the export: got %+v, want 4 customers and 4 trades unchanged, nothing else", r)
	}
}
