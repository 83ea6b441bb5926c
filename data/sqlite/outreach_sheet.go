package sqlite

import (
	"context"
	"fmt"

	"shopcrm/data"
)

// MessageRows calls fn once per buyer of the spec, most valuable first: for one who
// gets the message, their phone, their name (the nick when there is none) and the
// filled message (words words its {升级差额}); for one left out, only the reason (MessageRow.Left). Buyers
// blacklisted, opted out, held back by the cap or without a phone that takes text
// messages (data.TextablePhone) are left out and counted, and so is a buyer whose
// phone a more valuable buyer of the sheet has (one text per number). Nothing is
// written: a sheet is not a message sent, so it logs no contact.
func (s *Store) MessageRows(ctx context.Context, spec data.OutreachSpec, words data.GapWords, fn func(data.MessageRow) error) (data.LeftOut, error) {
	var left data.LeftOut
	if err := spec.Validate(); err != nil {
		return left, err
	}
	q, args, err := s.outreachSelect(ctx, spec, `c.id, c.platform, c.nick, c.name, c.phone`, true)
	if err != nil {
		return left, fmt.Errorf("message sheet: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return left, fmt.Errorf("message sheet: %w", err)
	}
	run := &data.OutreachRun{OutreachSpec: spec}
	phones := map[string]bool{}
	err = scanRows(rows, func() error {
		it := &data.OutreachItem{}
		var reason string
		var n int
		if err := rows.Scan(&it.CustomerID, &it.Platform, &it.Nick, &it.Name, &it.Phone, &reason, &n); err != nil {
			return err
		}
		switch {
		case reason != "":
		case !data.TextablePhone(it.Phone): // a landline: the SQL left out the empty and masked ones
			reason = data.LeftNoPhone
		case phones[it.Phone]:
			reason = data.LeftSamePhone
		}
		if reason != "" {
			left.Add(reason, 1)
			return fn(data.MessageRow{Left: reason})
		}
		phones[it.Phone] = true
		text, err := s.OutreachMessage(ctx, run, it, words)
		if err != nil {
			return err
		}
		name := it.Name
		if name == "" {
			name = it.Nick
		}
		return fn(data.MessageRow{Phone: it.Phone, Name: name, Text: text})
	})
	if err != nil {
		return left, fmt.Errorf("message sheet: %w", err)
	}
	return left, nil
}

// CountOutreach is how many buyers the spec's group or greeting has, left-out ones
// included: what MessageRows walks.
func (s *Store) CountOutreach(ctx context.Context, spec data.OutreachSpec) (int, error) {
	if err := spec.Validate(); err != nil {
		return 0, err
	}
	source, args, err := s.outreachSource(ctx, spec)
	var n int
	if err == nil {
		err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM customers c WHERE `+source, args...).Scan(&n)
	}
	if err != nil {
		return 0, fmt.Errorf("count outreach: %w", err)
	}
	return n, nil
}
