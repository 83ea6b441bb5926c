// Package gui is the ShopCRM window's shell: the window and its navigation rail, the
// menu and shortcuts, the theme, the start (Launch), the interface preferences, and
// wire.go, the one place that hands the SQLite store to the areas and joins their
// callbacks. Each area is a package below (groups, reminders, imports, settings,
// onboarding, customers) that declares the small store interface it uses; what several
// areas share is in gui/ui. Slow work runs off the UI goroutine and comes back through
// fyne.Do.
package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/assets"
	"shopcrm/data/sqlite"
	"shopcrm/gui/customers"
	"shopcrm/gui/groups"
	"shopcrm/gui/imports"
	"shopcrm/gui/onboarding"
	"shopcrm/gui/orders"
	"shopcrm/gui/outreach"
	"shopcrm/gui/reminders"
	"shopcrm/gui/settings"
)

// App is the main window with its navigation rail and screens.
type App struct {
	fyneApp   fyne.App
	win       fyne.Window
	store     *sqlite.Store
	spawn     func(func())
	customers *customers.Screen
	history   *imports.History
	settings  *settings.Screen
	groups    *groups.Screen
	reminders *reminders.Screen
	orders    *orders.Screen
	outreach  *outreach.Area
	// wizard is the import in progress, if any.
	wizard *imports.Wizard
	// welcome is the first-run welcome; demo the sample shop and its banner.
	welcome *onboarding.Welcome
	demo    *onboarding.Demo
	// replacedBy is the window built in this one's place after a language change.
	replacedBy *App
	// chooseScreen switches the navigation rail to the screen with this content.
	chooseScreen func(content fyne.CanvasObject)
}

// screen is one entry of the navigation rail; onShow (optional) runs each time the
// screen is chosen, to reload what may have changed elsewhere.
type screen struct {
	title   string
	icon    fyne.Resource
	content fyne.CanvasObject
	onShow  func()
}

// newApp builds the window; spawn runs slow work off the UI goroutine (tests pass a
// synchronous one).
func newApp(a fyne.App, store *sqlite.Store, spawn func(func())) *App {
	return newAppIn(a, a.NewWindow(lang.L("app.title")), store, spawn)
}

// newAppIn builds the screens into win: a new window, or the same one again after a
// language change (closing the main window would end the app).
func newAppIn(a fyne.App, win fyne.Window, store *sqlite.Store, spawn func(func())) *App {
	a.SetIcon(assets.Icon)
	g := &App{fyneApp: a, win: win, store: store, spawn: spawn}
	applyPrefs(a, store)
	readCurrency(win, store)
	win.SetTitle(lang.L("app.title"))
	g.customersScreen()
	g.onboarding()
	g.historyScreen()
	g.remindersScreen()
	g.settingsScreen()
	screens := []screen{
		{lang.L("nav.customers"), theme.AccountIcon(), g.customers.Content, nil},
		g.groupsScreen(),
		{lang.L("nav.reminders"), theme.MailComposeIcon(), g.reminders.Content, g.reminders.Shown},
		{lang.L("nav.imports"), theme.HistoryIcon(), g.history.Content, g.history.Reload},
		g.ordersScreen(),
		{lang.L("nav.settings"), theme.SettingsIcon(), g.settings.Content, g.settings.Reload},
	}
	nav, choose := navigation(screens)
	g.chooseScreen = func(content fyne.CanvasObject) {
		for i, s := range screens {
			if s.content == content {
				choose(i)
			}
		}
	}
	win.SetContent(nav)
	win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) {
		if len(uris) > 0 {
			g.openImport(uris[0].Path())
		}
	})
	g.addShortcuts()
	win.SetMainMenu(g.mainMenu())
	win.Resize(firstWindowSize)
	rememberWindowSize(win, store)
	g.customers.Reload()
	g.reminders.OnDue = func() { g.showScreen(g.reminders.Content) } // start on 提醒 when something is due
	g.reminders.ReloadAndNotify()
	g.welcome.ShowOnFirstStart()
	return g
}

// firstWindowSize is the window's size until the seller resizes it (then the size she
// leaves it at comes back, see rememberWindowSize): with its title bar it fits a
// 1024×700 screen, so also a 1280×720 laptop with a taskbar and 1366×768, and it is as
// wide as the widest screen's content (分组 in English, about 1000 px) so no screen
// widens it. Fyne cannot ask the screen's size, so a larger first window opened partly
// off a small screen (issue 16: 1240×780 at (−108, −40) on 1024×700, with the menu,
// the navigation and 新增客户 out of reach).
var firstWindowSize = fyne.NewSize(1020, 640)

// navigation puts a rail of screen buttons at the window's left edge (only screens
// that exist) and shows the chosen screen beside it; it returns the way to choose one.
// A screen whose content is badged shows its count on its button.
func navigation(screens []screen) (fyne.CanvasObject, func(int)) {
	rail := container.NewVBox()
	stack := container.NewStack()
	var buttons []*widget.Button
	choose := func(i int) {
		for j, s := range screens {
			if j == i {
				s.content.Show()
			} else {
				s.content.Hide()
			}
			buttons[j].Importance = widget.LowImportance
			if j == i {
				buttons[j].Importance = widget.HighImportance
			}
			buttons[j].Refresh()
		}
		stack.Refresh()
		if screens[i].onShow != nil {
			screens[i].onShow()
		}
	}
	for i, s := range screens {
		i := i
		b := widget.NewButtonWithIcon(s.title, s.icon, func() { choose(i) })
		b.Alignment = widget.ButtonAlignLeading
		if bc, ok := s.content.(badged); ok {
			title := s.title
			bc.OnBadge(func(badge string) { b.SetText(title + badge) })
		}
		buttons = append(buttons, b)
		rail.Add(b)
		stack.Add(s.content)
	}
	choose(0)
	return container.NewBorder(nil, nil, container.NewHBox(container.NewPadded(rail), widget.NewSeparator()), nil, stack), choose
}

// badged is a screen content with a count for its navigation button (see ui.BadgedContent).
type badged interface{ OnBadge(func(badge string)) }

// addShortcuts: Ctrl+N adds a customer, Ctrl+F goes to the search box, Ctrl+I imports.
func (g *App) addShortcuts() {
	c := g.win.Canvas()
	c.AddShortcut(shortcutNewCustomer, func(fyne.Shortcut) { g.newCustomer() })
	c.AddShortcut(shortcutSearch, func(fyne.Shortcut) { g.focusSearch() })
	c.AddShortcut(shortcutImport, func(fyne.Shortcut) { g.pickImport() })
}

// current is the App now in the window: a language change builds one in its place.
func (g *App) current() *App {
	for g.replacedBy != nil {
		g = g.replacedBy
	}
	return g
}
