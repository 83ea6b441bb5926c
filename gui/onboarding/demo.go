package onboarding

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

// Demo is the sample shop: loading it, and the strip above the customer list while
// sample customers are in the archive, so that nobody takes them for real buyers,
// with the one-click way out. It marks the window title too.
type Demo struct {
	win   fyne.Window
	store Store
	spawn func(func())

	box     *fyne.Container
	message *widget.Label
	count   int
	// OnChanged is told after sample customers came or went: the whole archive
	// changed, so everything derived from it refreshes, this banner too (Refresh);
	// OnEmptied when removing them left the archive empty (the welcome comes back).
	OnChanged, OnEmptied func()
}

// NewDemo is the sample shop of the window win on store; spawn runs slow work off the
// UI goroutine (tests pass a synchronous one).
func NewDemo(win fyne.Window, store Store, spawn func(func())) *Demo {
	return &Demo{win: win, store: store, spawn: spawn}
}

// Wrap puts the sample-data banner above content (hidden until sample customers
// exist) and checks the archive for them.
func (b *Demo) Wrap(content fyne.CanvasObject) fyne.CanvasObject {
	b.message = widget.NewLabel("")
	b.message.Wrapping = fyne.TextWrapWord
	b.message.Importance = widget.WarningImportance
	remove := widget.NewButtonWithIcon(lang.L("demo.remove"), theme.DeleteIcon(), b.confirmRemove)
	remove.Importance = widget.WarningImportance
	warn := color.NRGBAModel.Convert(theme.Color(theme.ColorNameWarning)).(color.NRGBA)
	warn.A = 0x30
	bg := canvas.NewRectangle(warn)
	bg.CornerRadius = theme.InputRadiusSize()
	row := container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), remove, b.message)
	b.box = container.NewPadded(container.NewStack(bg, container.NewPadded(row)))
	b.box.Hide()
	b.Refresh()
	return container.NewBorder(b.box, nil, nil, nil, content)
}

// Refresh counts the sample customers off the UI goroutine and shows or hides the
// banner, and marks the window title, accordingly.
func (b *Demo) Refresh() {
	b.spawn(func() {
		n, err := b.store.DemoCount(context.Background())
		fyne.Do(func() {
			if err != nil {
				ui.ShowError(b.win, err)
				return
			}
			b.count = n
			title := lang.L("app.title")
			if n == 0 {
				b.box.Hide()
			} else {
				b.message.SetText(lang.L("demo.banner", map[string]any{"Count": n}))
				b.box.Show()
				title += " — " + lang.L("demo.title_mark")
			}
			b.win.SetTitle(title)
		})
	})
}

// confirmRemove asks, then deletes every sample customer in one go; the seller's own
// customers stay. An empty archive brings the welcome back.
func (b *Demo) confirmRemove() {
	ui.Confirm(b.win, lang.L("demo.remove"), lang.L("demo.remove.message", map[string]any{"Count": b.count}),
		lang.L("demo.remove"), func() {
			b.spawn(func() {
				ctx := context.Background()
				n, err := b.store.RemoveDemo(ctx)
				left := 0
				if err == nil {
					_, left, err = b.store.FindCustomers(ctx, data.CustomerFilter{Limit: 1})
				}
				fyne.Do(func() {
					if err != nil {
						ui.ShowError(b.win, err)
						return
					}
					b.OnChanged()
					if left == 0 { // back to an empty archive: offer the ways in again
						b.OnEmptied()
						return
					}
					dialog.ShowInformation(lang.L("demo.removed.title"), lang.L("demo.removed", map[string]any{"Count": n}), b.win)
				})
			})
		})
}

// Load fills the archive with the sample shop off the UI goroutine, then shows it
// (marked as sample data by the banner) and the tour. An archive that holds the
// sample shop already keeps the one it has (帮助 → 载入示例数据 offers it at any time),
// and the seller is told so.
func (b *Demo) Load() {
	msg := widget.NewLabel(lang.L("welcome.demo.loading"))
	progress := dialog.NewCustomWithoutButtons(lang.L("welcome.demo"), container.NewVBox(msg, widget.NewProgressBarInfinite()), b.win)
	progress.Show()
	b.spawn(func() {
		ctx := context.Background()
		had, err := b.store.DemoCount(ctx)
		if err == nil && had == 0 {
			err = b.store.GenerateDemo(ctx, DemoSize)
		}
		fyne.Do(func() {
			progress.Hide()
			if err != nil {
				ui.ShowError(b.win, err)
				return
			}
			if had > 0 {
				dialog.ShowInformation(lang.L("welcome.demo"), lang.L("demo.already", map[string]any{"Count": had}), b.win)
				return
			}
			b.OnChanged()
			ShowTour(b.win)
		})
	})
}

// BannerShown reports whether the sample-data banner is up.
func (b *Demo) BannerShown() bool { return b.box.Visible() }
