package i18n

import (
	"testing"

	"shopcrm/data"
)

// Keys the reminder code builds at run time (holiday.<id>, channel.<id> …) exist in
// both languages.
func TestReminderKeysAreTranslated(t *testing.T) {
	var keys []string
	for _, h := range data.Holidays {
		keys = append(keys, "holiday."+h.ID)
	}
	for _, k := range data.ReminderKinds {
		keys = append(keys, "reminder.kind."+string(k))
		keys = append(keys, "reminders.hint."+string(k))
	}
	for _, k := range data.TemplateKinds {
		keys = append(keys, "template."+string(k))
	}
	for _, c := range data.Channels {
		keys = append(keys, "channel."+string(c))
	}
	for _, r := range data.Repeats[1:] {
		keys = append(keys, "repeat."+r)
	}
	for _, loc := range []string{"zh_Hans", "en"} {
		b, err := Bundle(loc)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			if b[k] == "" {
				t.Errorf("%s: %q is missing", loc, k)
			}
		}
	}
}
