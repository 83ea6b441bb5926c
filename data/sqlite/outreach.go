package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"shopcrm/data"
)

// Outreach queues (data/outreach.go): a run's buyers are chosen and ordered in SQL and
// snapshotted in the transaction that creates the run; each sent message is a care
// contact written in the transaction that marks its buyer sent.

// outreachOrder puts the most valuable buyers first: total value, then trades, then
// the oldest customer.
const outreachOrder = `c.total_fen DESC, c.trade_count DESC, c.id`

// outreachSource is the condition, on the customer row c, for the spec's buyers: the
// group's filter, or the holiday rule's targets. It is never empty.
func (s *Store) outreachSource(ctx context.Context, spec data.OutreachSpec) (string, []any, error) {
	if spec.Holiday != "" {
		rules, err := s.ReminderRules(ctx)
		if err != nil {
			return "", nil, err
		}
		cond, args, err := s.targetCond(ctx, rules[data.KindHoliday])
		if cond == "" {
			cond = "1"
		}
		return cond, args, err
	}
	where, args, err := s.filterSQL(ctx, spec.Filter)
	if where == "" {
		where = " WHERE 1"
	}
	return "(" + where[len(" WHERE "):] + ")", args, err
}

// leftOutReason is an SQL expression, on the customer row c, naming why a buyer is
// left out (a data.Left… constant), empty for one who gets the message. capped is
// cappedCond's condition ("" when the cap is off); needPhone adds the sheet's reason.
func leftOutReason(capped string, needPhone bool) string {
	e := `CASE WHEN ` + blacklistedSQL + ` THEN '` + data.LeftBlacklisted + `'
		WHEN c.marketing_opt_out <> 0 THEN '` + data.LeftOptedOut + `'`
	if capped != "" {
		e += ` WHEN ` + capped + ` THEN '` + data.LeftCapped + `'`
	}
	if needPhone {
		e += ` WHEN c.phone = '' OR instr(c.phone, '*') > 0 THEN '` + data.LeftNoPhone + `'`
	}
	return e + ` ELSE '' END`
}

// outreachSelect is the query of the spec's buyers with their left-out reason and
// their place n (cols first, then reason and n), most valuable first.
func (s *Store) outreachSelect(ctx context.Context, spec data.OutreachSpec, cols string, needPhone bool) (string, []any, error) {
	source, args, err := s.outreachSource(ctx, spec)
	if err != nil {
		return "", nil, err
	}
	capCfg, err := s.CareCap(ctx)
	if err != nil {
		return "", nil, err
	}
	capped, capArgs := cappedCond(capCfg, s.Today())
	return `SELECT ` + cols + `, ` + leftOutReason(capped, needPhone) + ` AS reason, row_number() OVER (ORDER BY ` +
		outreachOrder + `) AS n FROM customers c WHERE ` + source + ` ORDER BY n`, append(capArgs, args...), nil
}

// StartOutreach validates spec and makes a run of its buyers in one transaction.
func (s *Store) StartOutreach(ctx context.Context, spec data.OutreachSpec) (*data.OutreachRun, error) {
	if err := spec.Validate(); err != nil {
		return nil, err
	}
	filter := ""
	if spec.Holiday == "" {
		var err error
		if filter, err = data.EncodeFilter(spec.Filter); err != nil {
			return nil, err
		}
	}
	q, args, err := s.outreachSelect(ctx, spec, `c.id`, false)
	if err != nil {
		return nil, fmt.Errorf("start outreach: %w", err)
	}
	run := &data.OutreachRun{OutreachSpec: spec, CreatedAt: s.now()}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO outreach_runs (label, holiday, filter, kind, body, holiday_name,
			goods_fallback, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, spec.Label, spec.Holiday, filter, spec.Kind,
			spec.Body, spec.HolidayName, spec.GoodsFallback, formatTime(run.CreatedAt))
		if err != nil {
			return err
		}
		if run.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		// One pass over the buyers into a scratch table; the queue's rows and the
		// counts of those left out come from it.
		if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE outreach_pick AS `+q, args...); err != nil {
			return err
		}
		defer tx.ExecContext(ctx, `DROP TABLE IF EXISTS temp.outreach_pick`) // on failure; done below on success
		if _, err := tx.ExecContext(ctx, `INSERT INTO outreach_items (run_id, position, customer_id)
			SELECT ?, row_number() OVER (ORDER BY n), id FROM temp.outreach_pick WHERE reason = '' ORDER BY n`, run.ID); err != nil {
			return err
		}
		err = tx.QueryRowContext(ctx, `SELECT
			count(*) FILTER (WHERE reason = '`+data.LeftBlacklisted+`'),
			count(*) FILTER (WHERE reason = '`+data.LeftOptedOut+`'),
			count(*) FILTER (WHERE reason = '`+data.LeftCapped+`'),
			count(*) FILTER (WHERE reason = '')
			FROM temp.outreach_pick`).Scan(&run.LeftOut.Blacklisted, &run.LeftOut.OptedOut, &run.LeftOut.Capped, &run.Pending)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DROP TABLE temp.outreach_pick`); err != nil {
			return err
		}
		var finished any
		if run.Pending == 0 {
			run.FinishedAt = run.CreatedAt // nothing to send: never offered for resuming
			finished = formatTime(run.FinishedAt)
		}
		// From here on the triggers keep the counters.
		_, err = tx.ExecContext(ctx, `UPDATE outreach_runs SET left_blacklisted = ?, left_opted_out = ?, left_capped = ?,
			pending = ?, counted = 1, finished_at = ? WHERE id = ?`,
			run.LeftOut.Blacklisted, run.LeftOut.OptedOut, run.LeftOut.Capped, run.Pending, finished, run.ID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("start outreach: %w", err)
	}
	return run, nil
}

// errOutreachHandled: the buyer was sent or skipped already (another window, or a
// double press), so nothing more is written for them.
var errOutreachHandled = fmt.Errorf("outreach buyer already handled: %w", data.ErrConflict)

// outreachItemCols are read by NextOutreach.
const outreachItemCols = `i.id, i.run_id, i.position, i.state, coalesce(i.contact_id, 0), c.id, c.platform, c.nick, c.name,
	c.phone, c.wechat, c.wangwang, c.email, c.total_fen, c.trade_count`

// NextOutreach is the run's first pending buyer, nil when none is left (the run is
// then finished). A pending buyer who has been blacklisted, opted out or reached the
// cap since the run began is skipped with that reason and the next one is looked at.
func (s *Store) NextOutreach(ctx context.Context, runID int64) (*data.OutreachItem, error) {
	capCfg, err := s.CareCap(ctx)
	if err != nil {
		return nil, err
	}
	capped, capArgs := cappedCond(capCfg, s.Today())
	for {
		it := &data.OutreachItem{}
		var reason string
		err := s.db.QueryRowContext(ctx, `SELECT `+outreachItemCols+`, `+leftOutReason(capped, false)+`
			FROM outreach_items i JOIN customers c ON c.id = i.customer_id
			WHERE i.run_id = ? AND i.state = 'pending' ORDER BY i.position LIMIT 1`, append(capArgs, runID)...).Scan(
			&it.ID, &it.RunID, &it.Position, &it.State, &it.ContactID, &it.CustomerID, &it.Platform, &it.Nick, &it.Name,
			&it.Phone, &it.WeChat, &it.Wangwang, &it.Email, &it.TotalFen, &it.Trades, &reason)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, s.FinishOutreach(ctx, runID)
		}
		if err != nil {
			return nil, fmt.Errorf("next outreach buyer: %w", err)
		}
		if reason == "" {
			return it, nil
		}
		if _, err := s.db.ExecContext(ctx, `UPDATE outreach_items SET state = 'skipped', reason = ?
			WHERE id = ? AND state = 'pending'`, reason, it.ID); err != nil {
			return nil, fmt.Errorf("next outreach buyer: %w", err)
		}
	}
}

// OutreachMessage is the run's message filled for the buyer, with the fields a
// reminder's message has (ReminderMessageFields), its upgrade gap worded by words.
func (s *Store) OutreachMessage(ctx context.Context, run *data.OutreachRun, it *data.OutreachItem, words data.GapWords) (string, error) {
	f, err := s.ReminderMessageFields(ctx, &data.Reminder{Kind: run.Kind, CustomerID: it.CustomerID,
		Platform: it.Platform, Nick: it.Nick, Name: it.Name})
	if err != nil {
		return "", err
	}
	return run.Message(f, words), nil
}

// SendOutreach writes, in one transaction, the buyer's state (sent) and a care
// contact on the channel of the id the message went to, with the message as its
// summary; the run is finished with its last pending buyer. A buyer already sent or
// skipped gets nothing (errOutreachHandled).
func (s *Store) SendOutreach(ctx context.Context, run *data.OutreachRun, it *data.OutreachItem, message string) (*data.Contact, error) {
	_, ch := it.Reach()
	c := &data.Contact{CustomerID: it.CustomerID, Channel: ch, Summary: truncateRunes(message, 1000), Care: run.Care()}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.markOutreach(ctx, tx, it, data.OutreachSent); err != nil {
			return err
		}
		if err := s.insertContact(ctx, tx, c); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE outreach_items SET contact_id = ? WHERE id = ?`, c.ID, it.ID); err != nil {
			return err
		}
		return finishIfDone(ctx, tx, it.RunID, s.now())
	})
	if err != nil {
		return nil, fmt.Errorf("send outreach message: %w", err)
	}
	it.State, it.ContactID = data.OutreachSent, c.ID
	return c, nil
}

// SkipOutreach marks a pending buyer skipped: no contact is written.
func (s *Store) SkipOutreach(ctx context.Context, it *data.OutreachItem) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.markOutreach(ctx, tx, it, data.OutreachSkipped); err != nil {
			return err
		}
		return finishIfDone(ctx, tx, it.RunID, s.now())
	})
	if err != nil {
		return fmt.Errorf("skip outreach buyer: %w", err)
	}
	it.State = data.OutreachSkipped
	return nil
}

// markOutreach moves a pending buyer to state; one no longer pending is
// errOutreachHandled.
// ReopenOutreach undoes the seller's 已发送 or 跳过 of a buyer in one transaction: the
// buyer is pending again, the contact a send logged is removed (so it no longer counts
// against the frequency cap) and the run is open again. A buyer still pending, or one
// the queue itself skipped, is data.ErrConflict.
func (s *Store) ReopenOutreach(ctx context.Context, it *data.OutreachItem) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var contact sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT contact_id FROM outreach_items WHERE id = ? AND run_id = ?
			AND state <> 'pending' AND reason = ''`, it.ID, it.RunID).Scan(&contact)
		if errors.Is(err, sql.ErrNoRows) {
			return errOutreachHandled
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE outreach_items SET state = 'pending', contact_id = NULL WHERE id = ?`, it.ID); err != nil {
			return err
		}
		if contact.Valid {
			if _, err := tx.ExecContext(ctx, `DELETE FROM contacts WHERE id = ?`, contact.Int64); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE outreach_runs SET finished_at = NULL WHERE id = ?`, it.RunID)
		return err
	})
	if err != nil {
		return fmt.Errorf("reopen outreach buyer: %w", err)
	}
	it.State, it.ContactID = data.OutreachPending, 0
	return nil
}

func (s *Store) markOutreach(ctx context.Context, tx *sql.Tx, it *data.OutreachItem, state data.OutreachState) error {
	res, err := tx.ExecContext(ctx, `UPDATE outreach_items SET state = ? WHERE id = ? AND run_id = ? AND state = 'pending'`,
		state, it.ID, it.RunID)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		if err == nil {
			err = errOutreachHandled
		}
		return err
	}
	return nil
}

// finishIfDone finishes a run with no pending buyer left.
func finishIfDone(ctx context.Context, tx *sql.Tx, runID int64, now time.Time) error {
	_, err := tx.ExecContext(ctx, `UPDATE outreach_runs SET finished_at = ? WHERE id = ? AND finished_at IS NULL AND pending = 0`,
		formatTime(now), runID)
	return err
}

// truncateRunes keeps the first n characters of s.
func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}
