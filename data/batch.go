package data

import (
	"errors"
	"time"
)

// ErrNotLatestBatch means a batch cannot be reverted while a later import is still in
// place: imports are undone newest first.
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
}
