package i18n

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
	"shopcrm/data/lunar"
)

// ReminderKindName is the translated name of a reminder kind (生日, 节日问候 …).
func ReminderKindName(k data.ReminderKind) string { return lang.L("reminder.kind." + string(k)) }

// HolidayName is the translated name of a holiday id (春节, 中秋 …).
func HolidayName(id string) string { return lang.L("holiday." + id) }

// ChannelName is the translated name of a contact channel (旺旺, 微信 …).
func ChannelName(c data.Channel) string { return lang.L("channel." + string(c)) }

// RepeatName is the translated name of a custom reminder's repeat ("" is once).
func RepeatName(r string) string {
	if r == data.RepeatNone {
		return lang.L("repeat.none")
	}
	return lang.L("repeat." + r)
}

// ReminderDetail is the occasion's fact in words: the birthday, the holiday's name
// and group, the first trade's date, the goods to revisit, the last activity of a
// dormant buyer, or a custom reminder's note.
func ReminderDetail(r *data.Reminder) string {
	switch r.Kind {
	case data.KindBirthday:
		return lang.L("reminder.detail.birthday", map[string]any{"Date": r.Detail})
	case data.KindLunarBirthday:
		m, d, name := lunarMonthDay(r.Detail)
		return lang.L("reminder.detail.lunar_birthday", map[string]any{"Date": r.Detail, "Name": name, "Month": m, "Day": d})
	case data.KindHoliday:
		return lang.L("reminder.detail.holiday", map[string]any{"Holiday": HolidayName(r.EventKey), "Count": r.GroupSize}) + CareCapped(r)
	case data.KindAnniversary:
		return lang.L("reminder.detail.anniversary", map[string]any{"Date": r.Detail, "Years": r.Years})
	case data.KindRevisit:
		return lang.L("reminder.detail.revisit", map[string]any{"Goods": orDash(r.Detail)})
	case data.KindDormant:
		return lang.L("reminder.detail.dormant", map[string]any{"Date": r.Detail})
	}
	return r.Detail
}

// ReminderWhen says when the occasion is, seen from today: 今天, 明天, 3 天后, 2 天前.
func ReminderWhen(event, today time.Time) string {
	days := int(event.Sub(today).Hours() / 24)
	switch {
	case days == 0:
		return lang.L("reminder.when.today")
	case days == 1:
		return lang.L("reminder.when.tomorrow")
	case days > 1:
		return lang.L("reminder.when.in_days", map[string]any{"Days": days})
	}
	return lang.L("reminder.when.days_ago", map[string]any{"Days": -days})
}

// lunarMonthDay reads a stored lunar birthday ("08-15", "1990-08-15") into its month,
// day and Chinese name (八月十五); the name is the stored text when it does not read.
func lunarMonthDay(stored string) (month, day int, name string) {
	if len(stored) < 5 {
		return 0, 0, stored
	}
	md := stored[len(stored)-5:]
	m, errM := strconv.Atoi(md[:2])
	d, errD := strconv.Atoi(md[3:])
	if name := lunar.Name(m, d, false); errM == nil && errD == nil && name != "" {
		return m, d, name
	}
	return 0, 0, stored
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
