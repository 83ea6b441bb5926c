package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"shopcrm/data"
)

// Blacklist puts a customer on the blacklist (黑名单) with the reason, replacing the
// reason of one already there. A blacklisted buyer gets no care reminder
// (reminder_derive.go) and is marked wherever customers are shown. The reason is
// required: a seller reading the list later must know why.
func (s *Store) Blacklist(ctx context.Context, customerID int64, reason string) error {
	reason, err := blacklistReason(reason)
	if err != nil {
		return err
	}
	now := s.now()
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if err := customerExists(ctx, tx, customerID); err != nil {
			return err
		}
		if _, err := blacklistIn(ctx, tx, customerID, reason, now); err != nil {
			return err
		}
		return audit(ctx, tx, now, data.AuditBlacklistAdd, 1, fmt.Sprintf("id=%d", customerID))
	})
	if err != nil {
		return fmt.Errorf("blacklist customer %d: %w", customerID, err)
	}
	return nil
}

// BlacklistCustomers puts several customers on the blacklist with one reason, in one
// transaction (the list's multi-select); it returns how many were put there. A
// customer deleted meanwhile is passed over; one already listed gets the new reason.
func (s *Store) BlacklistCustomers(ctx context.Context, ids []int64, reason string) (int, error) {
	reason, err := blacklistReason(reason)
	if err != nil || len(ids) == 0 {
		return 0, err
	}
	now := s.now()
	n := 0
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		for _, id := range ids {
			listed, err := blacklistIn(ctx, tx, id, reason, now)
			if err != nil {
				return err
			}
			if listed {
				n++
			}
		}
		return audit(ctx, tx, now, data.AuditBlacklistAdd, n, "")
	})
	if err != nil {
		return 0, fmt.Errorf("blacklist %d customers: %w", len(ids), err)
	}
	return n, nil
}

// blacklistReason is the reason as stored, or the validation error of a blank or
// too long one.
func blacklistReason(reason string) (string, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return "", data.Invalid("reason", data.CodeRequired)
	}
	if utf8.RuneCountInString(reason) > data.MaxTextLen {
		return "", data.Invalid("reason", data.CodeTooLong)
	}
	return reason, nil
}

// blacklistIn lists one customer with reason in tx (the one row replacing any they
// had); it reports false for a customer who is not there.
func blacklistIn(ctx context.Context, tx *sql.Tx, customerID int64, reason string, now time.Time) (bool, error) {
	if _, err := tx.ExecContext(ctx, `DELETE FROM blacklist WHERE customer_id = ?`, customerID); err != nil {
		return false, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO blacklist (customer_id, reason, added_at)
		SELECT id, ?, ? FROM customers WHERE id = ?`, reason, formatTime(now), customerID)
	if err != nil {
		return false, err
	}
	k, err := res.RowsAffected()
	return k > 0, err
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
