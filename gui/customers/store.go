package customers

import (
	"context"
	"time"

	"shopcrm/data"
	"shopcrm/importer"
)

// Store is what the 客户 screen asks of the archive: customers and their trades, the
// contact log and a customer's reminders, tags, ratings, a buyer's data rights, the
// list's export, and the filter panel's saved groups.
type Store interface {
	data.CustomerStore
	data.TradeStore
	data.ContactStore
	data.PrivacyStore
	data.MergeStore
	importer.Store // the list's export

	// Today is the store's calendar day (its clock is replaceable in tests).
	Today() time.Time
	Reminders(ctx context.Context, f data.ReminderFilter) ([]*data.Reminder, error)
	CreateFollowUp(ctx context.Context, f *data.FollowUp) error
	TagCustomers(ctx context.Context, ids []int64, tag string) (int, error)
	UntagCustomers(ctx context.Context, ids []int64, tag string) (int, error)
	RatingsReady(ctx context.Context) bool
	Ratings(ctx context.Context, ids []int64) (map[int64]data.Rating, error)
	RateCustomers(ctx context.Context, cs []*data.Customer) error
	// Tiers are the seller's tiers, lowest first: the detail's 升级差额 (upgrade gap).
	Tiers(ctx context.Context) ([]*data.Tier, error)
	// Linking orders by number (关联订单 on the detail, orders.go).
	data.OrderFinder
	LinkOrder(ctx context.Context, tradeID, customerID int64) error
	UnlinkOrder(ctx context.Context, tradeID int64) error
	// The filter panel (filter_panel.go): the seller's tiers (above) and tags to
	// choose from, and saving its conditions as a group.
	TagNames(ctx context.Context) ([]string, error)
	SaveGroup(ctx context.Context, g *data.SavedGroup) error
}
