package sqlite

import (
	"context"
	"fmt"

	"shopcrm/data"
)

// EachTrade streams the trades of the customers matching f, buyer by buyer and oldest
// first, each with its owner's identity (platform, nick, name, phone) for exports that
// must re-import to the same buyer. An empty filter is the whole archive: the
// unlinked orders come too, first, with their own platform and no buyer, so that they
// re-import as unlinked orders.
func (s *Store) EachTrade(ctx context.Context, f data.CustomerFilter, fn func(t *data.Trade, owner *data.Customer) error) error {
	where, args := filterWhere(f)
	join := `JOIN`
	if where == "" {
		join = `LEFT JOIN`
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+tradeColumns+`, coalesce(c.platform, t.platform), coalesce(c.nick, ''),
		coalesce(c.name, ''), coalesce(c.phone, '')
		FROM trades t `+join+` customers c ON c.id = t.customer_id`+where+`
		ORDER BY t.customer_id, t.traded_at, t.id`, args...)
	if err != nil {
		return fmt.Errorf("find trades: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var owner data.Customer
		var platform string
		t, err := scanTrade(rows, &platform, &owner.Nick, &owner.Name, &owner.Phone)
		if err != nil {
			return fmt.Errorf("find trades: %w", err)
		}
		owner.ID, owner.Platform = t.CustomerID, data.Platform(platform)
		if err := fn(t, &owner); err != nil {
			return err
		}
	}
	return rows.Err()
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
