package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"shopcrm/data"
)

// SavedGroups lists the saved groups by name. Their members are not counted here:
// CountFiltered on each group's Filter counts them as of now.
func (s *Store) SavedGroups(ctx context.Context) ([]*data.SavedGroup, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+savedGroupCols+` FROM saved_groups ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("read saved groups: %w", err)
	}
	var out []*data.SavedGroup
	err = scanRows(rows, func() error {
		g, err := scanSavedGroup(rows)
		out = append(out, g)
		return err
	})
	return out, err
}

// SavedGroup reads one saved group; data.ErrNotFound when there is none with id.
func (s *Store) SavedGroup(ctx context.Context, id int64) (*data.SavedGroup, error) {
	g, err := scanSavedGroup(s.db.QueryRowContext(ctx, `SELECT `+savedGroupCols+` FROM saved_groups WHERE id = ?`, id))
	if err != nil {
		return nil, fmt.Errorf("read saved group: %w", mapError(err))
	}
	return g, nil
}

// SaveGroup stores g: a new group when g.ID is 0 (its ID is set), else the group with
// that ID renamed or given a new filter. A name another group has is data.ErrConflict.
func (s *Store) SaveGroup(ctx context.Context, g *data.SavedGroup) error {
	if err := g.Validate(); err != nil {
		return err
	}
	filter, err := data.EncodeFilter(g.Filter)
	if err != nil {
		return err
	}
	now := s.now()
	if g.ID == 0 {
		res, err := s.db.ExecContext(ctx, `INSERT INTO saved_groups (name, filter, created_at, updated_at) VALUES (?, ?, ?, ?)`,
			g.Name, filter, formatTime(now), formatTime(now))
		if err != nil {
			return fmt.Errorf("save group: %w", mapError(err))
		}
		g.CreatedAt, g.UpdatedAt = now, now
		g.ID, err = res.LastInsertId()
		return err
	}
	res, err := s.db.ExecContext(ctx, `UPDATE saved_groups SET name = ?, filter = ?, updated_at = ? WHERE id = ?`,
		g.Name, filter, formatTime(now), g.ID)
	if err != nil {
		return fmt.Errorf("save group: %w", mapError(err))
	}
	g.UpdatedAt = now
	return mustAffect(res)
}

// DeleteSavedGroup forgets a saved group (its customers are not touched) and, in the
// same transaction, takes it out of the reminder rules limited to it (dropGroupTarget:
// a rule it was the only target of is switched off). GroupRuleKinds says beforehand
// which rules those are.
func (s *Store) DeleteSavedGroup(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM saved_groups WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete saved group: %w", err)
		}
		if err := mustAffect(res); err != nil {
			return err
		}
		return dropGroupTarget(ctx, tx, id)
	})
}

const savedGroupCols = `id, name, filter, created_at, updated_at`

func scanSavedGroup(row interface{ Scan(...any) error }) (*data.SavedGroup, error) {
	g := &data.SavedGroup{}
	var filter, created, updated string
	if err := row.Scan(&g.ID, &g.Name, &filter, &created, &updated); err != nil {
		return nil, err
	}
	g.CreatedAt, g.UpdatedAt = parseTime(created), parseTime(updated)
	f, err := data.DecodeFilter(filter)
	if err != nil {
		return nil, fmt.Errorf("saved group %d: %w", g.ID, err)
	}
	g.Filter = f
	return g, nil
}
