package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"shopcrm/gui/onboarding"
)

// The keyboard shortcuts of the common actions; the menu shows them beside its items
// and the window answers them (addShortcuts).
var (
	shortcutNewCustomer = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSearch      = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutImport      = &desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault}
)

// mainMenu is 文件 / 编辑 / 帮助. Fyne adds 退出 to the first menu by itself. 帮助 keeps
// the welcome and the sample shop within reach after the first-run welcome was closed.
func (g *App) mainMenu() *fyne.MainMenu {
	item := func(key string, shortcut fyne.Shortcut, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(lang.L(key), action)
		it.Shortcut = shortcut
		return it
	}
	return fyne.NewMainMenu(
		fyne.NewMenu(lang.L("menu.file"),
			item("menu.file.import", shortcutImport, g.pickImport),
			item("menu.file.new_customer", shortcutNewCustomer, g.newCustomer),
			item("menu.file.export", nil, g.exportList),
			fyne.NewMenuItemSeparator(),
			item("menu.file.data_folder", nil, g.openDataFolder),
		),
		fyne.NewMenu(lang.L("menu.edit"),
			item("menu.edit.search", shortcutSearch, g.focusSearch),
			item("menu.edit.settings", nil, func() { g.showScreen(g.settings.Content) }),
		),
		fyne.NewMenu(lang.L("menu.help"),
			item("menu.help.welcome", nil, g.welcome.Show),
			item("menu.help.demo", nil, g.loadDemo),
			item("menu.help.tour", nil, g.showTour),
			item("menu.help.about", nil, g.showAbout),
		),
	)
}

// newCustomer opens the add-customer form on the customer screen.
func (g *App) newCustomer() {
	g.showScreen(g.customers.Content)
	g.customers.AddCustomer()
}

// focusSearch goes to the customer screen's search box.
func (g *App) focusSearch() {
	g.showScreen(g.customers.Content)
	g.customers.FocusSearch()
}

// exportList exports the customer list as it is filtered now.
func (g *App) exportList() {
	g.showScreen(g.customers.Content)
	g.customers.ExportList()
}

// showScreen switches the navigation rail to the screen showing content, as a click
// on its rail button would.
func (g *App) showScreen(content fyne.CanvasObject) { g.chooseScreen(content) }

// reopen builds every screen again in the same window (after a language change, so
// that every screen speaks the new language), at the same size, on the settings screen.
// The window itself stays: it is the app's main window, and closing it ends the app.
func (g *App) reopen() {
	size := g.win.Canvas().Size()
	next := newAppIn(g.fyneApp, g.win, g.store, g.spawn)
	next.win.Resize(size)
	next.reminders.OnDue = nil // the seller is in 设置: the agenda loading behind it must not take her to 提醒
	next.showScreen(next.settings.Content)
	g.replacedBy = next
}

// showTour is 帮助 → 导览.
func (g *App) showTour() { onboarding.ShowTour(g.win) }
