package sqlite

import (
	"context"
	"fmt"

	"shopcrm/data"
)

// outreachRunCols are read by scanOutreachRun.
const outreachRunCols = `r.id, r.label, r.holiday, r.filter, r.kind, r.body, r.holiday_name, r.goods_fallback,
	r.left_blacklisted, r.left_opted_out, r.left_capped, r.created_at, coalesce(r.finished_at, '')`

func scanOutreachRun(row interface{ Scan(...any) error }) (*data.OutreachRun, error) {
	r := &data.OutreachRun{}
	var filter, created, finished string
	err := row.Scan(&r.ID, &r.Label, &r.Holiday, &filter, &r.Kind, &r.Body, &r.HolidayName, &r.GoodsFallback,
		&r.LeftOut.Blacklisted, &r.LeftOut.OptedOut, &r.LeftOut.Capped, &created, &finished)
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

// countOutreach counts a run's buyers by state, in one pass over its rows, and adds
// those the queue itself held back after the start to the left-out counts.
func (s *Store) countOutreach(ctx context.Context, r *data.OutreachRun) error {
	var later data.LeftOut
	err := s.db.QueryRowContext(ctx, `SELECT
		count(*) FILTER (WHERE state = 'sent'),
		count(*) FILTER (WHERE state = 'skipped' AND reason = ''),
		count(*) FILTER (WHERE state = 'pending'),
		count(*) FILTER (WHERE reason = '`+data.LeftBlacklisted+`'),
		count(*) FILTER (WHERE reason = '`+data.LeftOptedOut+`'),
		count(*) FILTER (WHERE reason = '`+data.LeftCapped+`')
		FROM outreach_items WHERE run_id = ?`, r.ID).Scan(&r.Sent, &r.Skipped, &r.Pending,
		&later.Blacklisted, &later.OptedOut, &later.Capped)
	r.LeftOut.Blacklisted += later.Blacklisted
	r.LeftOut.OptedOut += later.OptedOut
	r.LeftOut.Capped += later.Capped
	return err
}

// OutreachRun reads a run and its counts; data.ErrNotFound when there is none.
func (s *Store) OutreachRun(ctx context.Context, id int64) (*data.OutreachRun, error) {
	r, err := scanOutreachRun(s.db.QueryRowContext(ctx, `SELECT `+outreachRunCols+` FROM outreach_runs r WHERE r.id = ?`, id))
	if err == nil {
		err = s.countOutreach(ctx, r)
	}
	if err != nil {
		return nil, fmt.Errorf("read outreach run %d: %w", id, mapError(err))
	}
	return r, nil
}

// OpenOutreachRuns lists the runs not finished, newest first, with their counts.
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
	for _, r := range out {
		if err == nil {
			err = s.countOutreach(ctx, r)
		}
	}
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
