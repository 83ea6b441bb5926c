package onboarding

import (
	"context"

	"shopcrm/data"
	"shopcrm/gui/ui"
)

// Store is what the welcome and the sample shop ask of the archive.
type Store interface {
	ui.PrefStore // whether the welcome was answered
	FindCustomers(ctx context.Context, f data.CustomerFilter) ([]*data.Customer, int, error)
	GenerateDemo(ctx context.Context, o data.DemoOptions) error
	DemoCount(ctx context.Context) (int, error)
	RemoveDemo(ctx context.Context) (int, error)
}
