package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode/utf8"

	"shopcrm/data"
)

// Blacklist puts a customer on the blacklist (黑名单) with the reason, replacing the
// reason of one already there. A blacklisted buyer gets no care reminder
// (reminder_derive.go) and is marked wherever customers are shown. The reason is
// required: a seller reading the list later must know why.
func (s *Store) Blacklist(ctx context.Context, customerID int64, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return data.Invalid("reason", data.CodeRequired)
	}
	if utf8.RuneCountInString(reason) > data.MaxTextLen {
		return data.Invalid("reason", data.CodeTooLong)
	}
	now := s.now()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := customerExists(ctx, tx, customerID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM blacklist WHERE customer_id = ?`, customerID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO blacklist (customer_id, reason, added_at) VALUES (?, ?, ?)`,
			customerID, reason, formatTime(now)); err != nil {
			return err
		}
		return audit(ctx, tx, now, data.AuditBlacklistAdd, 1, fmt.Sprintf("id=%d", customerID))
	})
	if err != nil {
		return fmt.Errorf("blacklist customer %d: %w", customerID, err)
	}
	return nil
}

// Unblacklist takes a customer off the blacklist; it reports whether they were on it.
func (s *Store) Unblacklist(ctx context.Context, customerID int64) (bool, error) {
	now := s.now()
	var removed bool
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := customerExists(ctx, tx, customerID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM blacklist WHERE customer_id = ?`, customerID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		removed = true
		return audit(ctx, tx, now, data.AuditBlacklistRemove, 1, fmt.Sprintf("id=%d", customerID))
	})
	if err != nil {
		return false, fmt.Errorf("unblacklist customer %d: %w", customerID, err)
	}
	return removed, nil
}

// customerExists gives ErrNotFound for a customer id that is not there.
func customerExists(ctx context.Context, tx *sql.Tx, id int64) error {
	var one int
	return mapError(tx.QueryRowContext(ctx, `SELECT 1 FROM customers WHERE id = ?`, id).Scan(&one))
}
