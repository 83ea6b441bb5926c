package i18n

import (
	"strings"
	"testing"

	"shopcrm/data"
)

// Deleting a saved group that reminder rules are limited to names those kinds in the
// confirmation; a group no rule uses adds nothing.
func TestGroupRulesWarningNamesTheKinds(t *testing.T) {
	if err := Use(Chinese); err != nil {
		t.Fatal(err)
	}
	if got := GroupRulesWarning(nil); got != "" {
		t.Errorf("no rule: got %q, want nothing", got)
	}
	got := GroupRulesWarning([]data.ReminderKind{data.KindBirthday, data.KindDormant})
	if !strings.Contains(got, "「生日、沉睡唤醒」") {
		t.Errorf("got %q, want both kinds named", got)
	}
}
