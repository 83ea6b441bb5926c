package imports

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"shopcrm/data"
	"shopcrm/gui/internal/guitest"
	"shopcrm/importer/field"
)

// writeSheet is a small customer sheet with a title row above its header.
func writeSheet(t *testing.T) string { return guitest.WriteSheet(t) }

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
func TestPreviewShowsSerialDatesAndFloatPricesAsTheImportReadsThem(t *testing.T) {
	for _, c := range []struct {
		k         field.Key
		raw, want string
	}{
		{field.TradedAt, "40513.351388888886", "2010-12-01 08:26"},
		{field.PaidAt, "43101", "2018-01-01"},
		{field.UnitPrice, "2.5499999999999998", "2.55"},
		{field.Amount, "748.5", "748.5"},                       // already readable: as in the sheet
		{field.TradedAt, "2012-5-23 23:34", "2012-5-23 23:34"}, // text dates stay as written
		{field.OrderNo, "536365", "536365"},
		{field.Extra("积分"), "40513.35", "40513.35"},
	} {
		if got := previewCell(c.k, c.raw); got != c.want {
			t.Errorf("%s %q: shown as %q, want %q", c.k, c.raw, got, c.want)
		}
	}
}

// A file in another currency than the archive's is flagged in the preview, before
// anything is checked or imported.
func TestPreviewWarnsOfAnotherCurrency(t *testing.T) {
	g, s := newTestApp(t)
	if err := s.SetSetting(context.Background(), data.SettingCurrency, "CNY"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "orders.csv")
	body := "Name,Email,Financial Status,Paid at,Currency,Total\n#1,a@example.com,paid,2025-01-02 10:00:00 +0000,USD,10.00\n"
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	g.openImport(path)
	want := "注意：这个文件的金额是 USD，档案用的是 CNY。不同币种的金额不能相加，这个文件不会被导入。"
	if g.wizard.CurrencyNote() != want || !hasTextContaining(g.win, want) {
		t.Errorf("preview note %q, want %q shown", g.wizard.CurrencyNote(), want)
	}
}
