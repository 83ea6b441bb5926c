package i18n

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
)

// CareName is the translated name of what a care message was (Contact.Care): a
// reminder kind, or a message sent to a group from an outreach queue.
func CareName(care string) string {
	if care == data.CareGroup {
		return lang.L("care.kind.group")
	}
	return ReminderKindName(data.ReminderKind(care))
}

// CareHoldReason says why the frequency cap holds r back: the buyer's last care
// message, and the more important reminder of the same day that went first; for a
// holiday greeting, that its whole group is capped.
func CareHoldReason(r *data.Reminder) string {
	h := r.Held
	switch {
	case h == nil:
		return ""
	case r.CustomerID == 0:
		return lang.L("care.held.group", map[string]any{"Count": r.GroupCapped})
	case h.First != "" && h.Sent > 0:
		return lang.L("care.held.last_and_first", map[string]any{"Date": h.LastAt.Format(data.DateLayout),
			"Kind": CareName(h.LastCare), "Sent": h.Sent, "First": ReminderKindName(h.First)})
	case h.First != "":
		return lang.L("care.held.first", map[string]any{"First": ReminderKindName(h.First)})
	}
	return lang.L("care.held.last", map[string]any{"Date": h.LastAt.Format(data.DateLayout), "Kind": CareName(h.LastCare), "Sent": h.Sent})
}

// CareCapped is what a holiday greeting's line adds when the cap leaves some of its
// group out ("" when none).
func CareCapped(r *data.Reminder) string {
	if r.GroupCapped == 0 || r.Held != nil {
		return ""
	}
	return lang.L("care.group_capped", map[string]any{"Count": r.GroupCapped})
}

// GroupRulesWarning is what deleting a saved group does to the reminder rules limited
// to it (the store's GroupRuleKinds), for the deletion's confirmation; "" when no
// rule is.
func GroupRulesWarning(kinds []data.ReminderKind) string {
	if len(kinds) == 0 {
		return ""
	}
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = ReminderKindName(k)
	}
	return lang.L("care.group_delete.rules", map[string]any{"Kinds": strings.Join(names, lang.L("care.list_sep"))})
}
