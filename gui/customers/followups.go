package customers

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// customerReminderDays is how far ahead a customer's own reminders are listed.
const customerReminderDays = 60

// followUpPanel is the 沟通与提醒 tab of the customer detail: the contact log and the
// customer's coming reminders, with 记录沟通 and 添加提醒.
type followUpPanel struct {
	win   fyne.Window
	store Store
	now   func() time.Time
	spawn func(func())

	tab       *container.TabItem
	contacts  *fyne.Container
	reminders *fyne.Container
	customer  *data.Customer
	scroll    *container.Scroll
	// OnChanged is told after a contact or reminder was added (the 提醒 screen reloads).
	OnChanged func()
}

func newFollowUpPanel() *followUpPanel {
	p := &followUpPanel{contacts: container.NewVBox(), reminders: container.NewVBox()}
	addContact := widget.NewButtonWithIcon(lang.L("followup.add_contact"), theme.ContentAddIcon(), func() { p.askContact() })
	addReminder := widget.NewButtonWithIcon(lang.L("followup.add_reminder"), theme.ContentAddIcon(), func() { p.askReminder() })
	head := func(key string, b *widget.Button) fyne.CanvasObject {
		return container.NewBorder(nil, nil, widget.NewLabelWithStyle(lang.L(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), b)
	}
	body := container.NewVBox(head("followup.reminders", addReminder), p.reminders, widget.NewSeparator(),
		head("followup.contacts", addContact), p.contacts)
	p.scroll = container.NewVScroll(body)
	p.tab = container.NewTabItem(lang.L("followup.tab"), p.scroll)
	return p
}

// scrollToTop shows the panel from its top (another customer is shown).
func (p *followUpPanel) scrollToTop() { p.scroll.ScrollToTop() }

// attach gives the panel its store (the detail pane itself never calls the store).
func (p *followUpPanel) attach(win fyne.Window, store Store, now func() time.Time, spawn func(func())) {
	p.win, p.store, p.now, p.spawn = win, store, now, spawn
}

// show loads c's contact log and reminders off the UI goroutine.
func (p *followUpPanel) show(c *data.Customer) {
	p.customer = c
	if p.store == nil {
		return
	}
	p.spawn(func() {
		ctx := context.Background()
		contacts, err := p.store.FindContacts(ctx, c.ID)
		var rs []*data.Reminder
		if err == nil {
			today := p.store.Today()
			rs, err = p.store.Reminders(ctx, data.ReminderFilter{From: today.AddDate(0, 0, -data.OverdueDays),
				To: today.AddDate(0, 0, customerReminderDays), CustomerID: c.ID, OlderCustom: true})
		}
		fyne.Do(func() {
			if p.customer == nil || p.customer.ID != c.ID {
				return
			}
			if err != nil {
				ui.ShowError(p.win, err)
				return
			}
			p.fill(contacts, rs)
		})
	})
}

func (p *followUpPanel) fill(contacts []*data.Contact, rs []*data.Reminder) {
	p.reminders.RemoveAll()
	for _, r := range rs {
		text := r.Due.Format(data.DateLayout) + " · " + i18n.ReminderKindName(r.Kind) + " · " + i18n.ReminderDetail(r)
		if r.Held != nil { // held back by the frequency cap: said, with why
			text += " · " + i18n.CareHoldReason(r)
		}
		p.reminders.Add(wrapLabel(text))
	}
	if len(rs) == 0 {
		p.reminders.Add(wrapLabel(lang.L("followup.no_reminders")))
	}
	p.contacts.RemoveAll()
	for _, c := range contacts {
		text := ui.LocalDateTime(c.At) + " · " + i18n.ChannelName(c.Channel)
		if c.Summary != "" {
			text += " · " + c.Summary
		}
		if !c.NextFollowUp.IsZero() {
			text += " · " + lang.L("followup.next", map[string]any{"Date": c.NextFollowUp.Format(data.DateLayout)})
		}
		p.contacts.Add(wrapLabel(text))
	}
	if len(contacts) == 0 {
		p.contacts.Add(wrapLabel(lang.L("followup.no_contacts")))
	}
}

func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// askContact opens 记录沟通: channel, summary and an optional next follow-up date.
func (p *followUpPanel) askContact() {
	c := p.customer
	if c == nil {
		return
	}
	f := newFieldForm()
	var names []string
	for _, ch := range data.Channels {
		names = append(names, i18n.ChannelName(ch))
	}
	channel := widget.NewSelect(names, nil)
	channel.SetSelected(i18n.ChannelName(data.DefaultChannel(c.Platform)))
	f.add("channel", channel)
	when := f.entry("contacted_at", p.now().In(time.Local).Format("2006-01-02 15:04"), "", false)
	summary := f.entry("summary", "", "", true)
	next := f.entry("next_follow_up", "", lang.L("followup.date_hint"), false)
	showFormDialog(p.win, lang.L("followup.contact_title"), f, func() bool {
		at, ok := parseTimeEntry(when.Text)
		if !ok {
			f.setError("contacted_at", lang.L("followup.time_invalid"))
			return false
		}
		due, ok := parseDateEntry(next.Text)
		if !ok {
			f.setError("next_follow_up", lang.L("followup.date_invalid"))
			return false
		}
		rec := &data.Contact{CustomerID: c.ID, At: at, Channel: data.Channels[max(0, channel.SelectedIndex())],
			Summary: summary.Text, NextFollowUp: due}
		return p.saved(f, p.store.AddContact(context.Background(), rec), "summary")
	})
}

// askReminder opens 添加提醒: date, repeat and note.
func (p *followUpPanel) askReminder() {
	c := p.customer
	if c == nil {
		return
	}
	f := newFieldForm()
	due := f.entry("due", p.store.Today().AddDate(0, 0, 1).Format(data.DateLayout), lang.L("followup.date_hint"), false)
	var names []string
	for _, r := range data.Repeats {
		names = append(names, i18n.RepeatName(r))
	}
	repeat := widget.NewSelect(names, nil)
	repeat.SetSelectedIndex(0)
	f.add("repeat", repeat)
	note := f.entry("note", "", "", true)
	showFormDialog(p.win, lang.L("followup.reminder_title"), f, func() bool {
		day, ok := parseDateEntry(due.Text)
		if !ok || day.IsZero() {
			f.setError("due", lang.L("followup.date_invalid"))
			return false
		}
		fu := &data.FollowUp{CustomerID: c.ID, Due: day, Repeat: data.Repeats[max(0, repeat.SelectedIndex())], Note: note.Text}
		return p.saved(f, p.store.CreateFollowUp(context.Background(), fu), "note")
	})
}

// saved shows a validation problem on the form, or reloads after a write.
func (p *followUpPanel) saved(f *fieldForm, err error, fallback string) bool {
	if ve, ok := err.(*data.ValidationError); ok {
		f.showProblems([]*data.ValidationError{ve}, fallback)
		return false
	}
	if err != nil {
		ui.ShowError(p.win, err)
		return false
	}
	p.show(p.customer)
	if p.OnChanged != nil {
		p.OnChanged()
	}
	return true
}

// parseTimeEntry reads a local time by the domain's date rule ("2026-11-23 15:04",
// a date alone, 2026/11/23 …); nothing is now.
func parseTimeEntry(s string) (time.Time, bool) {
	if s = strings.TrimSpace(s); s == "" {
		return time.Time{}, true
	}
	return data.ParseTime(s, time.Local)
}

// parseDateEntry reads a calendar day ("2026-12-01", 2026/12/1 …) as reminders carry
// it; an empty entry is no date.
func parseDateEntry(s string) (time.Time, bool) {
	if s = strings.TrimSpace(s); s == "" {
		return time.Time{}, true
	}
	t, ok := data.ParseTime(s, time.Local)
	return data.Date(t), ok
}
