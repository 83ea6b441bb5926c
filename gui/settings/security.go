package settings

import (
	"context"
	"errors"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// minLockPasswordRunes is the shortest app lock password accepted.
const minLockPasswordRunes = 4

// LockStore keeps the app lock password.
type LockStore interface {
	HasLockPassword(ctx context.Context) (bool, error)
	CheckLockPassword(ctx context.Context, password string) error
	SetLockPassword(ctx context.Context, password string) error
}

// Security sets, changes or removes the optional app lock password asked at every
// start.
func Security(win fyne.Window, store LockStore) Section {
	state := widget.NewLabel("")
	set := widget.NewButtonWithIcon("", theme.LoginIcon(), nil)
	remove := widget.NewButtonWithIcon(lang.L("lock.remove"), theme.DeleteIcon(), nil)
	var load func()
	load = func() {
		on, err := store.HasLockPassword(context.Background())
		if err != nil {
			ui.ShowError(win, err)
			return
		}
		if on {
			state.SetText(lang.L("lock.on"))
			set.SetText(lang.L("lock.change"))
		} else {
			state.SetText(lang.L("lock.off"))
			set.SetText(lang.L("lock.set"))
		}
		set.OnTapped = func() { askLockPassword(win, store, on, false, load) }
		remove.OnTapped = func() { askLockPassword(win, store, on, true, load) }
		remove.Hidden = !on
		remove.Refresh()
	}
	load()
	hint := widget.NewLabel(lang.L("lock.hint"))
	hint.Wrapping = fyne.TextWrapWord
	return Section{
		title:   lang.L("lock.title"),
		content: container.NewVBox(state, hint, container.NewHBox(set, remove)),
		reload:  load,
	}
}

// askLockPassword shows the form that sets (or, with remove, removes) the password.
// When a password is set already, the current one is asked for first. A new password
// too short or typed differently twice is said under its field and cannot be saved; a
// wrong current password is said under that field with the form kept open, so
// nothing typed is lost.
func askLockPassword(win fyne.Window, store LockStore, hasOne, remove bool, done func()) {
	current := widget.NewPasswordEntry()
	next := widget.NewPasswordEntry()
	again := widget.NewPasswordEntry()
	var items []*widget.FormItem
	if hasOne {
		current.Validator = func(string) error { return nil } // shows a wrong password under the field
		items = append(items, widget.NewFormItem(lang.L("lock.current"), current))
	}
	if !remove {
		next.Validator = func(pw string) error { return newLockPassword(pw, pw) }
		again.Validator = func(pw string) error { return newLockPassword(next.Text, pw) }
		next.OnChanged = func(string) {
			if again.Text != "" {
				again.Validate()
			}
		}
		items = append(items, widget.NewFormItem(lang.L("lock.new"), next), widget.NewFormItem(lang.L("lock.again"), again))
	}
	title := lang.L("lock.set")
	switch {
	case remove:
		title = lang.L("lock.remove")
	case hasOne:
		title = lang.L("lock.change")
	}
	var d *dialog.FormDialog
	d = ui.NewFormDialog(title, lang.L("action.save"), items, func(ok bool) {
		if !ok {
			return
		}
		ctx := context.Background()
		if err := store.CheckLockPassword(ctx, current.Text); err != nil {
			if errors.Is(err, data.ErrWrongPassword) {
				win.Canvas().Unfocus()                                    // a focused field shows its hint, not its error
				current.SetValidationError(errors.New(i18n.Message(err))) // said under the field, until it is typed again
				d.Show()
				return
			}
			ui.ShowError(win, err)
			return
		}
		value := ""
		if !remove {
			value = next.Text
		}
		if err := store.SetLockPassword(ctx, value); err != nil {
			ui.ShowError(win, err)
			return
		}
		done()
	}, win)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
	if hasOne {
		win.Canvas().Focus(current)
	} else {
		win.Canvas().Focus(next)
	}
}

// newLockPassword checks a new password typed twice; the error is shown as it is.
func newLockPassword(pw, again string) error {
	switch {
	case utf8.RuneCountInString(pw) < minLockPasswordRunes:
		return errors.New(lang.L("lock.too_short", map[string]any{"Min": minLockPasswordRunes}))
	case pw != again:
		return errors.New(lang.L("lock.mismatch"))
	}
	return nil
}
