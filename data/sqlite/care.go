package sqlite

import (
	"context"
	"time"

	"shopcrm/data"
)

// CareCap is the archive's frequency cap (data.SettingCareCap); the default until
// the seller changes it.
func (s *Store) CareCap(ctx context.Context) (data.CareCap, error) {
	v, err := s.Setting(ctx, data.SettingCareCap, "")
	if err != nil {
		return data.CareCap{}, err
	}
	return data.ParseCareCap(v)
}

// SetCareCap stores the frequency cap.
func (s *Store) SetCareCap(ctx context.Context, c data.CareCap) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return s.SetSetting(ctx, data.SettingCareCap, c.String())
}

// cappedCond is the condition, on the customer row c, that holds for a buyer the cap
// holds back on day today (a calendar date): they had cap.Messages care messages
// since the cap's window began. It is "" when the cap is off. The buyers at the cap
// are found once per query from the care messages of the window (few, through the
// partial index contacts_care), not by a count per customer row.
func cappedCond(cap data.CareCap, today time.Time) (string, []any) {
	if cap.Off() {
		return "", nil
	}
	return `c.id IN (SELECT k.customer_id FROM contacts k WHERE k.care <> '' AND k.contacted_at >= ?
		GROUP BY k.customer_id HAVING count(*) >= ?)`,
		[]any{localStart(cap.WindowStart(today)), cap.Messages}
}
