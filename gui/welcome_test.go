package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/onboarding"
)

func TestWelcomeShowsOnlyOnAFirstStartWithAnEmptyArchive(t *testing.T) {
	store := newTestStore(t)
	g := openTestWindow(t, store)
	if !hasText(g.win, "欢迎使用网店客户管理") {
		t.Fatal("a first start on an empty archive should show the welcome")
	}
	for _, way := range []string{"导入我的表格", "试用示例数据", "手动添加客户", "先看看各个页面"} {
		button(t, g.win, way)
	}
	test.Tap(button(t, g.win, "以后再说"))
	if hasText(g.win, "欢迎使用网店客户管理") {
		t.Error("以后再说 should close the welcome")
	}
	again := openTestWindow(t, store)
	if hasText(again.win, "欢迎使用网店客户管理") {
		t.Error("an answered welcome came back at the next start")
	}

	t.Run("a seller who already has customers never sees it", func(t *testing.T) {
		store := newTestStore(t)
		if err := store.CreateCustomer(context.Background(), &data.Customer{Nick: "老客户"}); err != nil {
			t.Fatal(err)
		}
		g := openTestWindow(t, store)
		if hasText(g.win, "欢迎使用网店客户管理") {
			t.Error("the welcome showed over an archive with customers")
		}
	})
}

func TestWelcomeManualOpensTheCustomerForm(t *testing.T) {
	g := openTestWindow(t, newTestStore(t))
	test.Tap(button(t, g.win, "手动添加客户"))
	if !g.customers.FormOpened() || !hasText(g.win, "新增客户") {
		t.Fatal("手动添加客户 should open the add-customer form")
	}
}

func TestWelcomeImportOpensTheFilePicker(t *testing.T) {
	g := openTestWindow(t, newTestStore(t))
	test.Tap(button(t, g.win, "导入我的表格"))
	if hasText(g.win, "欢迎使用网店客户管理") {
		t.Fatal("the welcome stayed over the import")
	}
	if g.win.Canvas().Overlays().Top() == nil {
		t.Fatal("导入我的表格 should open the file picker")
	}
}

func TestSampleDataLoadsMarkedAndIsRemovedInOneClick(t *testing.T) {
	store := newTestStore(t)
	g := openTestWindow(t, store)
	ctx := context.Background()
	test.Tap(button(t, g.win, "试用示例数据"))

	if n, _ := store.DemoCount(ctx); n != onboarding.DemoSize.Customers {
		t.Fatalf("sample customers: got %d, want %d", n, onboarding.DemoSize.Customers)
	}
	if !hasText(g.win, "客户：你的客户档案") {
		t.Error("the tour should follow the sample data")
	}
	test.Tap(button(t, g.win, "关闭导览"))
	if g.customers.Total() != onboarding.DemoSize.Customers {
		t.Errorf("the list shows %d customers, want the %d samples", g.customers.Total(), onboarding.DemoSize.Customers)
	}
	if !hasTextContaining(g.win, "正在使用示例数据") {
		t.Error("the customer screen should say it shows sample data")
	}
	if !strings.Contains(g.win.Title(), "示例数据") {
		t.Errorf("window title %q should mark the sample data", g.win.Title())
	}

	own := &data.Customer{Platform: data.PlatformTaobao, Nick: "我的真实买家"}
	if err := store.CreateCustomer(ctx, own); err != nil {
		t.Fatal(err)
	}
	test.Tap(button(t, g.win, "删除示例数据"))
	if !hasTextContaining(g.win, "删除全部 300 位示例客户") {
		t.Fatal("removing sample data should ask first, saying how many")
	}
	test.Tap(button(t, g.win, "删除示例数据")) // the dialog's confirm button
	if n, _ := store.DemoCount(ctx); n != 0 {
		t.Fatalf("after removal: %d sample customers left", n)
	}
	if _, err := store.FindCustomerByID(ctx, own.ID); err != nil {
		t.Fatalf("the seller's own customer went with the samples: %v", err)
	}
	if !hasTextContaining(g.win, "已删除 300 位示例客户") {
		t.Error("the removal should be confirmed")
	}
	if g.demo.BannerShown() || strings.Contains(g.win.Title(), "示例数据") {
		t.Error("the sample-data marks stayed after the removal")
	}
	if g.customers.Total() != 1 {
		t.Errorf("the list shows %d customers, want the 1 own", g.customers.Total())
	}
}

func TestRemovingTheOnlySampleDataBringsTheWelcomeBack(t *testing.T) {
	g := openTestWindow(t, newTestStore(t))
	test.Tap(button(t, g.win, "试用示例数据"))
	test.Tap(button(t, g.win, "关闭导览"))
	test.Tap(button(t, g.win, "删除示例数据"))
	test.Tap(button(t, g.win, "删除示例数据"))
	if !hasText(g.win, "欢迎使用网店客户管理") {
		t.Error("an archive emptied of samples should offer the ways in again")
	}
}

func TestTourHasAPageForEveryScreen(t *testing.T) {
	g, _ := newTestApp(t)
	border := g.win.Content().(*fyne.Container)
	left := border.Objects[len(border.Objects)-1]
	var titles []string
	for _, p := range onboarding.TourPages {
		titles = append(titles, lang.L("tour."+p.Name+".title"))
	}
	n := 0
	walk(left, func(o fyne.CanvasObject) bool {
		b, ok := o.(*widget.Button)
		if !ok {
			return false
		}
		n++
		for _, title := range titles {
			if strings.HasPrefix(title, b.Text+"：") {
				return false
			}
		}
		t.Errorf("the tour has no page for the %q screen", b.Text)
		return false
	})
	if n < 4 {
		t.Fatalf("found %d navigation buttons, want the whole rail", n)
	}
}

// menuItem finds the item label of the window's menu named menu, failing the test if
// there is none.
func menuItem(t *testing.T, w fyne.Window, menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.MainMenu().Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no %s → %s in the menu", menu, label)
	return nil
}

func TestHelpMenuReachesTheWelcomeAndTheSampleShopAfterTheWelcomeWasClosed(t *testing.T) {
	for _, way := range []struct{ close, thenClose string }{
		{"以后再说", ""},
		{"先看看各个页面", "关闭导览"},
	} {
		t.Run("closed with "+way.close, func(t *testing.T) {
			store := newTestStore(t)
			g := openTestWindow(t, store)
			test.Tap(button(t, g.win, way.close))
			if way.thenClose != "" {
				test.Tap(button(t, g.win, way.thenClose))
			}
			if hasText(g.win, "欢迎使用网店客户管理") {
				t.Fatalf("%s should close the welcome", way.close)
			}

			menuItem(t, g.win, "帮助", "欢迎页…").Action()
			if !hasText(g.win, "欢迎使用网店客户管理") {
				t.Fatal("帮助 → 欢迎页… should open the welcome")
			}
			menuItem(t, g.win, "帮助", "欢迎页…").Action()
			test.Tap(button(t, g.win, "以后再说"))
			if hasText(g.win, "欢迎使用网店客户管理") {
				t.Fatal("the welcome opened twice from the menu should close with one 以后再说")
			}

			test.Tap(navButton(t, g.win, "设置"))
			menuItem(t, g.win, "帮助", "载入示例数据").Action()
			ctx := context.Background()
			if n, _ := store.DemoCount(ctx); n != onboarding.DemoSize.Customers {
				t.Fatalf("sample customers: got %d, want %d", n, onboarding.DemoSize.Customers)
			}
			test.Tap(button(t, g.win, "关闭导览"))
			if !g.customers.Content.Visible() || g.customers.Total() != onboarding.DemoSize.Customers || !g.demo.BannerShown() {
				t.Errorf("帮助 → 载入示例数据 should show the %d sample customers, marked: list shown %v with %d, banner %v",
					onboarding.DemoSize.Customers, g.customers.Content.Visible(), g.customers.Total(), g.demo.BannerShown())
			}

			menuItem(t, g.win, "帮助", "载入示例数据").Action()
			if n, _ := store.DemoCount(ctx); n != onboarding.DemoSize.Customers {
				t.Errorf("loading the sample shop twice: got %d sample customers, want %d", n, onboarding.DemoSize.Customers)
			}
			if !hasTextContaining(g.win, "示例数据已经在档案里了") {
				t.Error("loading the sample shop again should say it is there already")
			}
		})
	}
}
