package imports

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"shopcrm/gui/internal/guitest"
)

// TestEnterOpensAPasswordProtectedWorkbook: in the workbook-password dialog Enter
// opens the workbook as 打开 does (issue 16, item 13: Enter did nothing).
func TestEnterOpensAPasswordProtectedWorkbook(t *testing.T) {
	g, _ := newTestApp(t)
	path := filepath.Join(t.TempDir(), "客户.xlsx")
	f := excelize.NewFile()
	for i, row := range [][]any{{"顾客网名", "联系电话", "成交价格"}, {"小米粒", "13800138000", 268}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path, excelize.Options{Password: "茶"}); err != nil {
		t.Fatal(err)
	}
	g.openImport(path)
	var pw *widget.Entry
	guitest.Walk(guitest.TopLayer(g.win), func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widget.Entry); ok && e.Password {
			pw = e
		}
		return pw != nil
	})
	if pw == nil {
		t.Fatal("no password asked for an encrypted workbook")
	}
	g.win.Canvas().Focus(pw)
	pw.TypedRune('茶')
	pw.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	button(t, g.win, "检查数据") // the preview is open
}
