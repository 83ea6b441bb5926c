package customers

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// formEntry is an Entry that cancels its dialog on Esc (Fyne sends Esc to the focused
// widget, not to the dialog).
type formEntry struct {
	widget.Entry
	onEscape func()
}

func newFormEntry(multiLine bool) *formEntry {
	e := &formEntry{}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(2)
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles Esc and passes every other key to the Entry.
func (e *formEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// fieldForm lays out labelled fields with a translated error line under each one.
type fieldForm struct {
	grid   *fyne.Container
	errors map[string]*widget.Label
	// entries get Enter-to-save and Esc-to-cancel wired by showFormDialog.
	entries []*formEntry
}

func newFieldForm() *fieldForm {
	return &fieldForm{grid: container.New(layout.NewFormLayout()), errors: map[string]*widget.Label{}}
}

// add appends a row for field (its translated name is the label) holding w.
func (f *fieldForm) add(field string, w fyne.CanvasObject) {
	errLabel := widget.NewLabel("")
	errLabel.Importance = widget.DangerImportance
	errLabel.Wrapping = fyne.TextWrapWord
	errLabel.Hide()
	f.errors[field] = errLabel
	f.grid.Add(widget.NewLabelWithStyle(i18n.FieldName(field), fyne.TextAlignTrailing, fyne.TextStyle{}))
	f.grid.Add(container.NewVBox(w, errLabel))
}

// entry adds a text field and returns it.
func (f *fieldForm) entry(field, text, placeholder string, multiLine bool) *formEntry {
	e := newFormEntry(multiLine)
	e.SetText(text)
	e.SetPlaceHolder(placeholder)
	f.entries = append(f.entries, e)
	f.add(field, e)
	e.OnChanged = func(string) { f.setError(field, "") }
	return e
}

// setError shows msg under field, or hides the line when msg is empty.
func (f *fieldForm) setError(field, msg string) {
	l, ok := f.errors[field]
	if !ok {
		return
	}
	if l.Text == msg {
		return
	}
	l.SetText(msg)
	if msg == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// showProblems marks every problem on its field and reports whether there were any.
// A problem on a field the form lacks goes to fallback.
func (f *fieldForm) showProblems(problems []*data.ValidationError, fallback string) bool {
	for _, l := range f.errors {
		l.SetText("")
		l.Hide()
	}
	for _, p := range problems {
		field := p.Field
		if _, ok := f.errors[field]; !ok {
			field = fallback
		}
		f.setError(field, i18n.FieldMessage(p))
	}
	return len(problems) > 0
}

// formDialog is a modal dialog around a fieldForm with 保存 / 取消; Enter in a
// single-line field saves, Esc cancels.
type formDialog struct {
	dialog *dialog.CustomDialog
	save   *widget.Button
	// onSave returns true when the dialog may close.
	onSave func() bool
}

func showFormDialog(win fyne.Window, title string, f *fieldForm, onSave func() bool) *formDialog {
	d := &formDialog{onSave: onSave}
	cancel := widget.NewButton(lang.L("action.cancel"), func() { d.dialog.Hide() })
	d.save = widget.NewButton(lang.L("action.save"), d.submit)
	d.save.Importance = widget.HighImportance
	scroll := ui.NewPageScroll(f.grid) // the wheel scrolls the form over its fields too
	d.dialog = dialog.NewCustomWithoutButtons(title, scroll, win)
	d.dialog.SetButtons([]fyne.CanvasObject{cancel, d.save})
	for _, e := range f.entries {
		e.onEscape = d.dialog.Hide
		if !e.MultiLine {
			e.OnSubmitted = func(string) { d.submit() }
		}
	}
	size := win.Canvas().Size()
	d.dialog.Resize(fyne.NewSize(min(560, size.Width*0.9), min(680, size.Height*0.9)))
	d.dialog.Show()
	if len(f.entries) > 0 {
		win.Canvas().Focus(f.entries[0])
	}
	return d
}

func (d *formDialog) submit() {
	if d.onSave() {
		d.dialog.Hide()
	}
}
