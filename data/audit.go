package data

import (
	"time"
)

// AuditEntry is one line of the audit log: what was done, when, to how many rows.
// It never holds personal data.
type AuditEntry struct {
	At     time.Time
	Action string // import, import.revert, export, backup.restore, customer.erase, …
	Count  int
	Detail string // ids and counts only
}
