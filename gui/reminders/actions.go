package reminders

import (
	"context"

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
	s.status.SetText(lang.L("reminders.copied"))
}

// complete marks r done and logs a contact on the buyer's usual channel.
func (s *Screen) complete(r *data.Reminder) {
	c := &data.Contact{Channel: data.DefaultChannel(r.Platform), Summary: lang.L("reminders.done.summary",
		map[string]any{"Kind": i18n.ReminderKindName(r.Kind), "Detail": i18n.ReminderDetail(r)})}
	s.handled(r, s.store.CompleteReminder(context.Background(), r, c))
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
	s.handled(r, s.store.SnoozeReminder(context.Background(), r, s.today.AddDate(0, 0, days)))
}

// dismiss drops r without a contact.
func (s *Screen) dismiss(r *data.Reminder) {
	s.handled(r, s.store.DismissReminder(context.Background(), r))
}

func (s *Screen) handled(r *data.Reminder, err error) {
	if err != nil {
		ui.ShowError(s.win, err)
		return
	}
	s.status.SetText("")
	s.Reload()
	if s.OnChanged != nil {
		s.OnChanged(r.CustomerID)
	}
}
