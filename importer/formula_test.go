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

// A workbook written with formulas but without their cached values (openpyxl does
// this): each formula is calculated; one that cannot be is a row problem and its trade
// is not imported — never read as 0.
func TestFormulasWithoutCachedValuesAreCalculatedOrReported(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	sh := f.GetSheetName(0)
	rows := [][]any{
		{"顾客网名", "交易日期", "数量", "单价", "成交价格"},
		{"阿花", "2025-01-02", 2, 12.5},
		{"阿草", "2025-01-03", 3, 10},
		{"阿木", "2025-01-04", 1, 99},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct{ cell, formula string }{
		{"E2", "C2*D2"}, {"E3", "SUM(C3*D3,5)"}, {"E4", "[other.xlsx]Sheet1!A1*2"},
	} {
		if err := f.SetCellFormula(sh, c.cell, c.formula); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "openpyxl.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	s := newStore(t)
	res := importFile(t, s, path, Options{})
	wantStats(t, s, data.PlatformTaobao, "阿花", 1, 2500)
	wantStats(t, s, data.PlatformTaobao, "阿草", 1, 3500)
	wantStats(t, s, data.PlatformTaobao, "阿木", 0, 0)
	found := false
	for _, is := range res.Issues {
		found = found || is.Row == 4 && is.Column == "成交价格" && is.Reason == data.IssueNoValue
	}
	if !found {
		t.Errorf("the formula that cannot be calculated is not reported: %+v", res.Issues)
	}
	wantOutcomes(t, res, data.Outcome{Kind: data.OutcomeRejected, Reason: data.IssueNoValue, Rows: 1, Orders: 1})
}
