package data

import (
	"errors"
	"time"
)

// ErrNotLatestBatch means a batch cannot be reverted while a later import that builds
// on it is still in place (it changed or added to this batch's customers and trades,
// or found rows of it already there): that one is undone first.
var ErrNotLatestBatch = errors.New("a later import must be reverted first")

// ImportBatch is one recorded import.
type ImportBatch struct {
	ID               int64
	FileName         string
	Sheet            string
	Hash             string
	Layout           string
	ImportedAt       time.Time
	CreatedCustomers int
	UpdatedCustomers int
	Unchanged        int
	CreatedTrades    int
	Skipped          int
	Rejected         int
	RevertedAt       time.Time // zero while in place
	// Outcomes say what was skipped and rejected, by reason.
	Outcomes []Outcome
	// BlockedBy is the newest later import still in place that builds on this one
	// (see ErrNotLatestBatch), 0 when this one can be undone by itself.
	BlockedBy int64
}
