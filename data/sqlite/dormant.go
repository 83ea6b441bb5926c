package sqlite

import (
	"context"
	"strconv"

	"shopcrm/data"
)

// DormantDays is the stored dormant threshold in days (DefaultDormantDays when unset
// or unreadable as a positive number).
func (s *Store) DormantDays(ctx context.Context) (int, error) {
	v, err := s.Setting(ctx, data.SettingDormantDays, "")
	if err != nil {
		return data.DefaultDormantDays, err
	}
	n, convErr := strconv.Atoi(v)
	if convErr != nil || n <= 0 {
		return data.DefaultDormantDays, nil
	}
	return n, nil
}

// SetDormantDays stores the dormant threshold (1 … 3650 days).
func (s *Store) SetDormantDays(ctx context.Context, days int) error {
	if days < 1 || days > 3650 {
		return data.Invalid("dormant_days", data.CodeInvalid)
	}
	return s.SetSetting(ctx, data.SettingDormantDays, strconv.Itoa(days))
}
