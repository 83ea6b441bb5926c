package reminders

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// The actions of a reminder row. Each is one small write, run on the UI goroutine so
// that its result shows at once; the agenda then reloads.

// reminderMessage fills the kind's template (the seller's own, or the translated
// default) for r.
func reminderMessage(ctx context.Context, store Store, r *data.Reminder) (string, error) {
	body, custom, err := store.Template(ctx, r.Kind, ui.TemplateLang())
	if err != nil {
		return "", err
	}
	if !custom {
		body = lang.L("template." + string(data.TemplateKind(r.Kind)))
	}
	f, err := store.ReminderMessageFields(ctx, r)
	if err != nil {
		return "", err
	}
	if r.Kind == data.KindHoliday {
		f.Holiday = i18n.HolidayName(r.EventKey)
	} else if h, ok := data.HolidayByID(r.EventKey); ok {
		f.Holiday = i18n.HolidayName(h.ID)
	}
	if f.Goods == "" {
		f.Goods = lang.L("template.goods_fallback")
	}
	f.UpgradeGap = i18n.GapWords(ui.Currency())(f.Gap)
	return data.FillTemplate(body, f), nil
}

// copyMessage puts r's filled message on the clipboard, ready for 旺旺 / WeChat / SMS.
func (s *Screen) copyMessage(r *data.Reminder) {
	msg, err := reminderMessage(context.Background(), s.store, r)
	if err != nil {
		ui.ShowError(s.win, err)
		return
	}
	s.app.Clipboard().SetContent(msg)
	s.undo.Hide()
	s.status.SetText(lang.L("reminders.copied"))
}

// complete marks r done and logs a contact on the buyer's usual channel.
func (s *Screen) complete(r *data.Reminder) {
	c := &data.Contact{Channel: data.DefaultChannel(r.Platform), Summary: lang.L("reminders.done.summary",
		map[string]any{"Kind": i18n.ReminderKindName(r.Kind), "Detail": i18n.ReminderDetail(r)})}
	err := s.store.CompleteReminder(context.Background(), r, c)
	s.handled(r, lang.L("reminders.handled.done", map[string]any{"Who": reminderWho(r)}), c.ID, err)
}

// askSnooze offers 1 day / 3 days / 1 week under the button.
func (s *Screen) askSnooze(r *data.Reminder, under fyne.CanvasObject) {
	var items []*fyne.MenuItem
	for _, o := range []struct {
		key  string
		days int
	}{{"reminders.snooze.1d", 1}, {"reminders.snooze.3d", 3}, {"reminders.snooze.1w", 7}} {
		days := o.days
		items = append(items, fyne.NewMenuItem(lang.L(o.key), func() { s.snooze(r, days) }))
	}
	c := s.win.Canvas()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(under).AddXY(0, under.Size().Height)
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos)
}

// snooze hides r for days from today.
func (s *Screen) snooze(r *data.Reminder, days int) {
	until := s.today.AddDate(0, 0, days)
	err := s.store.SnoozeReminder(context.Background(), r, until)
	s.handled(r, lang.L("reminders.handled.snooze", map[string]any{"Who": reminderWho(r), "Date": until.Format(data.DateLayout)}), 0, err)
}

// dismiss drops r without a contact.
func (s *Screen) dismiss(r *data.Reminder) {
	err := s.store.DismissReminder(context.Background(), r)
	s.handled(r, lang.L("reminders.handled.dismiss", map[string]any{"Who": reminderWho(r)}), 0, err)
}

// handled reloads the agenda after r was handled and says so above the list with a
// 撤销 button: the rows below move up when one goes, so a tap meant for one row can
// land on the next, and none of it is final until the seller moves on.
func (s *Screen) handled(r *data.Reminder, said string, contactID int64, err error) {
	if err != nil {
		ui.ShowError(s.win, err)
		return
	}
	s.status.SetText(said)
	first := s.firstOccurrence(r)
	s.undo.OnTapped = func() { s.reopen(first, contactID) }
	s.undo.Show()
	s.undoSeq++
	seq := s.undoSeq
	time.AfterFunc(undoFor, func() { // a short while: then the bar goes, as the seller has moved on
		fyne.Do(func() {
			if seq == s.undoSeq {
				s.undo.Hide()
			}
		})
	})
	s.changed(r)
}

// undoFor is how long 撤销 is offered after an action.
const undoFor = 15 * time.Second

// firstOccurrence is the earliest occurrence of r's repeating follow-up on the agenda
// (it keeps one state for all of them, moved on by any of them), else r.
func (s *Screen) firstOccurrence(r *data.Reminder) *data.Reminder {
	first := r
	if r.Kind != data.KindCustom || r.FollowUpID == 0 || s.agenda == nil {
		return first
	}
	for _, tab := range [][]*data.Reminder{s.agenda.Overdue, s.agenda.Today, s.agenda.Upcoming} {
		for _, x := range tab {
			if x.FollowUpID == r.FollowUpID && !x.Snoozed && x.Event.Before(first.Event) {
				first = x
			}
		}
	}
	return first
}

// reopen undoes the last handling of r (and removes the contact a completion wrote).
func (s *Screen) reopen(r *data.Reminder, contactID int64) {
	s.undo.Hide()
	if err := s.store.ReopenReminder(context.Background(), r, contactID); err != nil {
		ui.ShowError(s.win, err)
		return
	}
	s.status.SetText(lang.L("reminders.undone"))
	s.changed(r)
}

// changed reloads the agenda and tells the window that r's customer changed.
func (s *Screen) changed(r *data.Reminder) {
	s.Reload()
	if s.OnChanged != nil {
		s.OnChanged(r.CustomerID)
	}
}
