package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"shopcrm/data"
)

// AddContact stores a contact record (and its next follow-up) in one transaction.
func (s *Store) AddContact(ctx context.Context, c *data.Contact) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.insertContact(ctx, tx, c) })
}

func (s *Store) insertContact(ctx context.Context, tx *sql.Tx, c *data.Contact) error {
	c.Summary = strings.TrimSpace(c.Summary)
	if c.Channel == "" {
		c.Channel = data.ChannelOther
	}
	valid := false
	for _, ch := range data.Channels {
		valid = valid || ch == c.Channel
	}
	switch {
	case !valid:
		return data.Invalid("channel", data.CodeInvalid)
	case len([]rune(c.Summary)) > 1000:
		return data.Invalid("summary", data.CodeTooLong)
	}
	now := s.now()
	if c.At.IsZero() {
		c.At = now
	}
	c.CreatedAt = now
	var next sql.NullString
	if !c.NextFollowUp.IsZero() {
		next = sql.NullString{String: formatDate(c.NextFollowUp), Valid: true}
		f := &data.FollowUp{CustomerID: c.CustomerID, Due: c.NextFollowUp, Note: c.Summary}
		if err := s.insertFollowUp(ctx, tx, f); err != nil {
			return err
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO contacts (customer_id, contacted_at, channel, summary, next_follow_up,
		follow_up_id, created_at, care) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, c.CustomerID, formatTime(c.At), c.Channel, c.Summary, next,
		nullID(c.FollowUpID), formatTime(now), c.Care)
	if err != nil {
		return fmt.Errorf("add contact: %w", mapForeignKey(err))
	}
	c.ID, err = res.LastInsertId()
	return err
}

// FindContacts lists a customer's contact records, newest first.
func (s *Store) FindContacts(ctx context.Context, customerID int64) ([]*data.Contact, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, customer_id, contacted_at, channel, summary, coalesce(next_follow_up, ''),
		coalesce(follow_up_id, 0), created_at, care FROM contacts WHERE customer_id = ? ORDER BY contacted_at DESC, id DESC`, customerID)
	if err != nil {
		return nil, fmt.Errorf("find contacts: %w", err)
	}
	var out []*data.Contact
	err = scanRows(rows, func() error {
		c := &data.Contact{}
		var at, next, created string
		if err := rows.Scan(&c.ID, &c.CustomerID, &at, &c.Channel, &c.Summary, &next, &c.FollowUpID, &created, &c.Care); err != nil {
			return err
		}
		c.At, c.CreatedAt = parseTime(at), parseTime(created)
		if next != "" {
			c.NextFollowUp = parseDate(next)
		}
		out = append(out, c)
		return nil
	})
	return out, err
}
