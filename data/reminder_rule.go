package data

import (
	"context"
	"fmt"
	"strings"
)

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

const listSep = "\x1f"

func splitList(s, sep string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, sep)
}

// ReminderRules reads every rule by kind.
func (s *Store) ReminderRules(ctx context.Context) (map[ReminderKind]*ReminderRule, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT kind, enabled, lead_days, after_days, target_tiers, target_tags, holidays_off FROM reminder_rules`)
	if err != nil {
		return nil, fmt.Errorf("read reminder rules: %w", err)
	}
	defer rows.Close()
	out := map[ReminderKind]*ReminderRule{}
	for rows.Next() {
		var r ReminderRule
		var tiers, tags, off string
		if err := rows.Scan(&r.Kind, &r.Enabled, &r.LeadDays, &r.AfterDays, &tiers, &tags, &off); err != nil {
			return nil, err
		}
		r.TargetTiers, r.TargetTags, r.HolidaysOff = splitList(tiers, listSep), splitList(tags, listSep), splitList(off, ",")
		out[r.Kind] = &r
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, k := range RuleKinds { // a rule row never goes missing, but be safe
		if out[k] == nil {
			out[k] = &ReminderRule{Kind: k, Enabled: true}
		}
	}
	return out, nil
}

// SaveReminderRule stores a rule. Lead days are 0 … 60; revisit days 1 … 365.
func (s *Store) SaveReminderRule(ctx context.Context, r *ReminderRule) error {
	if r.LeadDays < 0 || r.LeadDays > 60 {
		return invalid("lead_days", CodeInvalid)
	}
	if r.Kind == KindRevisit && (r.AfterDays < 1 || r.AfterDays > 365) {
		return invalid("after_days", CodeInvalid)
	}
	tags := normalizeTags(r.TargetTags)
	res, err := s.db.ExecContext(ctx, `UPDATE reminder_rules SET enabled = ?, lead_days = ?, after_days = ?,
		target_tiers = ?, target_tags = ?, holidays_off = ? WHERE kind = ?`,
		r.Enabled, r.LeadDays, r.AfterDays, strings.Join(r.TargetTiers, listSep), strings.Join(tags, listSep),
		strings.Join(r.HolidaysOff, ","), r.Kind)
	if err != nil {
		return fmt.Errorf("save reminder rule %s: %w", r.Kind, err)
	}
	return mustAffect(res)
}
