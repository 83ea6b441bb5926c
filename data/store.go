package data

import (
	"context"
	"io"
	"time"
)

// The interfaces below are what a store of the archive offers, one per noun; package
// data/sqlite's Store has them all (Store), and a second engine would offer the same.
// A screen or command asks for the few methods it uses, declared where it uses them.

// CustomerStore keeps customers.
type CustomerStore interface {
	CreateCustomer(ctx context.Context, c *Customer) error
	UpdateCustomer(ctx context.Context, c *Customer) error
	DeleteCustomer(ctx context.Context, id int64) error
	FindCustomerByID(ctx context.Context, id int64) (*Customer, error)
	FindCustomerByNick(ctx context.Context, platform Platform, nick string) (*Customer, error)
	// FindCustomers returns one page of the filtered list and the count of all matches.
	FindCustomers(ctx context.Context, f CustomerFilter) ([]*Customer, int, error)
	EachCustomer(ctx context.Context, f CustomerFilter, fn func(*Customer) error) error
	// CountFiltered is how many customers match the filter and their total value.
	CountFiltered(ctx context.Context, f CustomerFilter) (count int, totalFen int64, err error)
	// Blacklist puts a customer on the blacklist with a required reason; Unblacklist
	// takes them off and reports whether they were on it.
	Blacklist(ctx context.Context, customerID int64, reason string) error
	// BlacklistCustomers lists several customers with one reason in one transaction.
	BlacklistCustomers(ctx context.Context, ids []int64, reason string) (int, error)
	Unblacklist(ctx context.Context, customerID int64) (bool, error)
}

// SavedGroupStore keeps saved groups: customer filters under a name.
type SavedGroupStore interface {
	SavedGroups(ctx context.Context) ([]*SavedGroup, error)
	SavedGroup(ctx context.Context, id int64) (*SavedGroup, error)
	SaveGroup(ctx context.Context, g *SavedGroup) error
	DeleteSavedGroup(ctx context.Context, id int64) error
}

// CareStore keeps the frequency cap on care messages.
type CareStore interface {
	CareCap(ctx context.Context) (CareCap, error)
	SetCareCap(ctx context.Context, c CareCap) error
}

// OutreachStore keeps outreach queues (逐个发送) and writes message sheets (短信表).
type OutreachStore interface {
	// StartOutreach snapshots the spec's buyers, most valuable first, less those
	// blacklisted, opted out or held back by the cap (counted in the run's LeftOut).
	StartOutreach(ctx context.Context, spec OutreachSpec) (*OutreachRun, error)
	OutreachRun(ctx context.Context, id int64) (*OutreachRun, error)
	// OpenOutreachRuns are the runs not finished, newest first: offered for resuming.
	OpenOutreachRuns(ctx context.Context) ([]*OutreachRun, error)
	// NextOutreach is the run's first pending buyer, nil when none is left.
	NextOutreach(ctx context.Context, runID int64) (*OutreachItem, error)
	OutreachMessage(ctx context.Context, run *OutreachRun, it *OutreachItem, words GapWords) (string, error)
	// SendOutreach logs the message sent to a pending buyer and marks them sent, in
	// one transaction; SkipOutreach moves on without a contact.
	SendOutreach(ctx context.Context, run *OutreachRun, it *OutreachItem, message string) (*Contact, error)
	SkipOutreach(ctx context.Context, it *OutreachItem) error
	// ReopenOutreach undoes 已发送 or 跳过 of a buyer: pending again, the contact the
	// send logged removed (it no longer counts against the cap), the run open again.
	ReopenOutreach(ctx context.Context, it *OutreachItem) error
	// FinishOutreach closes a run: it is no longer offered for resuming.
	FinishOutreach(ctx context.Context, runID int64) error
	// MessageRows calls fn with each buyer's phone, name and filled message, most
	// valuable first, or why they are left out (a sheet needs a full phone), and
	// counts those left out; CountOutreach is how many buyers fn will be called with.
	MessageRows(ctx context.Context, spec OutreachSpec, words GapWords, fn func(MessageRow) error) (LeftOut, error)
	CountOutreach(ctx context.Context, spec OutreachSpec) (int, error)
}

// TradeStore keeps trades; a customer's stats follow their trades.
type TradeStore interface {
	CreateTrade(ctx context.Context, t *Trade) error
	UpdateTrade(ctx context.Context, t *Trade) error
	DeleteTrade(ctx context.Context, id int64) error
	FindTradeByID(ctx context.Context, id int64) (*Trade, error)
	FindTrades(ctx context.Context, customerID int64) ([]*Trade, error)
	EachTrade(ctx context.Context, f CustomerFilter, fn func(t *Trade, owner *Customer) error) error
}

// TagStore keeps manual tags.
type TagStore interface {
	TagNames(ctx context.Context) ([]string, error)
	TagCustomers(ctx context.Context, ids []int64, tag string) (int, error)
	UntagCustomers(ctx context.Context, ids []int64, tag string) (int, error)
	TagFiltered(ctx context.Context, f CustomerFilter, tag string) (int, error)
	DeleteTag(ctx context.Context, tag string) error
	// GroupPhones are the full phones of a group's buyers, less those who opted out or
	// are on the blacklist (counted in leftOut).
	GroupPhones(ctx context.Context, f CustomerFilter) (phones []string, leftOut int, err error)
}

// GroupStore grades customers: tiers, RFM segments, dormant buyers, charts.
type GroupStore interface {
	Tiers(ctx context.Context) ([]*Tier, error)
	SaveTiers(ctx context.Context, tiers []*Tier) error
	TierCounts(ctx context.Context, tiers []*Tier) ([]GroupCount, error)
	Regroup(ctx context.Context, asOf time.Time) (*Grouping, error)
	EachGroupRow(ctx context.Context, asOf time.Time, fn func(*GroupRow) error) (*RFMParams, error)
	TodayParams(ctx context.Context) (*RFMParams, error)
	RatingsReady(ctx context.Context) bool
	Ratings(ctx context.Context, ids []int64) (map[int64]Rating, error)
	RateCustomers(ctx context.Context, cs []*Customer) error
	MonthlyStats(ctx context.Context, asOf time.Time, n int) ([]MonthStat, error)
	DormantDays(ctx context.Context) (int, error)
	SetDormantDays(ctx context.Context, days int) error
}

// ReminderStore derives reminders and keeps follow-ups, rules and templates.
type ReminderStore interface {
	Today() time.Time
	Reminders(ctx context.Context, f ReminderFilter) ([]*Reminder, error)
	Agenda(ctx context.Context, today time.Time, ahead int) (*Agenda, error)
	CreateFollowUp(ctx context.Context, f *FollowUp) error
	CompleteReminder(ctx context.Context, r *Reminder, c *Contact) error
	SnoozeReminder(ctx context.Context, r *Reminder, until time.Time) error
	DismissReminder(ctx context.Context, r *Reminder) error
	// ReopenReminder undoes 完成 / 稍后提醒 / 忽略 of r (and removes the contact record
	// contactID a completion wrote, 0 for none).
	ReopenReminder(ctx context.Context, r *Reminder, contactID int64) error
	ReminderRules(ctx context.Context) (map[ReminderKind]*ReminderRule, error)
	SaveReminderRule(ctx context.Context, r *ReminderRule) error
	Template(ctx context.Context, kind ReminderKind, lang string) (body string, custom bool, err error)
	SaveTemplate(ctx context.Context, kind ReminderKind, lang, body string) error
	ReminderMessageFields(ctx context.Context, r *Reminder) (MessageFields, error)
}

// ContactStore keeps the contact log.
type ContactStore interface {
	AddContact(ctx context.Context, c *Contact) error
	FindContacts(ctx context.Context, customerID int64) ([]*Contact, error)
}

// ImportStore applies import rows in one transaction and keeps the batches to undo.
type ImportStore interface {
	Import(ctx context.Context, opt ImportOptions, issues []RowIssue, next func() (*ImportRow, error)) (*ImportResult, error)
	FindImportBatches(ctx context.Context) ([]*ImportBatch, error)
	RevertImport(ctx context.Context, batchID int64) error
	// ExtraKeys are the names of the extra fields customers and trades carry.
	ExtraKeys(ctx context.Context) (customers, trades []string, err error)
}

// SettingStore keeps settings, the audit log and the app lock password.
type SettingStore interface {
	Setting(ctx context.Context, key, def string) (string, error)
	SetSetting(ctx context.Context, key, value string) error
	Audit(ctx context.Context, action AuditAction, count int, detail string) error
	FindAuditLog(ctx context.Context, limit int) ([]*AuditEntry, error)
	HasLockPassword(ctx context.Context) (bool, error)
	SetLockPassword(ctx context.Context, password string) error
	CheckLockPassword(ctx context.Context, password string) error
}

// PrivacyStore answers a buyer's requests: everything held about them, or erasure.
type PrivacyStore interface {
	ExportCustomerData(ctx context.Context, id int64, w io.Writer) error
	EraseCustomer(ctx context.Context, id int64) (*EraseResult, error)
}

// DemoStore fills and empties the sample shop.
type DemoStore interface {
	GenerateDemo(ctx context.Context, o DemoOptions) error
	DemoCount(ctx context.Context) (int, error)
	RemoveDemo(ctx context.Context) (int, error)
}

// Store is everything an archive offers, less what is particular to one engine
// (backups and restore of the SQLite file, its path).
type Store interface {
	CustomerStore
	SavedGroupStore
	CareStore
	OutreachStore
	TradeStore
	TagStore
	GroupStore
	ReminderStore
	ContactStore
	ImportStore
	SettingStore
	PrivacyStore
	DemoStore
	MergeStore
	OrderStore
}
