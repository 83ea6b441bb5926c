// Package gui holds every ShopCRM screen, dialog and widget. Screens call the store;
// widgets only expose callbacks. Slow work runs off the UI goroutine and comes back
// through fyne.Do.
package gui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/assets"
	"shopcrm/data"
)

// App is the main window with its navigation rail and screens.
type App struct {
	fyneApp   fyne.App
	win       fyne.Window
	store     *data.Store
	customers *customerScreen
}

// screen is one entry of the navigation rail.
type screen struct {
	title   string
	icon    fyne.Resource
	content fyne.CanvasObject
}

// New builds the main window on store. The window is not shown yet.
func New(a fyne.App, store *data.Store) *App {
	return newApp(a, store, func(f func()) { go f() })
}

// newApp builds the window; spawn runs slow work off the UI goroutine (tests pass a
// synchronous one).
func newApp(a fyne.App, store *data.Store, spawn func(func())) *App {
	a.Settings().SetTheme(newTheme())
	a.SetIcon(assets.Icon)
	win := a.NewWindow(lang.L("app.title"))
	g := &App{fyneApp: a, win: win, store: store}

	mask, err := store.Setting(context.Background(), data.SettingMaskPhones, "1")
	if err != nil {
		showError(win, err)
	}
	g.customers = newCustomerScreen(win, store, mask != "0", spawn)
	screens := []screen{
		{lang.L("nav.customers"), theme.AccountIcon(), g.customers.content},
	}
	win.SetContent(container.NewBorder(nil, nil, navRail(screens, win), nil, screens[0].content))
	g.addShortcuts()
	win.Resize(fyne.NewSize(1240, 780))
	g.customers.reload()
	return g
}

// navRail is the column of screen buttons at the window's left edge; it lists only
// the screens that exist.
func navRail(screens []screen, win fyne.Window) fyne.CanvasObject {
	rail := container.NewVBox()
	for _, s := range screens {
		b := widget.NewButtonWithIcon(s.title, s.icon, nil)
		b.Importance = widget.HighImportance
		b.IconPlacement = widget.ButtonIconLeadingText
		rail.Add(b)
	}
	return container.NewHBox(container.NewPadded(rail), widget.NewSeparator())
}

// addShortcuts: Ctrl+N adds a customer, Ctrl+F goes to the search box.
func (g *App) addShortcuts() {
	c := g.win.Canvas()
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { g.customers.addCustomer() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { c.Focus(g.customers.search) })
}

// Window is the main window.
func (g *App) Window() fyne.Window { return g.win }

// ShowAndRun shows the window and runs the app until it is closed.
func (g *App) ShowAndRun() { g.win.ShowAndRun() }
