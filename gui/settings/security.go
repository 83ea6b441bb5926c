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

	"shopcrm/gui/ui"
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
// When a password is set already, the current one is asked for first.
func askLockPassword(win fyne.Window, store LockStore, hasOne, remove bool, done func()) {
	current := widget.NewPasswordEntry()
	next := widget.NewPasswordEntry()
	again := widget.NewPasswordEntry()
	var items []*widget.FormItem
	if hasOne {
		items = append(items, widget.NewFormItem(lang.L("lock.current"), current))
	}
	if !remove {
		items = append(items, widget.NewFormItem(lang.L("lock.new"), next), widget.NewFormItem(lang.L("lock.again"), again))
	}
	title := lang.L("lock.set")
	if remove {
		title = lang.L("lock.remove")
	}
	d := dialog.NewForm(title, lang.L("action.save"), lang.L("action.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		ctx := context.Background()
		if err := store.CheckLockPassword(ctx, current.Text); err != nil {
			ui.ShowError(win, err)
			return
		}
		value := ""
		if !remove {
			if err := newLockPassword(next.Text, again.Text); err != nil {
				dialog.ShowError(err, win)
				return
			}
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
