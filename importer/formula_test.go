package importer

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"shopcrm/data"
)

// An xlsx export writes every text as a string cell: a buyer who calls themselves
// "=HYPERLINK(…)" must not become a live formula in the seller's Excel.
func TestExportWritesTextAsStringCellsNeverFormulas(t *testing.T) {
	dir := t.TempDir()
	s := newStore(t)
	ctx := context.Background()
	evil := map[string]bool{`=HYPERLINK("http://evil.example","点我")`: true, "+1+1": true, "@SUM(A1)": true, "-1+2": true}
	i := 0
	for text := range evil {
		c := &data.Customer{Platform: data.PlatformTaobao, Nick: text, Name: text, Address: text}
		if err := s.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
		tr := &data.Trade{CustomerID: c.ID, TradedAt: time.Date(2026, 1, 1+i, 0, 0, 0, 0, time.UTC), Goods: text, AmountFen: 100}
		if err := s.CreateTrade(ctx, tr); err != nil {
			t.Fatal(err)
		}
		i++
	}
	path := filepath.Join(dir, "out.xlsx")
	if _, err := ExportFile(ctx, s, path, data.CustomerFilter{}, time.UTC); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
					t.Errorf("%s!%s holds the formula %q", sheet, cell, formula)
				}
				if !evil[v] {
					continue
				}
				found++
				if typ, _ := f.GetCellType(sheet, cell); typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
					t.Errorf("%s!%s %q: cell type %v, want a string cell", sheet, cell, v, typ)
				}
			}
		}
	}
	if found < len(evil)*2 {
		t.Fatalf("found %d of the texts in the export, want at least %d", found, len(evil)*2)
	}
	log, _ := s.FindAuditLog(ctx, 1)
	if len(log) != 1 || log[0].Action != "export" || log[0].Count != len(evil) {
		t.Errorf("audit: got %+v, want an export entry of %d customers", log, len(evil))
	}
}
