package sqlite

import (
	"context"
	"fmt"
	"strings"

	"shopcrm/data"
)

const listSep = "\x1f"

func splitList(s, sep string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, sep)
}

// ReminderRules reads every rule by kind.
func (s *Store) ReminderRules(ctx context.Context) (map[data.ReminderKind]*data.ReminderRule, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT kind, enabled, lead_days, after_days, target_tiers, target_tags, holidays_off FROM reminder_rules`)
	if err != nil {
		return nil, fmt.Errorf("read reminder rules: %w", err)
	}
	defer rows.Close()
	out := map[data.ReminderKind]*data.ReminderRule{}
	for rows.Next() {
		var r data.ReminderRule
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
	for _, k := range data.RuleKinds { // a rule row never goes missing, but be safe
		if out[k] == nil {
			out[k] = &data.ReminderRule{Kind: k, Enabled: true}
		}
	}
	return out, nil
}

// SaveReminderRule stores a rule. Lead days are 0 … 60; revisit days 1 … 365.
func (s *Store) SaveReminderRule(ctx context.Context, r *data.ReminderRule) error {
	if r.LeadDays < 0 || r.LeadDays > 60 {
		return data.Invalid("lead_days", data.CodeInvalid)
	}
	if r.Kind == data.KindRevisit && (r.AfterDays < 1 || r.AfterDays > 365) {
		return data.Invalid("after_days", data.CodeInvalid)
	}
	tags := data.NormalizeTags(r.TargetTags)
	res, err := s.db.ExecContext(ctx, `UPDATE reminder_rules SET enabled = ?, lead_days = ?, after_days = ?,
		target_tiers = ?, target_tags = ?, holidays_off = ? WHERE kind = ?`,
		r.Enabled, r.LeadDays, r.AfterDays, strings.Join(r.TargetTiers, listSep), strings.Join(tags, listSep),
		strings.Join(r.HolidaysOff, ","), r.Kind)
	if err != nil {
		return fmt.Errorf("save reminder rule %s: %w", r.Kind, err)
	}
	return mustAffect(res)
}
