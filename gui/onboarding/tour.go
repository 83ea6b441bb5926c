package onboarding

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/gui/ui"
)

// TourPages are the pages of the tour, one per screen that exists plus where the data
// lives; each has tour.<name>.title and tour.<name>.body translations.
// The icons are functions: a theme icon can only be looked up once the app runs.
var TourPages = []struct {
	Name string
	Icon func() fyne.Resource
}{
	{"customers", theme.AccountIcon},
	{"groups", theme.GridIcon},
	{"reminders", theme.MailComposeIcon},
	{"import", theme.UploadIcon},
	{"history", theme.HistoryIcon},
	{"orders", theme.ListIcon},
	{"settings", theme.SettingsIcon},
	{"data", theme.StorageIcon},
}

// ShowTour walks through the screens in a few dialog pages over win.
func ShowTour(win fyne.Window) {
	icon := widget.NewIcon(nil)
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := ui.NewWrapLabel("") // Chinese lines break where a reader expects, "（Ctrl+I）" whole
	step := widget.NewLabel("")
	step.SizeName = theme.SizeNameCaptionText // small, but not in the disabled colour: it is read, not greyed out

	d := dialog.NewCustomWithoutButtons(lang.L("tour.title"),
		container.NewBorder(container.NewHBox(icon, title), step, nil, nil, body), win)
	page := 0
	prev := widget.NewButtonWithIcon(lang.L("tour.prev"), theme.NavigateBackIcon(), nil)
	next := widget.NewButtonWithIcon(lang.L("tour.next"), theme.NavigateNextIcon(), nil)
	next.IconPlacement = widget.ButtonIconTrailingText
	next.Importance = widget.HighImportance
	done := widget.NewButton(lang.L("tour.close"), d.Hide)
	show := func() {
		p := TourPages[page]
		icon.SetResource(p.Icon())
		title.SetText(lang.L("tour." + p.Name + ".title"))
		body.SetText(lang.L("tour." + p.Name + ".body"))
		step.SetText(fmt.Sprintf("%d / %d", page+1, len(TourPages)))
		prev.Disable()
		if page > 0 {
			prev.Enable()
		}
		next.SetText(lang.L("tour.next"))
		if page == len(TourPages)-1 {
			next.SetText(lang.L("tour.finish"))
		}
	}
	prev.OnTapped = func() { page--; show() }
	next.OnTapped = func() {
		if page == len(TourPages)-1 {
			d.Hide()
			return
		}
		page++
		show()
	}
	show()
	d.SetButtons([]fyne.CanvasObject{done, prev, next})
	d.Resize(fyne.NewSize(520, 320))
	closeOnEscape(win.Canvas(), d)
	d.Show()
}

// closeOnEscape lets Esc close a dialog that has no dismiss button of its own (Fyne's
// custom dialogs without buttons ignore it) while it is shown. The window's previous
// key handler is put back when the dialog closes.
func closeOnEscape(c fyne.Canvas, d dialog.Dialog) {
	before := c.OnTypedKey()
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			d.Hide()
			return
		}
		if before != nil {
			before(k)
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(before) })
}
