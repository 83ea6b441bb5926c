package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"shopcrm/data"
)

// Template is the seller's own wording for kind in language lang ("zh" or "en");
// custom is false (and body empty) when the seller kept the translated default.
func (s *Store) Template(ctx context.Context, kind data.ReminderKind, lang string) (body string, custom bool, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT body FROM templates WHERE kind = ? AND lang = ?`, data.TemplateKind(kind), lang).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read template: %w", err)
	}
	return body, true, nil
}

// SaveTemplate stores the seller's wording; an empty body goes back to the default.
func (s *Store) SaveTemplate(ctx context.Context, kind data.ReminderKind, lang, body string) error {
	body = strings.TrimSpace(body)
	kind = data.TemplateKind(kind)
	var err error
	if body == "" {
		_, err = s.db.ExecContext(ctx, `DELETE FROM templates WHERE kind = ? AND lang = ?`, kind, lang)
	} else if len([]rune(body)) > 2000 {
		return data.Invalid("template", data.CodeTooLong)
	} else {
		now := formatTime(s.now())
		_, err = s.db.ExecContext(ctx, `INSERT INTO templates (kind, name, lang, body, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, lang) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
			kind, kind, lang, body, now, now)
	}
	if err != nil {
		return fmt.Errorf("save template: %w", err)
	}
	return nil
}

// ReminderMessageFields reads the customer, their distance to the next tier (Gap) and
// their last counting trade for a reminder's message. The holiday's name and the gap's
// wording (UpgradeGap) are the caller's to translate.
func (s *Store) ReminderMessageFields(ctx context.Context, r *data.Reminder) (data.MessageFields, error) {
	f := data.MessageFields{Nick: r.Nick, Name: r.Name}
	if r.Kind == data.KindRevisit {
		f.Goods = r.Detail
	}
	if r.CustomerID == 0 {
		return f, nil
	}
	var err error
	if f.Gap, err = s.upgradeGap(ctx, r.CustomerID); err != nil {
		return f, err
	}
	var goods, at sql.NullString
	err = s.db.QueryRowContext(ctx, `SELECT t.goods, t.traded_at FROM trades t WHERE t.customer_id = ? AND `+countsSQL+`
		ORDER BY t.traded_at DESC LIMIT 1`, r.CustomerID).Scan(&goods, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return f, nil
	}
	if err != nil {
		return f, fmt.Errorf("read last trade: %w", err)
	}
	if f.Goods == "" {
		f.Goods = goods.String
	}
	f.LastPurchase = formatDate(data.Date(parseTime(at.String)))
	return f, nil
}

// upgradeGap is a customer's distance to the next of the seller's tiers; a customer no
// longer there has none.
func (s *Store) upgradeGap(ctx context.Context, customerID int64) (data.UpgradeGap, error) {
	var trades int
	var total int64
	err := s.db.QueryRowContext(ctx, `SELECT trade_count, total_fen FROM customers WHERE id = ?`, customerID).Scan(&trades, &total)
	if errors.Is(err, sql.ErrNoRows) {
		return data.UpgradeGap{}, nil
	}
	if err != nil {
		return data.UpgradeGap{}, fmt.Errorf("read upgrade gap: %w", err)
	}
	tiers, err := s.Tiers(ctx)
	if err != nil {
		return data.UpgradeGap{}, err
	}
	return data.TierGap(tiers, trades, total), nil
}
