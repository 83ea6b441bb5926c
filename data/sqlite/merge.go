package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"shopcrm/data"
)

// A merge by hand moves every row that points at the gone customer (trades,
// contacts, reminders, tags, and whatever a later table adds: the tables are read
// from the schema's foreign keys) to the kept one, fills the kept customer's gaps, and
// removes the gone one. What undoing it needs is kept with it, as the rows were: both
// customer rows (every column, read from the schema too), the gone customer's rows in
// each of those tables, and both customers' tags.

// mergeBefore is what a merge changed, as it was.
type mergeBefore struct {
	Kept, Gone   json.RawMessage            // the customers' rows, every column
	KeptTags     []string                   // tags are rows of a WITHOUT ROWID table
	GoneTags     []string                   // idem
	Rows         map[string]json.RawMessage // table → the gone customer's rows
	Alias        bool                       // the merge added an alias for the gone nick
	GoneName     string
	GonePlatform data.Platform
	GoneNick     string
}

// MergeCustomers merges customer gone into kept in one transaction, after a backup.
func (s *Store) MergeCustomers(ctx context.Context, keptID, goneID int64) (*data.CustomerMerge, error) {
	if keptID == goneID {
		return nil, data.ErrMergeSelf
	}
	var m *data.CustomerMerge
	err := s.BackupBefore(ctx, data.BackupMerge, func() error {
		return s.inTx(ctx, func(tx *sql.Tx) (err error) {
			m, err = s.mergeTx(ctx, tx, keptID, goneID)
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("merge customer %d into %d: %w", goneID, keptID, err)
	}
	s.indexSoon()
	return m, nil
}

func (s *Store) mergeTx(ctx context.Context, tx *sql.Tx, keptID, goneID int64) (*data.CustomerMerge, error) {
	now := s.now()
	kept, err := scanCustomer(tx.QueryRowContext(ctx, customerByIDSQL, keptID))
	if err != nil {
		return nil, mapError(err)
	}
	gone, err := scanCustomer(tx.QueryRowContext(ctx, customerByIDSQL, goneID))
	if err != nil {
		return nil, mapError(err)
	}
	b := mergeBefore{KeptTags: kept.Tags, GoneTags: gone.Tags, Rows: map[string]json.RawMessage{},
		GoneName: gone.DisplayName(), GonePlatform: gone.Platform, GoneNick: gone.Nick}
	if b.Kept, err = snapshotRows(ctx, tx, "customers", "id", keptID); err != nil {
		return nil, err
	}
	if b.Gone, err = snapshotRows(ctx, tx, "customers", "id", goneID); err != nil {
		return nil, err
	}
	refs, err := customerRefs(ctx, tx)
	if err != nil {
		return nil, err
	}
	for _, r := range refs {
		if b.Rows[r.table], err = snapshotRows(ctx, tx, r.table, r.column, goneID); err != nil {
			return nil, err
		}
		// Rows the kept customer has already (a tag, a reminder's state for the same
		// occasion) stay theirs; the gone customer's copy goes with them.
		if _, err := tx.ExecContext(ctx, `UPDATE OR IGNORE "`+r.table+`" SET "`+r.column+`" = ? WHERE "`+r.column+`" = ?`, keptID, goneID); err != nil {
			return nil, err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM "`+r.table+`" WHERE "`+r.column+`" = ?`, goneID); err != nil {
			return nil, err
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM customers WHERE id = ?`, goneID); err != nil {
		return nil, err
	}
	merged := data.MergeInto(kept, gone)
	if merged.Nick == gone.Nick && merged.Platform != gone.Platform && gone.Nick != "" {
		merged.Nick = kept.Nick // a nick is unique per platform: keep the gone one as an alias
	}
	if err := updateCustomer(ctx, tx, merged, now); err != nil {
		return nil, err
	}
	if gone.Nick != "" && (gone.Nick != merged.Nick || gone.Platform != merged.Platform) {
		// Later imports that name the gone customer's nick find the kept one.
		res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO customer_aliases (platform, nick, customer_id) VALUES (?, ?, ?)`,
			gone.Platform, gone.Nick, keptID)
		if err != nil {
			return nil, err
		}
		n, _ := res.RowsAffected()
		b.Alias = n > 0
	}
	if err := refreshStats(ctx, tx, keptID); err != nil {
		return nil, err
	}
	before, err := json.Marshal(b)
	if err != nil {
		return nil, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO customer_merges (kept_id, gone_id, merged_at, before) VALUES (?, ?, ?, ?)`,
		keptID, goneID, formatTime(now), string(before))
	if err != nil {
		return nil, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return nil, err
	}
	if err := audit(ctx, tx, now, data.AuditCustomerMerge, 1, fmt.Sprintf("merge=%d kept=%d gone=%d", id, keptID, goneID)); err != nil {
		return nil, err
	}
	return &data.CustomerMerge{ID: id, KeptID: keptID, GoneID: goneID, GoneName: b.GoneName, MergedAt: now}, nil
}

// UndoMerge puts both customers of a merge back as they were, after a backup.
func (s *Store) UndoMerge(ctx context.Context, mergeID int64) error {
	err := s.BackupBefore(ctx, data.BackupMerge, func() error {
		return s.inTx(ctx, func(tx *sql.Tx) error { return s.undoMergeTx(ctx, tx, mergeID) })
	})
	if err != nil {
		return fmt.Errorf("undo merge %d: %w", mergeID, err)
	}
	s.indexSoon()
	return nil
}

func (s *Store) undoMergeTx(ctx context.Context, tx *sql.Tx, mergeID int64) error {
	var keptID, goneID int64
	var raw string
	var undone sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT kept_id, gone_id, before, undone_at FROM customer_merges WHERE id = ?`, mergeID).
		Scan(&keptID, &goneID, &raw, &undone)
	if err != nil {
		return mapError(err)
	}
	if undone.Valid {
		return nil // undone already
	}
	var b mergeBefore
	if err := json.Unmarshal([]byte(raw), &b); err != nil {
		return err
	}
	if b.Alias {
		if _, err := tx.ExecContext(ctx, `DELETE FROM customer_aliases WHERE platform = ? AND nick = ? AND customer_id = ?`,
			b.GonePlatform, b.GoneNick, keptID); err != nil {
			return err
		}
	}
	if err := restoreRows(ctx, tx, "customers", b.Kept); err != nil {
		return err
	}
	if err := restoreRows(ctx, tx, "customers", b.Gone); err != nil {
		return err
	}
	refs, err := customerRefs(ctx, tx)
	if err != nil {
		return err
	}
	for _, r := range refs {
		if rows, ok := b.Rows[r.table]; ok {
			if err := restoreRows(ctx, tx, r.table, rows); err != nil {
				return err
			}
		}
	}
	if err := setTags(ctx, tx, keptID, b.KeptTags); err != nil {
		return err
	}
	if err := setTags(ctx, tx, goneID, b.GoneTags); err != nil {
		return err
	}
	// What came to the kept customer after the merge changes their stats again.
	if err := refreshStats(ctx, tx, keptID, goneID); err != nil {
		return err
	}
	now := s.now()
	if _, err := tx.ExecContext(ctx, `UPDATE customer_merges SET undone_at = ? WHERE id = ?`, formatTime(now), mergeID); err != nil {
		return err
	}
	return audit(ctx, tx, now, data.AuditCustomerUnmerge, 1, fmt.Sprintf("merge=%d", mergeID))
}

// FindMerges lists the merges into a customer still in place, newest first.
func (s *Store) FindMerges(ctx context.Context, keptID int64) ([]*data.CustomerMerge, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, kept_id, gone_id, merged_at, json_extract(before, '$.GoneName')
		FROM customer_merges WHERE kept_id = ? AND undone_at IS NULL ORDER BY id DESC`, keptID)
	if err != nil {
		return nil, fmt.Errorf("find merges: %w", err)
	}
	defer rows.Close()
	var out []*data.CustomerMerge
	for rows.Next() {
		var m data.CustomerMerge
		var at string
		var name sql.NullString
		if err := rows.Scan(&m.ID, &m.KeptID, &m.GoneID, &at, &name); err != nil {
			return nil, err
		}
		m.MergedAt, m.GoneName = parseTime(at), name.String
		out = append(out, &m)
	}
	return out, rows.Err()
}

// customerRef is a table column that points at customers.
type customerRef struct{ table, column string }

// customerRefs lists, from the schema, the rowid tables with a foreign key to
// customers (customer_tags, without rowid, is handled as the customers' tags).
func customerRefs(ctx context.Context, tx *sql.Tx) ([]customerRef, error) {
	rows, err := tx.QueryContext(ctx, `SELECT m.name, f."from" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
		WHERE m.type = 'table' AND f."table" = 'customers' AND m.name <> 'customer_tags'
		  AND m.sql NOT LIKE '%WITHOUT ROWID%' ORDER BY m.name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []customerRef
	for rows.Next() {
		var r customerRef
		if err := rows.Scan(&r.table, &r.column); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// tableColumns lists a table's columns.
func tableColumns(ctx context.Context, tx *sql.Tx, table string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name FROM pragma_table_info(?) ORDER BY cid`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		cols = append(cols, c)
	}
	return cols, rows.Err()
}

// snapshotRows is a table's rows whose column col is id, every column and the rowid,
// as a JSON array of objects.
func snapshotRows(ctx context.Context, tx *sql.Tx, table, col string, id int64) (json.RawMessage, error) {
	cols, err := tableColumns(ctx, tx, table)
	if err != nil {
		return nil, err
	}
	parts := []string{`'rowid', rowid`}
	for _, c := range cols {
		parts = append(parts, `'`+c+`', "`+c+`"`)
	}
	var out string
	err = tx.QueryRowContext(ctx, `SELECT coalesce(json_group_array(json_object(`+strings.Join(parts, ", ")+`)), '[]')
		FROM "`+table+`" WHERE "`+col+`" = ?`, id).Scan(&out)
	return json.RawMessage(out), err
}

// restoreRows puts the rows of a snapshot back as they were: a row that is still
// there (moved to the kept customer) is rewritten, a removed one inserted again.
func restoreRows(ctx context.Context, tx *sql.Tx, table string, snap json.RawMessage) error {
	cols, err := tableColumns(ctx, tx, table)
	if err != nil {
		return err
	}
	var quoted, values []string
	for _, c := range cols {
		quoted = append(quoted, `"`+c+`"`)
		values = append(values, `json_extract(j.value, '$."`+c+`"')`)
	}
	_, err = tx.ExecContext(ctx, `UPDATE "`+table+`" SET (`+strings.Join(quoted, ", ")+`) =
		(SELECT `+strings.Join(values, ", ")+` FROM json_each(?1) j WHERE json_extract(j.value, '$.rowid') = "`+table+`".rowid)
		WHERE rowid IN (SELECT json_extract(value, '$.rowid') FROM json_each(?1))`, string(snap))
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO "`+table+`" (rowid, `+strings.Join(quoted, ", ")+`)
		SELECT json_extract(j.value, '$.rowid'), `+strings.Join(values, ", ")+` FROM json_each(?1) j
		WHERE json_extract(j.value, '$.rowid') NOT IN (SELECT rowid FROM "`+table+`")`, string(snap))
	return err
}
