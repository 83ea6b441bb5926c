package gui

import (
	"context"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
)

// demoBanner is the strip above the customer list while sample customers are in the
// archive, so that nobody takes them for real buyers, with the one-click way out.
type demoBanner struct {
	box     *fyne.Container
	message *widget.Label
	count   int
}

// withDemoBanner puts the sample-data banner above content (hidden until sample
// customers exist) and checks the archive for them.
func (g *App) withDemoBanner(content fyne.CanvasObject) fyne.CanvasObject {
	b := &demoBanner{message: widget.NewLabel("")}
	b.message.Wrapping = fyne.TextWrapWord
	b.message.Importance = widget.WarningImportance
	remove := widget.NewButtonWithIcon(lang.L("demo.remove"), theme.DeleteIcon(), g.confirmRemoveDemo)
	remove.Importance = widget.WarningImportance
	warn := color.NRGBAModel.Convert(theme.Color(theme.ColorNameWarning)).(color.NRGBA)
	warn.A = 0x30
	bg := canvas.NewRectangle(warn)
	bg.CornerRadius = theme.InputRadiusSize()
	row := container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), remove, b.message)
	b.box = container.NewPadded(container.NewStack(bg, container.NewPadded(row)))
	b.box.Hide()
	g.demo = b
	g.refreshDemoBanner()
	return container.NewBorder(b.box, nil, nil, nil, content)
}

// refreshDemoBanner counts the sample customers off the UI goroutine and shows or
// hides the banner, and marks the window title, accordingly.
func (g *App) refreshDemoBanner() {
	g.spawn(func() {
		n, err := g.store.DemoCount(context.Background())
		fyne.Do(func() {
			if err != nil {
				ui.ShowError(g.win, err)
				return
			}
			g.demo.count = n
			title := lang.L("app.title")
			if n == 0 {
				g.demo.box.Hide()
			} else {
				g.demo.message.SetText(lang.L("demo.banner", map[string]any{"Count": n}))
				g.demo.box.Show()
				title += " — " + lang.L("demo.title_mark")
			}
			g.win.SetTitle(title)
		})
	})
}

// confirmRemoveDemo asks, then deletes every sample customer in one go; the seller's
// own customers stay. An empty archive brings the welcome back.
func (g *App) confirmRemoveDemo() {
	ui.Confirm(g.win, lang.L("demo.remove"), lang.L("demo.remove.message", map[string]any{"Count": g.demo.count}),
		lang.L("demo.remove"), func() {
			g.spawn(func() {
				ctx := context.Background()
				n, err := g.store.RemoveDemo(ctx)
				left := 0
				if err == nil {
					_, left, err = g.store.FindCustomers(ctx, data.CustomerFilter{Limit: 1})
				}
				fyne.Do(func() {
					if err != nil {
						ui.ShowError(g.win, err)
						return
					}
					g.customers.refresh()
					g.refreshDemoBanner()
					if left == 0 { // back to an empty archive: offer the ways in again
						g.showWelcome()
						return
					}
					dialog.ShowInformation(lang.L("demo.removed.title"), lang.L("demo.removed", map[string]any{"Count": n}), g.win)
				})
			})
		})
}
