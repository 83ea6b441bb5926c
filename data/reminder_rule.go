package data

// ReminderRule is how one kind of reminder is derived. The birthday rule covers solar
// and lunar birthdays.
type ReminderRule struct {
	Kind      ReminderKind
	Enabled   bool
	LeadDays  int // due this many days before the occasion
	AfterDays int // revisit: the occasion is this many days after a counting trade
	// The kind's reminders go to the buyers in any of TargetTiers (tier names),
	// TargetSegments, with any of TargetTags, or in the saved group TargetGroup (its
	// ID, 0 for none); with none of them, to every buyer. The custom rule's targets
	// limit repeating custom reminders (care messages), not one-off ones (the
	// seller's own tasks). HolidaysOff are holiday ids not greeted.
	TargetTiers    []string
	TargetSegments []Segment
	TargetTags     []string
	TargetGroup    int64
	HolidaysOff    []string
}

// RuleKinds are the kinds that have a rule, in the order settings show them.
var RuleKinds = []ReminderKind{KindBirthday, KindHoliday, KindAnniversary, KindRevisit, KindDormant, KindCustom}

// HolidayOn reports whether the rule greets on holiday id.
func (r *ReminderRule) HolidayOn(id string) bool {
	for _, off := range r.HolidaysOff {
		if off == id {
			return false
		}
	}
	return true
}

// Targeted reports whether the rule is limited to some buyers (else it goes to all).
func (r *ReminderRule) Targeted() bool {
	return len(r.TargetTiers) > 0 || len(r.TargetSegments) > 0 || len(r.TargetTags) > 0 || r.TargetGroup != 0
}
