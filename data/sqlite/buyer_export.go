package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"

	"shopcrm/data"
)

// ExportCustomerData writes everything stored about one buyer as indented JSON: the
// customer row, their tags, trades, contact records and reminders, so a seller can
// answer a buyer's request to see their data. The export is recorded in the audit log
// (counts only).
func (s *Store) ExportCustomerData(ctx context.Context, id int64, w io.Writer) error {
	out := map[string]any{}
	var err error
	if out["customer"], err = s.rowMaps(ctx, `SELECT * FROM customers WHERE id = ?`, id); err != nil {
		return err
	}
	if len(out["customer"].([]map[string]any)) == 0 {
		return fmt.Errorf("export customer %d: %w", id, data.ErrNotFound)
	}
	out["customer"] = out["customer"].([]map[string]any)[0]
	n := 0
	for key, q := range map[string]string{
		"tags":       `SELECT t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = ?`,
		"trades":     `SELECT * FROM trades WHERE customer_id = ? ORDER BY traded_at`,
		"contacts":   `SELECT * FROM contacts WHERE customer_id = ? ORDER BY contacted_at`,
		"follow_ups": `SELECT * FROM follow_ups WHERE customer_id = ? ORDER BY due_date`,
	} {
		rows, err := s.rowMaps(ctx, q, id)
		if err != nil {
			return err
		}
		out[key] = rows
		n += len(rows)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("export customer %d: %w", id, data.Classify(err))
	}
	return s.Audit(ctx, data.AuditCustomerExport, 1, fmt.Sprintf("rows=%d", n))
}

// rowMaps runs a query and returns each row as column name → value (text as string).
func (s *Store) rowMaps(ctx context.Context, query string, args ...any) ([]map[string]any, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("export customer: %w", err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	out := []map[string]any{}
	for rows.Next() {
		vals, err := scanValues(rows, len(cols))
		if err != nil {
			return nil, err
		}
		m := make(map[string]any, len(cols))
		for i, c := range cols {
			if b, ok := vals[i].([]byte); ok {
				vals[i] = string(b)
			}
			m[c] = vals[i]
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// scanValues scans the current row of a query whose columns are not known in advance.
func scanValues(rows *sql.Rows, n int) ([]any, error) {
	vals := make([]any, n)
	ptrs := make([]any, n)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	return vals, rows.Scan(ptrs...)
}
