package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Channel is how the seller reached a buyer.
type Channel string

// Contact channels (旺旺, 微信, 电话, 短信, 邮件, 其他).
const (
	ChannelWangwang Channel = "wangwang"
	ChannelWeChat   Channel = "wechat"
	ChannelPhone    Channel = "phone"
	ChannelSMS      Channel = "sms"
	ChannelEmail    Channel = "email"
	ChannelOther    Channel = "other"
)

// Channels lists the channels in the order the GUI offers them.
var Channels = []Channel{ChannelWangwang, ChannelWeChat, ChannelPhone, ChannelSMS, ChannelEmail, ChannelOther}

// DefaultChannel is the usual way to reach a buyer of platform p: 旺旺 on Taobao and
// Tmall, WeChat elsewhere.
func DefaultChannel(p Platform) Channel {
	if p == PlatformTaobao || p == PlatformTmall {
		return ChannelWangwang
	}
	return ChannelWeChat
}

// Contact is a contact record (沟通记录). Logging one resets the buyer's dormant clock;
// NextFollowUp, when set, becomes a custom reminder on that date.
type Contact struct {
	ID           int64
	CustomerID   int64
	At           time.Time // zero: now
	Channel      Channel
	Summary      string
	NextFollowUp time.Time // calendar date, zero for none
	FollowUpID   int64     // the reminder this contact handled, if any
	CreatedAt    time.Time
}

// AddContact stores a contact record (and its next follow-up) in one transaction.
func (s *Store) AddContact(ctx context.Context, c *Contact) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.insertContact(ctx, tx, c) })
}

func (s *Store) insertContact(ctx context.Context, tx *sql.Tx, c *Contact) error {
	c.Summary = strings.TrimSpace(c.Summary)
	if c.Channel == "" {
		c.Channel = ChannelOther
	}
	valid := false
	for _, ch := range Channels {
		valid = valid || ch == c.Channel
	}
	switch {
	case !valid:
		return invalid("channel", CodeInvalid)
	case len([]rune(c.Summary)) > 1000:
		return invalid("summary", CodeTooLong)
	}
	now := s.now()
	if c.At.IsZero() {
		c.At = now
	}
	c.CreatedAt = now
	var next sql.NullString
	if !c.NextFollowUp.IsZero() {
		next = sql.NullString{String: formatDate(c.NextFollowUp), Valid: true}
		f := &FollowUp{CustomerID: c.CustomerID, Due: c.NextFollowUp, Note: c.Summary}
		if err := s.insertFollowUp(ctx, tx, f); err != nil {
			return err
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO contacts (customer_id, contacted_at, channel, summary, next_follow_up,
		follow_up_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, c.CustomerID, formatTime(c.At), c.Channel, c.Summary, next,
		nullID(c.FollowUpID), formatTime(now))
	if err != nil {
		return fmt.Errorf("add contact: %w", mapForeignKey(err))
	}
	c.ID, err = res.LastInsertId()
	return err
}

// FindContacts lists a customer's contact records, newest first.
func (s *Store) FindContacts(ctx context.Context, customerID int64) ([]*Contact, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, customer_id, contacted_at, channel, summary, coalesce(next_follow_up, ''),
		coalesce(follow_up_id, 0), created_at FROM contacts WHERE customer_id = ? ORDER BY contacted_at DESC, id DESC`, customerID)
	if err != nil {
		return nil, fmt.Errorf("find contacts: %w", err)
	}
	var out []*Contact
	err = scanRows(rows, func() error {
		c := &Contact{}
		var at, next, created string
		if err := rows.Scan(&c.ID, &c.CustomerID, &at, &c.Channel, &c.Summary, &next, &c.FollowUpID, &created); err != nil {
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
