package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// The keyboard shortcuts of the common actions; the menu shows them beside its items
// and the window answers them (addShortcuts).
var (
	shortcutNewCustomer = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSearch      = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutImport      = &desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault}
)

// mainMenu is 文件 / 编辑 / 帮助. Fyne adds 退出 to the first menu by itself.
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
			item("menu.edit.settings", nil, func() { g.showScreen(lang.L("nav.settings")) }),
		),
		fyne.NewMenu(lang.L("menu.help"),
			item("menu.help.tour", nil, g.showTour),
			item("menu.help.about", nil, g.showAbout),
		),
	)
}

// newCustomer opens the add-customer form on the customer screen.
func (g *App) newCustomer() {
	g.showScreen(lang.L("nav.customers"))
	g.customers.addCustomer()
}

// focusSearch goes to the customer screen's search box.
func (g *App) focusSearch() {
	g.showScreen(lang.L("nav.customers"))
	g.win.Canvas().Focus(g.customers.search)
}

// exportList exports the customer list as it is filtered now.
func (g *App) exportList() {
	g.showScreen(lang.L("nav.customers"))
	g.customers.exportList()
}

// showScreen chooses a screen of the navigation rail by its title, as a click on the
// rail would.
func (g *App) showScreen(title string) {
	if b := railButton(g.win.Content(), title); b != nil {
		b.OnTapped()
	}
}

// railButton finds the button titled title among the containers of o (the rail is
// made of plain containers; widgets are not looked into).
func railButton(o fyne.CanvasObject, title string) *widget.Button {
	switch v := o.(type) {
	case *widget.Button:
		if v.Text == title && v.OnTapped != nil {
			return v
		}
	case *fyne.Container:
		for _, c := range v.Objects {
			if b := railButton(c, title); b != nil {
				return b
			}
		}
	}
	return nil
}

// reopen builds the window again (after a language change, so that every screen
// speaks the new language) at the same size, on the settings screen, and closes the
// old one.
func (g *App) reopen() {
	size := g.win.Canvas().Size()
	next := newApp(g.fyneApp, g.store, g.spawn)
	next.win.Resize(size)
	next.showScreen(lang.L("nav.settings"))
	next.win.Show()
	g.replacedBy = next
	g.win.Close()
}
