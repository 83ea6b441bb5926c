package groups

import (
	"context"
	"time"

	"shopcrm/data"
	"shopcrm/importer"
)

// Store is what the 分组 screen asks of the archive.
type Store interface {
	importer.Store // a group's export

	Tiers(ctx context.Context) ([]*data.Tier, error)
	Regroup(ctx context.Context, asOf time.Time) (*data.Grouping, error)
	MonthlyStats(ctx context.Context, asOf time.Time, n int) ([]data.MonthStat, error)
	TierCounts(ctx context.Context, tiers []*data.Tier) ([]data.GroupCount, error)
	SaveTiers(ctx context.Context, tiers []*data.Tier) error
	SetDormantDays(ctx context.Context, days int) error
	GroupPhones(ctx context.Context, f data.CustomerFilter) (phones []string, leftOut int, err error)
	TagFiltered(ctx context.Context, f data.CustomerFilter, tag string) (int, error)
	DeleteTag(ctx context.Context, tag string) error
	// GroupRuleKinds are the reminder kinds sent to a saved group (its delete says so).
	GroupRuleKinds(ctx context.Context, id int64) ([]data.ReminderKind, error)
	// The saved groups (saved.go): listed, counted, renamed and deleted here.
	data.SavedGroupStore
	CountFiltered(ctx context.Context, f data.CustomerFilter) (count int, totalFen int64, err error)
}
