package sqlite

import (
	"context"
	"database/sql"
	"log"

	"shopcrm/data"
)

// After an import commits, the work that only speed depends on runs in the
// background, so the seller sees the imported customers as soon as they are stored:
// the indexes an import into an empty store left for later (import_indexes.go), the
// search index of the new customers (search_pending.go), then a checkpoint of the
// write-ahead log. Each step is a transaction of its own, so a write made meanwhile
// waits for one step at most; Close stops the job at its next step and the next Open
// takes it up again.

// indexSoon starts the background work after an import.
func (s *Store) indexSoon() {
	s.background.Add(1)
	go func() {
		defer s.background.Done()
		ctx := context.Background()
		if err := s.backgroundSteps(ctx); err != nil {
			// Reads stay correct meanwhile, only slower; the next Open retries.
			log.Printf("background indexing: %v", data.Classify(err))
		}
		s.checkpoint(ctx)
	}()
}

// backgroundSteps creates the indexes left for later, one per transaction, then
// indexes the pending customers for search, until done or the store closes.
func (s *Store) backgroundSteps(ctx context.Context) error {
	for !s.closing.Load() {
		var more bool
		err := s.inTxWith(ctx, indexPragmas, func(tx *sql.Tx) (err error) {
			more, err = createLaterIndex(ctx, tx)
			return err
		})
		if err != nil {
			return err
		}
		if !more {
			break
		}
	}
	for !s.closing.Load() {
		more, err := s.indexChunk(ctx)
		if !more || err != nil {
			return err
		}
	}
	return nil
}

// WaitBackground waits until the work writes left to the background is done: the
// indexes and search index after an import, and the checkpoint. Close stops that
// work at its next step instead (the next Open takes it up again).
func (s *Store) WaitBackground() { s.background.Wait() }

// resumeIndexing starts the background job when an earlier one left work: an index
// left for later or customers not indexed for search.
func (s *Store) resumeIndexing(ctx context.Context) error {
	var waiting bool
	err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM settings WHERE key GLOB ? OR key = ?)`,
		laterIndexPrefix+"*", searchPendingKey).Scan(&waiting)
	if err == nil && waiting {
		s.indexSoon()
	}
	return err
}
