package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"shopcrm/data"
)

// EachTrade streams the trades of the customers matching f (all customers for an empty
// filter, a group's customers for a group's filter), in the order they were stored,
// each with its owner's identity (ID, platform, nick, name, phone) for exports that
// must re-import to the same buyer. An empty filter is the whole archive: the unlinked
// orders come too, with their own platform and no buyer, so that they re-import as
// unlinked orders. owner is reused from one call to the next: fn must not keep it.
// The walk is one consistent snapshot of the archive.
//
// The trades are read in table order: one sequential pass, where walking them buyer by
// buyer would fetch every trade row from a random page. The owners' identities are read
// first, in one pass over the matching customers, and kept compact (about 40 bytes a
// customer).
func (s *Store) EachTrade(ctx context.Context, f data.CustomerFilter, fn func(t *data.Trade, owner *data.Customer) error) error {
	where, args, err := s.filterSQL(ctx, f)
	if err != nil {
		return fmt.Errorf("find trades: %w", err)
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("find trades: %w", err)
	}
	defer tx.Rollback()
	owners, err := readOwners(ctx, tx, where, args)
	if err != nil {
		return fmt.Errorf("find trades: %w", err)
	}
	q := `SELECT ` + tradeColumns + ` FROM trades t`
	if where != "" {
		q += ` WHERE t.customer_id IN (SELECT c.id FROM customers c` + where + `)`
	}
	rows, err := tx.QueryContext(ctx, q+` ORDER BY t.id`, args...)
	if err != nil {
		return fmt.Errorf("find trades: %w", err)
	}
	defer rows.Close()
	var owner data.Customer
	for rows.Next() {
		t, err := scanTrade(rows)
		if err != nil {
			return fmt.Errorf("find trades: %w", err)
		}
		switch {
		case t.CustomerID == 0: // an unlinked order (only in the whole archive's walk)
			owner = data.Customer{Platform: t.Platform}
		case !owners.find(t.CustomerID, &owner):
			continue // cannot happen in one snapshot: every linked trade has its customer
		}
		if err := fn(t, &owner); err != nil {
			return err
		}
	}
	return rows.Err()
}

// CountExport counts the customers matching f and their trades: the rows an export
// of f writes.
func (s *Store) CountExport(ctx context.Context, f data.CustomerFilter) (customers, trades int, err error) {
	where, args, err := s.filterSQL(ctx, f)
	if err != nil {
		return 0, 0, fmt.Errorf("count customers: %w", err)
	}
	q := `SELECT (SELECT count(*) FROM customers c` + where + `), (SELECT count(*) FROM trades`
	if where != "" {
		q += ` WHERE customer_id IN (SELECT c.id FROM customers c` + where + `)`
		args = append(args, args...)
	}
	if err := s.db.QueryRowContext(ctx, q+`)`, args...).Scan(&customers, &trades); err != nil {
		return 0, 0, fmt.Errorf("count customers: %w", err)
	}
	return customers, trades, nil
}

// owners are the identities of a set of customers, sorted by id: ids[i]'s platform,
// nick, name and phone end at ends[i][0] … ends[i][3] in text, its platform starting
// where the previous owner's phone ends.
type owners struct {
	ids  []int64
	ends [][4]uint32
	text string
}

// readOwners reads the identities of the customers matching where, in id order.
func readOwners(ctx context.Context, tx *sql.Tx, where string, args []any) (*owners, error) {
	rows, err := tx.QueryContext(ctx, `SELECT c.id, c.platform, c.nick, c.name, c.phone FROM customers c`+where+` ORDER BY c.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var (
		o    owners
		text strings.Builder
		id   int64
		vals [4]sql.RawBytes
	)
	for rows.Next() {
		if err := rows.Scan(&id, &vals[0], &vals[1], &vals[2], &vals[3]); err != nil {
			return nil, err
		}
		var ends [4]uint32
		for i, v := range vals {
			text.Write(v)
			ends[i] = uint32(text.Len())
		}
		o.ids = append(o.ids, id)
		o.ends = append(o.ends, ends)
	}
	// Exact sizes: these stay for the whole walk.
	o.text, o.ids, o.ends = strings.Clone(text.String()), slices.Clone(o.ids), slices.Clone(o.ends)
	return &o, rows.Err()
}

// find sets c to the identity of customer id, and reports false when id is not one
// of the set.
func (o *owners) find(id int64, c *data.Customer) bool {
	i, ok := slices.BinarySearch(o.ids, id)
	if !ok {
		return false
	}
	start := uint32(0)
	if i > 0 {
		start = o.ends[i-1][3]
	}
	e := o.ends[i]
	*c = data.Customer{ID: id, Platform: data.Platform(o.text[start:e[0]]),
		Nick: o.text[e[0]:e[1]], Name: o.text[e[1]:e[2]], Phone: o.text[e[2]:e[3]]}
	return true
}

// ExtraKeys lists the extra-field names in use on customers and on trades, so an
// export can give each a column.
func (s *Store) ExtraKeys(ctx context.Context) (customers, trades []string, err error) {
	for _, q := range []struct {
		dst   *[]string
		table string
	}{{&customers, "customers"}, {&trades, "trades"}} {
		rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT j.key FROM `+q.table+` x, json_each(x.extra) j
			WHERE x.extra <> '{}' ORDER BY j.key`)
		if err != nil {
			return nil, nil, fmt.Errorf("find extra fields: %w", err)
		}
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return nil, nil, err
			}
			*q.dst = append(*q.dst, k)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, nil, err
		}
	}
	return customers, trades, nil
}
