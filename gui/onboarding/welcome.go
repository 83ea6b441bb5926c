package onboarding

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/assets"
	"shopcrm/data"
	"shopcrm/gui/ui"
)

// PrefWelcome is "1" once the first-run welcome was answered.
const PrefWelcome = "ui.welcome_done"

// DemoSize is the sample shop the welcome offers: enough to try every screen, small
// enough to appear in a moment.
var DemoSize = data.DemoOptions{Customers: 300, Trades: 900, Seed: 20261123}

// Welcome is the first-run welcome: the three ways in (the seller's own sheet, the
// sample shop, typing customers by hand) and the tour.
type Welcome struct {
	win   fyne.Window
	store Store
	dlg   *dialog.CustomDialog // while it is open
	// OnImport picks a sheet to import, OnDemo loads the sample shop and OnManual
	// opens the add-customer form: the three ways in.
	OnImport, OnDemo, OnManual func()
}

// NewWelcome is the welcome of the window win on store; it is not shown yet.
func NewWelcome(win fyne.Window, store Store) *Welcome { return &Welcome{win: win, store: store} }

// ShowOnFirstStart shows the welcome on a first start: the archive is empty and the
// welcome was never answered. A seller who already has customers never sees it.
func (w *Welcome) ShowOnFirstStart() {
	if ui.Pref(w.store, PrefWelcome, "") == "1" {
		return
	}
	_, total, err := w.store.FindCustomers(context.Background(), data.CustomerFilter{Limit: 1})
	if err != nil {
		ui.ShowError(w.win, err)
		return
	}
	if total > 0 {
		ui.SetPref(w.win, w.store, PrefWelcome, "1")
		return
	}
	w.Show()
}

// Show offers the three ways in and a tour of the screens (at the first start, after
// the sample shop was removed from an otherwise empty archive, and from 帮助 → 欢迎页);
// a welcome already open stays the only one.
func (w *Welcome) Show() {
	if w.dlg != nil {
		return
	}
	logo := canvas.NewImageFromResource(assets.Icon)
	logo.FillMode = canvas.ImageFillContain
	logo.SetMinSize(fyne.NewSize(72, 72))
	title := widget.NewLabelWithStyle(lang.L("welcome.title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(lang.L("welcome.intro"))
	intro.Wrapping = fyne.TextWrapWord
	intro.Alignment = fyne.TextAlignCenter

	var d *dialog.CustomDialog
	choose := func(then func()) func() {
		return func() {
			ui.SetPref(w.win, w.store, PrefWelcome, "1")
			d.Hide()
			w.dlg = nil
			then()
		}
	}
	ways := container.NewVBox(
		welcomeWay(theme.UploadIcon(), lang.L("welcome.import"), lang.L("welcome.import.hint"), widget.HighImportance, choose(w.OnImport)),
		welcomeWay(theme.GridIcon(), lang.L("welcome.demo"), lang.L("welcome.demo.hint"), widget.MediumImportance, choose(w.OnDemo)),
		welcomeWay(theme.ContentAddIcon(), lang.L("welcome.manual"), lang.L("welcome.manual.hint"), widget.MediumImportance, choose(w.OnManual)),
	)
	tour := widget.NewButtonWithIcon(lang.L("welcome.tour"), theme.HelpIcon(), choose(func() { ShowTour(w.win) }))
	tour.Importance = widget.LowImportance
	later := widget.NewButton(lang.L("welcome.later"), choose(func() {}))
	later.Importance = widget.LowImportance
	content := container.NewVBox(container.NewCenter(logo), title, intro, ways,
		container.NewCenter(container.NewHBox(tour, later)))
	d = dialog.NewCustomWithoutButtons(lang.L("welcome.window"), container.NewPadded(content), w.win)
	d.Resize(fyne.NewSize(560, 0))
	w.dlg = d
	d.Show()
}

// welcomeWay is one big button with a line saying what it does.
func welcomeWay(icon fyne.Resource, label, hint string, importance widget.Importance, tapped func()) fyne.CanvasObject {
	b := widget.NewButtonWithIcon(label, icon, tapped)
	b.Importance = importance
	b.Alignment = widget.ButtonAlignLeading
	h := widget.NewLabel(hint)
	h.Wrapping = fyne.TextWrapWord
	return container.NewVBox(b, h)
}

// Hide closes the welcome when the seller went another way in (dropped or opened a
// sheet), which answers it too.
func (w *Welcome) Hide() {
	if w.dlg == nil {
		return
	}
	w.dlg.Hide()
	w.dlg = nil
	ui.SetPref(w.win, w.store, PrefWelcome, "1")
}
