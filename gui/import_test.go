package gui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"shopcrm/gui/internal/guitest"
	"shopcrm/importer/field"
)

// writeSheet writes a small classic archive sheet (one trade per row) as CSV.
// writeSheet is a small customer sheet with a title row above its header.
func writeSheet(t *testing.T) string { return guitest.WriteSheet(t) }

func TestImportWizardPreviewCheckImportAndUndo(t *testing.T) {
	g, _ := newTestApp(t)
	g.openImport(writeSheet(t))
	w := g.wizard
	if w.Preview() == nil {
		t.Fatal("no preview")
	}
	if got := w.Preview().Mapping.HeaderRow; got != 2 {
		t.Errorf("header row: got %d, want 2 (below the title row)", got)
	}
	want := []field.Key{field.OrderNo, field.TradedAt, field.Nick, field.Name, field.Phone, field.Goods, field.Amount, field.Extra("积分")}
	for i, k := range want {
		if w.Fields()[i] != k {
			t.Errorf("column %d: got %q, want %q", i, w.Fields()[i], k)
		}
	}
	// The seller decides 积分 is not wanted.
	w.SetField(7, field.Ignore)

	test.Tap(button(t, g.win, "检查数据"))
	if w.Result() == nil || w.Result().CustomersCreated != 2 || w.Result().TradesCreated != 2 || w.Result().Skipped != 1 {
		t.Fatalf("dry run: got %+v, want 2 customers, 2 trades, 1 row skipped", w.Result())
	}
	if g.customers.Total() != 0 {
		t.Fatal("the check wrote customers")
	}
	if !hasText(g.win, "交易没有日期：已跳过（不会编造日期）") {
		t.Error("the skipped row's problem is not listed")
	}
	if !hasTextContaining(g.win, "共 1 处问题（见下表）") {
		t.Error("the summary does not point at the problem table")
	}
	if got := lang.L("import.would", map[string]any{"Problems": 0}); strings.Contains(got, "见下表") {
		t.Errorf("a check without problems points at a table it does not show: %s", got)
	}

	test.Tap(button(t, g.win, "开始导入"))
	if got := g.customers.Total(); got != 2 {
		t.Fatalf("after import: %d customers in the list, want 2", got)
	}
	c, _ := g.store.FindCustomerByNick(t.Context(), "taobao", "小米粒")
	if c == nil || c.Stats.TradeCount != 2 || c.Stats.TotalFen != 42600 || c.Extra["积分"] != "" {
		t.Errorf("小米粒: got %+v", c)
	}
	test.Tap(button(t, g.win, "完成"))

	// 导入记录 lists the batch; 撤销 takes it back.
	test.Tap(button(t, g.win, "导入记录"))
	if len(g.history.Batches()) != 1 || !strings.HasSuffix(g.history.Batches()[0].FileName, ".csv") {
		t.Fatalf("history: got %+v", g.history.Batches())
	}
	test.Tap(button(t, g.win, "撤销"))
	test.Tap(button(t, g.win, "撤销")) // the confirmation
	if got := g.customers.Total(); got != 0 {
		t.Errorf("after undo: %d customers, want 0", got)
	}
	if g.history.Batches()[0].RevertedAt.IsZero() {
		t.Error("the batch is not marked undone")
	}
}

func TestImportWizardExplainsFilesItCannotRead(t *testing.T) {
	// An Excel 2003 XML spreadsheet saved with an .xls name: no BIFF, no table.
	path := filepath.Join(t.TempDir(), "old.xls")
	xml := `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>`
	if err := os.WriteFile(path, []byte(xml), 0o600); err != nil {
		t.Fatal(err)
	}
	g, _ := newTestApp(t)
	g.openImport(path)
	if !hasTextContaining(g.win, "选择「另存为 → Excel 工作簿 (.xlsx)」后再导入") {
		t.Error("no plain message for an .xls this app cannot read")
	}
}

// TestImportWizardOpensALegacyXLS: a real Taobao export in Excel 97–2003 format opens
// in the preview with its buyer column recognised, like an .xlsx.
func TestImportWizardOpensALegacyXLS(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "data", "mingri", "TB2018_1783rows.xls")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("real test files are not here: %v", err)
	}
	g, _ := newTestApp(t)
	g.openImport(path)
	p := g.wizard.Preview()
	if p == nil || p.Format != "xls" || len(p.Rows) == 0 {
		t.Fatalf("no preview of the .xls: %+v", p)
	}
	if !slices.Contains(g.wizard.Fields(), field.Nick) || p.Rows[0][0] != "mrsoft001" {
		t.Errorf("got fields %v and first row %q, want 买家会员名 as the nick and mrsoft001", g.wizard.Fields(), p.Rows[0])
	}
}
