package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// AskTag asks for a tag name and passes it on when confirmed.
func AskTag(win fyne.Window, title, message string, onTag func(string)) {
	entry := widget.NewEntry()
	entry.SetPlaceHolder(lang.L("groups.save_as_tag.placeholder"))
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, lang.L("action.save"), lang.L("action.cancel"),
		container.NewVBox(msg, entry), func(ok bool) {
			if ok {
				onTag(entry.Text)
			}
		}, win)
	d.Resize(fyne.NewSize(460, 220))
	d.Show()
	win.Canvas().Focus(entry)
}
