package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"shopcrm/data"
)

// ReopenReminder undoes 完成, 稍后提醒 or 忽略 of r, as r was shown before it (open,
// or snoozed until r.Due), in one transaction: a repeating custom reminder goes back to
// r's occurrence, and the contact record the completion wrote (contactID, 0 for none)
// is removed.
func (s *Store) ReopenReminder(ctx context.Context, r *data.Reminder, contactID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if contactID != 0 {
			if _, err := tx.ExecContext(ctx, `DELETE FROM contacts WHERE id = ? AND customer_id = ?`, contactID, r.CustomerID); err != nil {
				return fmt.Errorf("undo reminder: %w", err)
			}
		}
		id, err := followUpID(ctx, tx, r)
		if err != nil || id == 0 {
			return err // a derived reminder without a stored state is open already
		}
		now := formatTime(s.now())
		var res sql.Result
		switch {
		case r.Snoozed:
			res, err = tx.ExecContext(ctx, `UPDATE follow_ups SET status = ?, snoozed_until = ?, updated_at = ? WHERE id = ?`,
				statusSnoozed, formatDate(r.Due), now, id)
		case r.Kind == data.KindCustom:
			res, err = tx.ExecContext(ctx, `UPDATE follow_ups SET status = ?, snoozed_until = NULL, event_date = ?,
				due_date = ?, updated_at = ? WHERE id = ?`, statusOpen, formatDate(r.Event), formatDate(r.Due), now, id)
		default: // a derived reminder is open when no state is kept for it
			res, err = tx.ExecContext(ctx, `DELETE FROM follow_ups WHERE id = ?`, id)
		}
		if err != nil {
			return fmt.Errorf("undo reminder: %w", mapForeignKey(err))
		}
		return mustAffect(res)
	})
}
