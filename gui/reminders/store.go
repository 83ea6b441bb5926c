package reminders

import (
	"context"
	"time"

	"shopcrm/data"
)

// Store is what the 提醒 screen asks of the archive.
type Store interface {
	// Today is the store's calendar day (its clock is replaceable in tests).
	Today() time.Time
	Agenda(ctx context.Context, today time.Time, ahead int) (*data.Agenda, error)
	Template(ctx context.Context, kind data.ReminderKind, lang string) (body string, custom bool, err error)
	ReminderMessageFields(ctx context.Context, r *data.Reminder) (data.MessageFields, error)
	CompleteReminder(ctx context.Context, r *data.Reminder, c *data.Contact) error
	SnoozeReminder(ctx context.Context, r *data.Reminder, until time.Time) error
	DismissReminder(ctx context.Context, r *data.Reminder) error
	ReopenReminder(ctx context.Context, r *data.Reminder, contactID int64) error
}
