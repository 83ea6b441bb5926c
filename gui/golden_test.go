package gui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"shopcrm/data/sqlite"
	"shopcrm/gui/internal/guitest"
)

// seedGoldenShop makes a small, fixed shop for the golden pictures.
func seedGoldenShop(t testing.TB, s *sqlite.Store) { guitest.SeedGoldenShop(t, s) }

func TestGoldenCustomerList(t *testing.T) {
	g, store := newTestApp(t)
	seedGoldenShop(t, store)
	g.customers.Reload()
	g.customers.SelectRow(2)
	test.AssertRendersToMarkup(t, "customer_list.xml", g.win.Canvas())
}

func TestGoldenAddDialogWithChineseText(t *testing.T) {
	g, _ := newTestApp(t)
	test.Tap(button(t, g.win, "新增客户"))
	form := formEntries(g.win) // 顾客网名, 真实姓名, 手机号, …
	test.Type(form[0], "小米粒")
	test.Type(form[1], "张三")
	test.Type(form[2], "12345")
	test.Tap(button(t, g.win, "保存"))
	test.AssertRendersToMarkup(t, "customer_dialog.xml", g.win.Canvas())
}
