package imports

import (
	"context"
	"io"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/internal/guitest"
)

// undoButtons counts the 撤销 buttons on screen.
func undoButtons(w fyne.Window) int {
	n := 0
	guitest.Walk(w.Content(), func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == "撤销" {
			n++
		}
		return false
	})
	return n
}

// TestHistoryOffersUndoOnEveryImportNothingBuildsOn: 导入记录 offers 撤销 on an older
// import when no later one builds on it, and otherwise says on that row which import
// to undo first (issue 16, item 8: an older row showed nothing, though the tour said
// to pick the import and click 撤销).
func TestHistoryOffersUndoOnEveryImportNothingBuildsOn(t *testing.T) {
	g, store := newTestApp(t)
	ctx := context.Background()
	h := NewHistory(g.win, store, func(f func()) { f() })
	g.win.SetContent(h.Content)
	imp := func(file, nick, city string, fen int64) {
		row := data.ImportRow{Row: 2, Customer: data.Customer{Platform: data.PlatformTaobao, Nick: nick, City: city}}
		if fen > 0 {
			row.Trade = &data.Trade{TradedAt: time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC), Goods: "茶", AmountFen: fen, Quantity: 1}
		}
		done := false
		if _, err := store.Import(ctx, data.ImportOptions{FileName: file}, nil, func() (*data.ImportRow, error) {
			if done {
				return nil, io.EOF
			}
			done = true
			return &row, nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	imp("淘宝.xlsx", "小米粒", "杭州", 26800)
	imp("京东.xlsx", "花花", "北京", 12800) // other buyers: the 淘宝 import can still be undone
	h.Reload()
	if n := undoButtons(g.win); n != 2 {
		t.Fatalf("%d 撤销 buttons, want one on each of two independent imports", n)
	}
	imp("淘宝2.xlsx", "小米粒", "上海", 0) // moves 小米粒: builds on 淘宝.xlsx
	h.Reload()
	if n := undoButtons(g.win); n != 2 {
		t.Errorf("%d 撤销 buttons, want 2 (淘宝2 and 京东; 淘宝 waits for 淘宝2)", n)
	}
	if !hasTextContaining(g.win, "之后导入的「淘宝2.xlsx」用到了这次的数据") {
		t.Error("the blocked 淘宝 import does not say which import to undo first")
	}
}

// TestFileDialogHasAChineseTitle: the file dialog is titled in words, not Fyne's
// "打开 文件" (issue 16, cosmetic: file dialogs half translated).
func TestFileDialogHasAChineseTitle(t *testing.T) {
	g, _ := newTestApp(t)
	PickFile(g.win, func(string) {})
	if !hasText(g.win, "选择要导入的表格") || hasText(g.win, "打开 文件") {
		t.Error("the file dialog should be titled 选择要导入的表格")
	}
}
