package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// NewFormDialog is a form in a dialog with confirm and 取消 buttons, where Enter in
// any one-line field submits it as the confirm button would (Fyne's form dialog leaves
// Enter to the field, so a seller who typed a password and pressed Enter saw nothing
// happen). Submitting is refused while a field's Validator fails, as with the button.
func NewFormDialog(title, confirm string, items []*widget.FormItem, callback func(ok bool), win fyne.Window) *dialog.FormDialog {
	d := dialog.NewForm(title, confirm, lang.L("action.cancel"), items, callback, win)
	for _, it := range items {
		if e, ok := it.Widget.(*widget.Entry); ok && !e.MultiLine && e.OnSubmitted == nil {
			e.OnSubmitted = func(string) { d.Submit() }
		}
	}
	return d
}
