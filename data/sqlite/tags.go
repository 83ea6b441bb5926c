package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"shopcrm/data"
)

// TagCustomers adds one manual tag to several customers at once (the list's
// multi-select), in one transaction; customers that already have it are left alone.
// It returns how many customers got the tag.
func (s *Store) TagCustomers(ctx context.Context, ids []int64, tag string) (int, error) {
	tag, err := cleanTag(tag)
	if err != nil || len(ids) == 0 {
		return 0, err
	}
	n := 0
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		tagID, err := ensureTag(ctx, tx, tag)
		if err != nil {
			return err
		}
		for _, id := range ids {
			res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO customer_tags (customer_id, tag_id)
				SELECT id, ? FROM customers WHERE id = ?`, tagID, id)
			if err != nil {
				return err
			}
			k, _ := res.RowsAffected()
			n += int(k)
		}
		return audit(ctx, tx, s.now(), data.AuditTagsAdd, n, fmt.Sprintf("tag=%d", tagID))
	})
	if err != nil {
		return 0, fmt.Errorf("tag customers: %w", err)
	}
	return n, nil
}

// UntagCustomers removes one manual tag from several customers at once.
func (s *Store) UntagCustomers(ctx context.Context, ids []int64, tag string) (int, error) {
	n := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, id := range ids {
			res, err := tx.ExecContext(ctx, `DELETE FROM customer_tags WHERE customer_id = ?
				AND tag_id = (SELECT id FROM tags WHERE name = ?)`, id, strings.TrimSpace(tag))
			if err != nil {
				return err
			}
			k, _ := res.RowsAffected()
			n += int(k)
		}
		return audit(ctx, tx, s.now(), data.AuditTagsRemove, n, "")
	})
	if err != nil {
		return 0, fmt.Errorf("untag customers: %w", err)
	}
	return n, nil
}

// TagFiltered tags every customer the filter matches today: a static group, a
// snapshot of a group's members that stays as it is when the group moves on.
func (s *Store) TagFiltered(ctx context.Context, f data.CustomerFilter, tag string) (int, error) {
	tag, err := cleanTag(tag)
	if err != nil {
		return 0, err
	}
	f.Limit, f.Offset = 0, 0
	where, args, err := s.filterSQL(ctx, f)
	if err != nil {
		return 0, fmt.Errorf("tag group: %w", err)
	}
	n := 0
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		tagID, err := ensureTag(ctx, tx, tag)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO customer_tags (customer_id, tag_id)
			SELECT c.id, ? FROM customers c`+where, append([]any{tagID}, args...)...)
		if err != nil {
			return err
		}
		k, _ := res.RowsAffected()
		n = int(k)
		return audit(ctx, tx, s.now(), data.AuditTagsAddGroup, n, fmt.Sprintf("tag=%d", tagID))
	})
	if err != nil {
		return 0, fmt.Errorf("tag group: %w", err)
	}
	return n, nil
}

// DeleteTag removes a tag from every customer.
func (s *Store) DeleteTag(ctx context.Context, tag string) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM tags WHERE name = ?`, tag); err != nil {
			return err
		}
		return audit(ctx, tx, s.now(), data.AuditTagsDelete, 1, "")
	})
	if err != nil {
		return fmt.Errorf("delete tag: %w", err)
	}
	return nil
}

// TagNames lists every tag in use, by name.
func (s *Store) TagNames(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM tags t WHERE EXISTS (SELECT 1 FROM customer_tags ct WHERE ct.tag_id = t.id) ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("find tags: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// GroupPhones lists the distinct phone numbers of the customers the filter matches,
// for a text campaign; customers who opted out of marketing or are on the blacklist
// are left out and counted in leftOut.
func (s *Store) GroupPhones(ctx context.Context, f data.CustomerFilter) (phones []string, leftOut int, err error) {
	f.Limit, f.Offset = 0, 0
	where, args, err := s.filterSQL(ctx, f)
	if err != nil {
		return nil, 0, fmt.Errorf("group phones: %w", err)
	}
	if where == "" {
		where = " WHERE 1"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT c.phone, c.marketing_opt_out <> 0 OR `+blacklistedSQL+` FROM customers c`+where+
		` AND c.phone <> '' AND instr(c.phone, '*') = 0 ORDER BY c.id`, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("group phones: %w", err)
	}
	defer rows.Close()
	seen := map[string]bool{}
	for rows.Next() {
		var p string
		var out bool
		if err := rows.Scan(&p, &out); err != nil {
			return nil, 0, err
		}
		switch {
		case out:
			leftOut++
		case !seen[p]:
			seen[p] = true
			phones = append(phones, p)
		}
	}
	return phones, leftOut, rows.Err()
}

func cleanTag(tag string) (string, error) {
	t := data.NormalizeTags([]string{tag})
	if len(t) != 1 {
		return "", data.Invalid("tags", data.CodeInvalid)
	}
	return t[0], nil
}

func ensureTag(ctx context.Context, tx *sql.Tx, tag string) (int64, error) {
	if _, err := tx.ExecContext(ctx, `INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING`, tag); err != nil {
		return 0, err
	}
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM tags WHERE name = ?`, tag).Scan(&id)
	return id, err
}
