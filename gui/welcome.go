package gui

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

// demoSize is the sample shop the welcome offers: enough to try every screen, small
// enough to appear in a moment.
var demoSize = data.DemoOptions{Customers: 300, Trades: 900, Seed: 20261123}

// maybeWelcome shows the welcome on a first start: the archive is empty and the
// welcome was never answered. A seller who already has customers never sees it.
func (g *App) maybeWelcome() {
	if g.pref(prefWelcome, "") == "1" {
		return
	}
	_, total, err := g.store.FindCustomers(context.Background(), data.CustomerFilter{Limit: 1})
	if err != nil {
		ui.ShowError(g.win, err)
		return
	}
	if total > 0 {
		g.setPref(prefWelcome, "1")
		return
	}
	g.showWelcome()
}

// showWelcome offers the three ways in: the seller's own sheet, the sample shop, or
// typing customers by hand; and a tour of the screens.
func (g *App) showWelcome() {
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
			g.setPref(prefWelcome, "1")
			d.Hide()
			g.welcome = nil
			then()
		}
	}
	ways := container.NewVBox(
		welcomeWay(theme.UploadIcon(), lang.L("welcome.import"), lang.L("welcome.import.hint"), widget.HighImportance, choose(g.pickImport)),
		welcomeWay(theme.GridIcon(), lang.L("welcome.demo"), lang.L("welcome.demo.hint"), widget.MediumImportance, choose(g.loadDemo)),
		welcomeWay(theme.ContentAddIcon(), lang.L("welcome.manual"), lang.L("welcome.manual.hint"), widget.MediumImportance, choose(g.customers.addCustomer)),
	)
	tour := widget.NewButtonWithIcon(lang.L("welcome.tour"), theme.HelpIcon(), choose(g.showTour))
	tour.Importance = widget.LowImportance
	later := widget.NewButton(lang.L("welcome.later"), choose(func() {}))
	later.Importance = widget.LowImportance
	content := container.NewVBox(container.NewCenter(logo), title, intro, ways,
		container.NewCenter(container.NewHBox(tour, later)))
	d = dialog.NewCustomWithoutButtons(lang.L("welcome.window"), container.NewPadded(content), g.win)
	d.Resize(fyne.NewSize(560, 0))
	g.welcome = d
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

// hideWelcome closes the welcome when the seller went another way in (dropped or
// opened a sheet), which answers it too.
func (g *App) hideWelcome() {
	if g.welcome == nil {
		return
	}
	g.welcome.Hide()
	g.welcome = nil
	g.setPref(prefWelcome, "1")
}

// loadDemo fills the archive with the sample shop off the UI goroutine, then shows it
// (marked as sample data by the banner) and the tour.
func (g *App) loadDemo() {
	msg := widget.NewLabel(lang.L("welcome.demo.loading"))
	progress := dialog.NewCustomWithoutButtons(lang.L("welcome.demo"), container.NewVBox(msg, widget.NewProgressBarInfinite()), g.win)
	progress.Show()
	g.spawn(func() {
		err := g.store.GenerateDemo(context.Background(), demoSize)
		fyne.Do(func() {
			progress.Hide()
			if err != nil {
				ui.ShowError(g.win, err)
				return
			}
			g.customers.refresh()
			g.refreshDemoBanner()
			g.showTour()
		})
	})
}
