package sqlite

import (
	"context"
	"database/sql"
	"errors"
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
	rows, err := s.db.QueryContext(ctx, `SELECT kind, enabled, lead_days, after_days, target_tiers, target_tags,
		target_segments, target_group, holidays_off FROM reminder_rules`)
	if err != nil {
		return nil, fmt.Errorf("read reminder rules: %w", err)
	}
	defer rows.Close()
	out := map[data.ReminderKind]*data.ReminderRule{}
	for rows.Next() {
		var r data.ReminderRule
		var tiers, tags, segments, off string
		if err := rows.Scan(&r.Kind, &r.Enabled, &r.LeadDays, &r.AfterDays, &tiers, &tags, &segments, &r.TargetGroup, &off); err != nil {
			return nil, err
		}
		r.TargetTiers, r.TargetTags, r.HolidaysOff = splitList(tiers, listSep), splitList(tags, listSep), splitList(off, ",")
		for _, g := range splitList(segments, listSep) {
			r.TargetSegments = append(r.TargetSegments, data.Segment(g))
		}
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

// SaveReminderRule stores a rule. Lead days are 0 … 60; revisit days 1 … 365; the
// target segments are RFM segments and the target group a saved group that exists.
func (s *Store) SaveReminderRule(ctx context.Context, r *data.ReminderRule) error {
	if r.LeadDays < 0 || r.LeadDays > 60 {
		return data.Invalid("lead_days", data.CodeInvalid)
	}
	if r.Kind == data.KindRevisit && (r.AfterDays < 1 || r.AfterDays > 365) {
		return data.Invalid("after_days", data.CodeInvalid)
	}
	segments := make([]string, len(r.TargetSegments))
	for i, g := range r.TargetSegments {
		if !g.Valid() {
			return data.Invalid("segment", data.CodeInvalid)
		}
		segments[i] = string(g)
	}
	tags := data.NormalizeTags(r.TargetTags)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if r.TargetGroup != 0 {
			var one int
			err := tx.QueryRowContext(ctx, `SELECT 1 FROM saved_groups WHERE id = ?`, r.TargetGroup).Scan(&one)
			if errors.Is(err, sql.ErrNoRows) {
				return data.Invalid("target_group", data.CodeInvalid)
			} else if err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `UPDATE reminder_rules SET enabled = ?, lead_days = ?, after_days = ?,
			target_tiers = ?, target_tags = ?, target_segments = ?, target_group = ?, holidays_off = ? WHERE kind = ?`,
			r.Enabled, r.LeadDays, r.AfterDays, strings.Join(r.TargetTiers, listSep), strings.Join(tags, listSep),
			strings.Join(segments, listSep), r.TargetGroup, strings.Join(r.HolidaysOff, ","), r.Kind)
		if err != nil {
			return fmt.Errorf("save reminder rule %s: %w", r.Kind, err)
		}
		return mustAffect(res)
	})
}

// GroupRuleKinds lists the reminder rules limited to saved group id, in settings
// order: what deleting the group changes (DeleteSavedGroup), for the seller to be
// told before.
func (s *Store) GroupRuleKinds(ctx context.Context, id int64) ([]data.ReminderKind, error) {
	return groupRuleKinds(ctx, s.db, id)
}

func groupRuleKinds(ctx context.Context, q execer, id int64) ([]data.ReminderKind, error) {
	rows, err := q.QueryContext(ctx, `SELECT kind FROM reminder_rules WHERE target_group = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("rules of saved group: %w", err)
	}
	using := map[data.ReminderKind]bool{}
	err = scanRows(rows, func() error {
		var k data.ReminderKind
		err := rows.Scan(&k)
		using[k] = true
		return err
	})
	var out []data.ReminderKind
	for _, k := range data.RuleKinds {
		if using[k] {
			out = append(out, k)
		}
	}
	return out, err
}

// dropGroupTarget takes saved group id out of the rules limited to it, in the
// deleting transaction. A rule left with no target at all is switched off rather
// than sent to every buyer: a seller who limited birthday greetings to a group did
// not ask for them to go to everyone (settings show it off, and it can be switched
// on again).
func dropGroupTarget(ctx context.Context, tx *sql.Tx, id int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE reminder_rules SET target_group = 0,
		enabled = enabled AND (target_tiers <> '' OR target_tags <> '' OR target_segments <> '') WHERE target_group = ?`, id)
	if err != nil {
		return fmt.Errorf("rules of saved group: %w", err)
	}
	return nil
}
