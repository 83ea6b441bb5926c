package ui

import (
	"errors"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"shopcrm/i18n"
)

// ShowError is the one way the GUI reports a failure: the full error goes to the log
// (errors never carry personal data), the seller sees a translated sentence.
func ShowError(win fyne.Window, err error) {
	log.Printf("error: %v", err)
	dialog.ShowError(errors.New(i18n.Message(err)), win)
}

// Confirm asks a yes/no question with translated buttons.
func Confirm(win fyne.Window, title, message, yes string, onYes func()) {
	d := dialog.NewConfirm(title, message, func(ok bool) {
		if ok {
			onYes()
		}
	}, win)
	d.SetConfirmText(yes)
	d.SetDismissText(lang.L("action.cancel"))
	d.Show()
}
