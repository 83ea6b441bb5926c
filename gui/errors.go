package gui

import (
	"errors"
	"log"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"shopcrm/i18n"
)

// showError is the one way the GUI reports a failure: the full error goes to the log
// (errors never carry personal data), the seller sees a translated sentence.
func showError(win fyne.Window, err error) {
	log.Printf("error: %v", err)
	dialog.ShowError(errors.New(i18n.Message(err)), win)
}

// localDate shows a stored time as a local calendar date, "" for none.
func localDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02")
}

// localDateTime shows a stored time as local date and minute, "" for none.
func localDateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02 15:04")
}

// confirm asks a yes/no question with translated buttons.
func confirm(win fyne.Window, title, message, yes string, onYes func()) {
	d := dialog.NewConfirm(title, message, func(ok bool) {
		if ok {
			onYes()
		}
	}, win)
	d.SetConfirmText(yes)
	d.SetDismissText(lang.L("action.cancel"))
	d.Show()
}
