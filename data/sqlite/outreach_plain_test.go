package sqlite

import (
	"context"
	"sort"
	"strings"
	"testing"
	"time"

	"shopcrm/data"
)

// What the outreach tests compare the store with: the buyers and reasons worked out
// by a plain walk over the raw tables.

// plainOutreach is what a queue or sheet of the buyers keep (by id) should hold,
// worked out by a plain walk over the raw tables: the buyers in order, most valuable
// first, and those left out by reason.
type plainOutreach struct {
	order []int64
	left  data.LeftOut
}

// plainBuyerRow is one customer as the raw tables have it.
type plainBuyerRow struct {
	id, total      int64
	trades         int
	optOut         bool
	phone          string
	blacklisted    bool
	careInWindow   int
	name, nickname string
}

// plainBuyers reads every customer, the blacklist and the care contacts since from.
func plainBuyers(t *testing.T, s *Store, from time.Time) map[int64]*plainBuyerRow {
	t.Helper()
	out := map[int64]*plainBuyerRow{}
	rows, err := s.db.Query(`SELECT id, total_fen, trade_count, marketing_opt_out, phone, name, nick FROM customers`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		b := &plainBuyerRow{}
		if err := rows.Scan(&b.id, &b.total, &b.trades, &b.optOut, &b.phone, &b.name, &b.nickname); err != nil {
			t.Fatal(err)
		}
		out[b.id] = b
	}
	rows.Close()
	for _, q := range []struct {
		sql  string
		args []any
		set  func(*plainBuyerRow)
	}{
		{`SELECT customer_id FROM blacklist`, nil, func(b *plainBuyerRow) { b.blacklisted = true }},
		{`SELECT customer_id FROM contacts WHERE care <> '' AND contacted_at >= ?`, []any{formatTime(from)},
			func(b *plainBuyerRow) { b.careInWindow++ }},
	} {
		rows, err := s.db.Query(q.sql, q.args...)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			q.set(out[id])
		}
		rows.Close()
	}
	return out
}

// plainQueue keeps the buyers keep says yes to, by the rules a seller reads: the
// blacklist first, then opt-outs, then the cap (one care message in the window), then
// (for a sheet) a full phone.
func plainQueue(buyers map[int64]*plainBuyerRow, keep func(*plainBuyerRow) bool, needPhone bool) plainOutreach {
	var p plainOutreach
	var in []*plainBuyerRow
	for _, b := range buyers {
		switch {
		case !keep(b):
		case b.blacklisted:
			p.left.Blacklisted++
		case b.optOut:
			p.left.OptedOut++
		case b.careInWindow >= data.DefaultCareCap.Messages:
			p.left.Capped++
		case needPhone && (b.phone == "" || strings.Contains(b.phone, "*") || strings.HasPrefix(b.phone, "0")): // none, masked, a landline
			p.left.NoPhone++
		default:
			in = append(in, b)
		}
	}
	sort.Slice(in, func(i, j int) bool {
		a, b := in[i], in[j]
		if a.total != b.total {
			return a.total > b.total
		}
		if a.trades != b.trades {
			return a.trades > b.trades
		}
		return a.id < b.id
	})
	phones := map[string]bool{}
	for _, b := range in {
		if needPhone && phones[b.phone] {
			p.left.SamePhone++ // one text per number: the more valuable buyer has it
			continue
		}
		phones[b.phone] = true
		p.order = append(p.order, b.id)
	}
	return p
}

// outreachShop is the demo filter shop (opt-outs, blacklistings, cleared phones) with
// care messages inside the week's cap (held back), outside it and ordinary contacts
// (neither held back).
func outreachShop(t *testing.T) *Store {
	t.Helper()
	s := demoFilterShop(t)
	ctx := context.Background()
	now := s.Now()
	for id := int64(1); id <= 2000; id++ {
		var c *data.Contact
		switch {
		case id%17 == 0:
			c = &data.Contact{At: now.AddDate(0, 0, -3), Care: string(data.KindBirthday)} // held back
		case id%19 == 0:
			c = &data.Contact{At: now.AddDate(0, 0, -10), Care: data.CareGroup} // outside the window
		case id%23 == 0:
			c = &data.Contact{At: now.AddDate(0, 0, -1)} // not a care message
		default:
			continue
		}
		c.CustomerID, c.Channel, c.Summary = id, data.ChannelWeChat, "之前的消息"
		if err := s.AddContact(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// careContacts counts each buyer's contacts of the care kind.
func careContacts(t *testing.T, s *Store, care string) map[int64]int {
	t.Helper()
	rows, err := s.db.Query(`SELECT customer_id, count(*) FROM contacts WHERE care = ? GROUP BY customer_id`, care)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			t.Fatal(err)
		}
		out[id] = n
	}
	return out
}

func windowStart(s *Store) time.Time {
	d := data.DefaultCareCap.WindowStart(s.Today())
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.Local)
}
