package data

import (
	"context"
	"strconv"
)

// SettingDormantDays is the one settings key for the dormant threshold (沉睡). Grouping
// flags a buyer with no counting trade for this many days (or well over their own
// repurchase interval, rfm.go); the win-back reminder also counts from the last
// contact, since logging a contact resets its clock. Both read it through DormantDays.
const SettingDormantDays = "dormant_days"

// DefaultDormantDays is the dormant threshold until the seller changes it.
const DefaultDormantDays = 180

// DormantDays is the stored dormant threshold in days (DefaultDormantDays when unset
// or unreadable as a positive number).
func (s *Store) DormantDays(ctx context.Context) (int, error) {
	v, err := s.Setting(ctx, SettingDormantDays, "")
	if err != nil {
		return DefaultDormantDays, err
	}
	n, convErr := strconv.Atoi(v)
	if convErr != nil || n <= 0 {
		return DefaultDormantDays, nil
	}
	return n, nil
}

// SetDormantDays stores the dormant threshold (1 … 3650 days).
func (s *Store) SetDormantDays(ctx context.Context, days int) error {
	if days < 1 || days > 3650 {
		return invalid("dormant_days", CodeInvalid)
	}
	return s.SetSetting(ctx, SettingDormantDays, strconv.Itoa(days))
}
