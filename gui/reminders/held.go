package reminders

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/i18n"
)

// heldBar says how many reminders the frequency cap holds back ("N 条提醒因关怀频率
// 上限暂缓") with a button that shows who and why; hidden when none is.
type heldBar struct {
	s       *Screen
	label   *widget.Label
	content *fyne.Container
}

func newHeldBar(s *Screen) *heldBar {
	b := &heldBar{s: s, label: widget.NewLabel("")}
	b.label.Importance = widget.WarningImportance
	view := widget.NewButtonWithIcon(lang.L("care.held.view"), theme.InfoIcon(), b.show)
	view.Importance = widget.LowImportance
	b.content = container.NewHBox(b.label, view)
	b.content.Hide()
	return b
}

// set shows the count of held reminders; the screen is laid out again when the bar
// comes or goes (it changes the height of the top).
func (b *heldBar) set(held []*data.Reminder) {
	was := b.content.Visible()
	if len(held) == 0 {
		b.content.Hide()
	} else {
		b.label.SetText(heldCount(len(held)))
		b.content.Show()
	}
	if was != b.content.Visible() && b.s.body != nil {
		b.s.body.Refresh()
	}
}

func heldCount(n int) string { return lang.L("care.held.count", map[string]any{"Count": n}) }

// show lists the held reminders: who, the occasion and why the cap holds it back.
// The seller may still send one (复制话术, then 完成: it counts as a care message)
// or open the buyer.
func (b *heldBar) show() {
	held := b.s.agenda.Held
	var d dialog.Dialog
	list := widget.NewList(func() int { return len(held) }, newHeldRow, func(i widget.ListItemID, o fyne.CanvasObject) {
		if i >= len(held) {
			return
		}
		r, row := held[i], o.(*fyne.Container)
		texts, buttons := row.Objects[0].(*fyne.Container).Objects, row.Objects[1].(*fyne.Container).Objects
		texts[0].(*widget.Label).SetText(reminderWho(r))
		texts[1].(*widget.Label).SetText(i18n.ReminderKindName(r.Kind) + " · " + r.Due.Format(data.DateLayout) + " · " + i18n.ReminderDetail(r))
		texts[2].(*widget.Label).SetText(i18n.CareHoldReason(r))
		buttons[0].(*widget.Button).OnTapped = func() { b.s.copyMessage(r) }
		buttons[1].(*widget.Button).OnTapped = func() { d.Hide(); b.s.complete(r) }
		open := buttons[2].(*widget.Button)
		open.OnTapped = func() { d.Hide(); b.s.OnOpenCustomer(r.CustomerID) }
		open.Hidden = r.CustomerID == 0
		open.Refresh()
	})
	list.OnSelected = func(id widget.ListItemID) { list.Unselect(id) }
	intro := widget.NewLabel(lang.L("care.held.intro"))
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(intro, nil, nil, nil, list)
	d = dialog.NewCustom(lang.L("care.held.title"), lang.L("settings.care.ok"), body, b.s.win)
	d.Resize(fyne.NewSize(760, 520))
	b.s.heldDialog = d
	d.Show()
}

// newHeldRow is the template of a held reminder: who, what and why on the left, the
// actions on the right.
func newHeldRow() fyne.CanvasObject {
	who := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	what, why := widget.NewLabel(""), widget.NewLabel("")
	what.SizeName, why.SizeName = theme.SizeNameCaptionText, theme.SizeNameCaptionText
	what.Truncation, why.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
	who.Truncation = fyne.TextTruncateEllipsis
	why.Importance = widget.WarningImportance
	copyBtn := widget.NewButtonWithIcon(lang.L("reminders.action.copy"), theme.ContentCopyIcon(), nil)
	done := widget.NewButtonWithIcon(lang.L("reminders.action.done"), theme.ConfirmIcon(), nil)
	open := widget.NewButtonWithIcon(lang.L("reminders.action.open"), theme.AccountIcon(), nil)
	open.Importance = widget.LowImportance
	texts := container.New(layout.NewCustomPaddedVBoxLayout(-12), who, what, why)
	return container.NewBorder(nil, nil, nil, container.NewHBox(copyBtn, done, open), texts)
}
