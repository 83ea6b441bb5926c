package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"shopcrm/data"
)

// Audit records an action done outside a store transaction (an export, a restore).
// detail must hold ids and counts only, never personal data.
func (s *Store) Audit(ctx context.Context, action data.AuditAction, count int, detail string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO audit_log (at, action, count, detail) VALUES (?, ?, ?, ?)`,
		formatTime(s.now()), action, count, detail)
	if err != nil {
		return fmt.Errorf("write audit log: %w", data.Classify(err))
	}
	return nil
}

// FindAuditLog returns the newest entries of the audit log, newest first.
func (s *Store) FindAuditLog(ctx context.Context, limit int) ([]*data.AuditEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT at, action, count, detail FROM audit_log ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("read audit log: %w", err)
	}
	defer rows.Close()
	var out []*data.AuditEntry
	for rows.Next() {
		var e data.AuditEntry
		var at string
		if err := rows.Scan(&at, &e.Action, &e.Count, &e.Detail); err != nil {
			return nil, err
		}
		e.At = parseTime(at)
		out = append(out, &e)
	}
	return out, rows.Err()
}

// audit records an action with a row count; detail must never hold personal data
// (ids and counts only).
func audit(ctx context.Context, tx *sql.Tx, at time.Time, action data.AuditAction, count int, detail string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO audit_log (at, action, count, detail) VALUES (?, ?, ?, ?)`,
		formatTime(at), action, count, detail)
	return err
}
