package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// AskText asks for one line of text (an order number, a nick) and passes it on when
// confirmed with yes or Enter.
func AskText(win fyne.Window, title, message, placeholder, yes string, onText func(string)) {
	entry := widget.NewEntry()
	entry.SetPlaceHolder(placeholder)
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, yes, lang.L("action.cancel"), container.NewVBox(msg, entry), func(ok bool) {
		if ok {
			onText(entry.Text)
		}
	}, win)
	entry.OnSubmitted = func(string) {
		d.Hide()
		onText(entry.Text)
	}
	d.Resize(fyne.NewSize(480, 230))
	d.Show()
	win.Canvas().Focus(entry)
}
