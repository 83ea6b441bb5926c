package data

// ReminderRule is how one kind of reminder is derived. The birthday rule covers solar
// and lunar birthdays.
type ReminderRule struct {
	Kind      ReminderKind
	Enabled   bool
	LeadDays  int // due this many days before the occasion
	AfterDays int // revisit: the occasion is this many days after a counting trade
	// Holiday greetings go to customers in TargetTiers (tier names) or with one of
	// TargetTags; with neither, to every customer. HolidaysOff are holiday ids not greeted.
	TargetTiers []string
	TargetTags  []string
	HolidaysOff []string
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
