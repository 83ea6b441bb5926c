package ui

import (
	"errors"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/i18n"
)

// AskGroupName asks for a saved group's name, starting from name, and passes it to
// save. When save fails (an empty name, one too long, or one another saved group
// has), the dialog opens again with the name as typed and the reason under it, so
// nothing the seller typed is lost.
func AskGroupName(win fyne.Window, title, yes, name string, save func(name string) error) {
	askGroupName(win, title, yes, name, "", save)
}

func askGroupName(win fyne.Window, title, yes, name, problem string, save func(string) error) {
	entry := widget.NewEntry()
	entry.SetText(name)
	entry.SetPlaceHolder(lang.L("groupsui.name.placeholder"))
	item := widget.NewFormItem(i18n.FieldName(data.FieldGroupName), entry)
	items := []*widget.FormItem{item}
	if problem != "" {
		msg := NewWrapLabel(problem)
		msg.Importance = widget.DangerImportance
		items = append(items, widget.NewFormItem("", msg))
	}
	d := NewFormDialog(title, yes, items, func(ok bool) {
		if !ok {
			return
		}
		if err := save(entry.Text); err != nil {
			var ve *data.ValidationError
			if !errors.As(err, &ve) && !errors.Is(err, data.ErrConflict) {
				log.Printf("error: %v", err)
			}
			askGroupName(win, title, yes, entry.Text, GroupNameProblem(err, entry.Text), save)
		}
	}, win)
	d.Resize(fyne.NewSize(min(480, win.Canvas().Size().Width*0.9), d.MinSize().Height))
	d.Show()
	win.Canvas().Focus(entry)
}

// GroupNameProblem is the sentence for a failed save of a saved group named name: a
// name another group has, a name the rules refuse, or what went wrong otherwise.
func GroupNameProblem(err error, name string) string {
	if errors.Is(err, data.ErrConflict) {
		return lang.L("groupsui.name.taken", map[string]any{"Name": name})
	}
	return i18n.Message(err)
}
