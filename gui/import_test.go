package gui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"fyne.io/fyne/v2/test"

	"shopcrm/importer/field"
)

// writeSheet writes a small classic archive sheet (one trade per row) as CSV.
func writeSheet(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "客户档案.csv")
	body := "客户档案 2026\n" + // a title row above the header
		"订单编号,交易日期,顾客网名,真实姓名,联系电话,购买商品,成交价格,积分\n" +
		"A1,2026-03-01 10:00,小米粒,张三,13800138000,龙井,268,10\n" +
		"A2,2026-03-02 11:00,小米粒,张三,13800138000,普洱,158,\n" +
		"A3,,无日期,李四,13900139000,白茶,99,\n"
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportWizardPreviewCheckImportAndUndo(t *testing.T) {
	g, _ := newTestApp(t)
	g.openImport(writeSheet(t))
	w := g.wizard
	if w.preview == nil {
		t.Fatal("no preview")
	}
	if got := w.preview.Mapping.HeaderRow; got != 2 {
		t.Errorf("header row: got %d, want 2 (below the title row)", got)
	}
	want := []field.Key{field.OrderNo, field.TradedAt, field.Nick, field.Name, field.Phone, field.Goods, field.Amount, field.Extra("积分")}
	for i, k := range want {
		if w.fields[i] != k {
			t.Errorf("column %d: got %q, want %q", i, w.fields[i], k)
		}
	}
	// The seller decides 积分 is not wanted.
	w.fields[7] = field.Ignore
	w.changed = true

	test.Tap(button(t, g.win, "检查数据"))
	if w.result == nil || w.result.CustomersCreated != 2 || w.result.TradesCreated != 2 || w.result.Skipped != 1 {
		t.Fatalf("dry run: got %+v, want 2 customers, 2 trades, 1 row skipped", w.result)
	}
	if g.customers.pages.total != 0 {
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
	if got := g.customers.pages.total; got != 2 {
		t.Fatalf("after import: %d customers in the list, want 2", got)
	}
	c, _ := g.store.FindCustomerByNick(t.Context(), "taobao", "小米粒")
	if c == nil || c.Stats.TradeCount != 2 || c.Stats.TotalFen != 42600 || c.Extra["积分"] != "" {
		t.Errorf("小米粒: got %+v", c)
	}
	test.Tap(button(t, g.win, "完成"))

	// 导入记录 lists the batch; 撤销 takes it back.
	test.Tap(button(t, g.win, "导入记录"))
	if len(g.history.batches) != 1 || !strings.HasSuffix(g.history.batches[0].FileName, ".csv") {
		t.Fatalf("history: got %+v", g.history.batches)
	}
	test.Tap(button(t, g.win, "撤销"))
	test.Tap(button(t, g.win, "撤销")) // the confirmation
	if got := g.customers.pages.total; got != 0 {
		t.Errorf("after undo: %d customers, want 0", got)
	}
	if g.history.batches[0].RevertedAt.IsZero() {
		t.Error("the batch is not marked undone")
	}
}

func TestImportWizardRemembersTheMapping(t *testing.T) {
	g, _ := newTestApp(t)
	path := writeSheet(t)
	g.openImport(path)
	g.wizard.fields[7] = field.Ignore
	g.wizard.changed = true
	test.Tap(button(t, g.win, "检查数据"))
	test.Tap(button(t, g.win, "开始导入"))
	test.Tap(button(t, g.win, "完成"))

	g.openImport(path)
	if got := g.wizard.fields[7]; got != field.Ignore {
		t.Errorf("second time: column 积分 is %q, want the seller's choice (ignore)", got)
	}
}

func TestImportWizardExplainsFilesItCannotRead(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "data", "mingri", "TB2018_1783rows.xls")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("real test files are not here: %v", err)
	}
	g, _ := newTestApp(t)
	g.openImport(path)
	if !hasText(g.win, "这是旧版 Excel（.xls）文件。请在 Excel 或 WPS 中打开，选择「另存为 → Excel 工作簿 (.xlsx)」后再导入。") {
		t.Error("no plain message for a legacy .xls")
	}
}

func TestALongProblemCanBeReadInFull(t *testing.T) {
	g, _ := newTestApp(t)
	path := filepath.Join(t.TempDir(), "orders.csv")
	body := "订单编号,买家会员名,订单付款时间,宝贝标题,买家实际支付金额\n" +
		"1.37359E+14,闫韵434,2012-5-23 23:34,茶叶,145\n"
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	g.openImport(path)
	test.Tap(button(t, g.win, "检查数据"))
	want := "第 2 行「订单编号」：订单编号被 Excel 改成了科学计数法（如 1.37E+14），丢了位数：不作为订单号使用。原值：1.37359E+14"
	if !hasTextContaining(g.win, want) {
		t.Errorf("the problem table cuts long reasons off; the line under it should read %q", want)
	}
}
