package reminders

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// reminderList is one tab: reminders grouped under a header per kind.
type reminderList struct {
	s     *Screen
	items []reminderItem
	list  *widget.List
	empty *ui.WrapLabel
	// content holds the list and the empty-state hint.
	content fyne.CanvasObject
}

// reminderItem is a kind header (r nil: the kind's name and what it is for) or a
// reminder row. Headers are as high as rows: a list of varying heights lays out in
// time proportional to its length at every change.
type reminderItem struct {
	header, hint string
	r            *data.Reminder
}

func newReminderList(s *Screen, emptyText string) *reminderList {
	l := &reminderList{s: s}
	l.list = widget.NewList(func() int { return len(l.items) }, newReminderRow, l.updateRow)
	// A row acts through its buttons; a click elsewhere (a kind's header too) selects
	// nothing, so no row stays highlighted as if chosen.
	l.list.OnSelected = func(id widget.ListItemID) { l.list.Unselect(id) }
	l.empty = ui.EmptyMessage(emptyText)
	l.content = container.NewStack(l.list, ui.EmptyState(l.empty))
	return l
}

// set groups rs by kind (in data.ReminderKinds order) behind headers; within a kind
// the most valuable buyers come first (data.SortByValue).
func (l *reminderList) set(rs []*data.Reminder) {
	l.items = l.items[:0]
	for _, k := range data.ReminderKinds {
		var group []*data.Reminder
		for _, r := range rs {
			if r.Kind == k {
				group = append(group, r)
			}
		}
		if len(group) == 0 {
			continue
		}
		data.SortByValue(group)
		l.items = append(l.items, reminderItem{header: lang.L("reminders.group",
			map[string]any{"Kind": i18n.ReminderKindName(k), "Count": len(group)}), hint: lang.L("reminders.hint." + string(k))})
		for _, r := range group {
			l.items = append(l.items, reminderItem{r: r})
		}
	}
	l.empty.Hidden = len(rs) > 0
	l.empty.Refresh()
	l.list.UnselectAll()
	l.list.Refresh()
}

// newReminderRow is the template: who and what on the left, the actions on the right.
func newReminderRow() fyne.CanvasObject {
	who := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	who.Truncation = fyne.TextTruncateEllipsis
	what := widget.NewLabel("")
	what.Truncation = fyne.TextTruncateEllipsis
	what.SizeName = theme.SizeNameCaptionText
	copyBtn := widget.NewButtonWithIcon(lang.L("reminders.action.copy"), theme.ContentCopyIcon(), nil)
	copyBtn.Importance = widget.HighImportance
	done := widget.NewButtonWithIcon(lang.L("reminders.action.done"), theme.ConfirmIcon(), nil)
	snooze := widget.NewButtonWithIcon(lang.L("reminders.action.snooze"), theme.HistoryIcon(), nil)
	dismiss := widget.NewButtonWithIcon(lang.L("reminders.action.dismiss"), theme.CancelIcon(), nil)
	dismiss.Importance = widget.LowImportance
	open := widget.NewButtonWithIcon(lang.L("reminders.action.open"), theme.AccountIcon(), nil)
	open.Importance = widget.LowImportance
	outreach := widget.NewButtonWithIcon(lang.L("reminders.action.outreach"), theme.MailSendIcon(), nil)
	outreach.Importance = widget.LowImportance
	actions := container.NewHBox(copyBtn, done, snooze, dismiss, open, outreach)
	return container.NewBorder(nil, nil, nil, actions, container.New(layout.NewCustomPaddedVBoxLayout(-12), who, what))
}

// reminderWho is whom r is about: the buyer (nick and name) or, for a holiday
// greeting, the holiday.
func reminderWho(r *data.Reminder) string {
	name := r.DisplayName()
	if r.CustomerID == 0 {
		name = i18n.HolidayName(r.EventKey)
	} else if r.Name != "" && r.Nick != "" && r.Name != r.Nick {
		name += "（" + r.Name + "）"
	}
	return name
}

func (l *reminderList) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(l.items) {
		return
	}
	item := l.items[i]
	row := o.(*fyne.Container)
	texts, actions := row.Objects[0].(*fyne.Container), row.Objects[1].(*fyne.Container)
	who, what := texts.Objects[0].(*widget.Label), texts.Objects[1].(*widget.Label)
	if item.r == nil {
		who.SetText(item.header)
		what.SetText(item.hint)
		actions.Hide()
		return
	}
	r := item.r
	actions.Show()
	who.SetText(reminderWho(r))
	text := i18n.ReminderKindName(r.Kind) + " · " + r.Event.Format(data.DateLayout) + "（" +
		i18n.ReminderWhen(r.Event, l.s.today) + "） · " + i18n.ReminderDetail(r)
	if r.Snoozed {
		text += " " + lang.L("reminders.snoozed")
	}
	what.SetText(text)
	buttons := actions.Objects
	buttons[0].(*widget.Button).OnTapped = func() { l.s.copyMessage(r) }
	buttons[1].(*widget.Button).OnTapped = func() { l.s.complete(r) }
	snooze := buttons[2].(*widget.Button)
	snooze.OnTapped = func() { l.s.askSnooze(r, snooze) }
	buttons[3].(*widget.Button).OnTapped = func() { l.s.dismiss(r) }
	open := buttons[4].(*widget.Button)
	open.OnTapped = func() { l.s.OnOpenCustomer(r.CustomerID) }
	open.Hidden = r.CustomerID == 0
	open.Refresh()
	outreach := buttons[5].(*widget.Button) // a holiday greeting is sent one buyer at a time
	outreach.OnTapped = func() { l.s.OnOutreach(r) }
	outreach.Hidden = r.Kind != data.KindHoliday || l.s.OnOutreach == nil
	outreach.Refresh()
}
