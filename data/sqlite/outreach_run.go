package sqlite

import (
	"context"
	"fmt"

	"shopcrm/data"
)

// outreachRunCols are read by scanOutreachRun.
const outreachRunCols = `r.id, r.label, r.holiday, r.filter, r.kind, r.body, r.holiday_name, r.goods_fallback,
	r.left_blacklisted + r.held_blacklisted, r.left_opted_out + r.held_opted_out, r.left_capped + r.held_capped,
	r.pending, r.sent, r.skipped, r.created_at, coalesce(r.finished_at, '')`

func scanOutreachRun(row interface{ Scan(...any) error }) (*data.OutreachRun, error) {
	r := &data.OutreachRun{}
	var filter, created, finished string
	err := row.Scan(&r.ID, &r.Label, &r.Holiday, &filter, &r.Kind, &r.Body, &r.HolidayName, &r.GoodsFallback,
		&r.LeftOut.Blacklisted, &r.LeftOut.OptedOut, &r.LeftOut.Capped, &r.Pending, &r.Sent, &r.Skipped, &created, &finished)
	if err != nil {
		return nil, err
	}
	r.CreatedAt = parseTime(created)
	if finished != "" {
		r.FinishedAt = parseTime(finished)
	}
	if filter != "" {
		if r.Filter, err = data.DecodeFilter(filter); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// OutreachRun reads a run and its counts; data.ErrNotFound when there is none.
func (s *Store) OutreachRun(ctx context.Context, id int64) (*data.OutreachRun, error) {
	r, err := scanOutreachRun(s.db.QueryRowContext(ctx, `SELECT `+outreachRunCols+` FROM outreach_runs r WHERE r.id = ?`, id))
	if err != nil {
		return nil, fmt.Errorf("read outreach run %d: %w", id, mapError(err))
	}
	return r, nil
}

// OpenOutreachRuns lists the runs not finished, newest first.
func (s *Store) OpenOutreachRuns(ctx context.Context) ([]*data.OutreachRun, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+outreachRunCols+` FROM outreach_runs r WHERE r.finished_at IS NULL
		ORDER BY r.created_at DESC, r.id DESC`)
	if err != nil {
		return nil, fmt.Errorf("read outreach runs: %w", err)
	}
	var out []*data.OutreachRun
	err = scanRows(rows, func() error {
		r, err := scanOutreachRun(rows)
		out = append(out, r)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read outreach runs: %w", err)
	}
	return out, nil
}

// FinishOutreach closes a run (its pending buyers stay pending, never sent).
func (s *Store) FinishOutreach(ctx context.Context, runID int64) error {
	_, err := s.db.ExecContext(ctx, `UPDATE outreach_runs SET finished_at = ? WHERE id = ? AND finished_at IS NULL`,
		formatTime(s.now()), runID)
	if err != nil {
		return fmt.Errorf("finish outreach run %d: %w", runID, err)
	}
	return nil
}
