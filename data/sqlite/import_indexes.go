package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// An import into an empty store writes the whole archive. Keeping a secondary index
// up to date row by row is a B-tree insert at a random place per row and, once the
// index outgrows the page cache, the same pages written to the WAL again and again;
// creating it once at the end is a sort. So such an import drops the indexes its own
// statements do not read and creates them again from their stored definitions before
// it commits (or leaves them to the background job: laterIndexes), and the same with
// the triggers that do nothing on its rows (deferredTriggers). The drop is part of the
// import's transaction: a failed, cancelled or dry-run import gets them back by rolling
// back, and no other connection ever sees the archive without them. A lookup that
// needs one of the indexes after all (a trade without an order number, a phone the
// batch's phone index cannot hold, a row with neither nick nor phone) has it created
// first.

// deferredIndexes are the indexes an import into an empty store creates at its end.
// Every index on customers and trades is here or in keptIndexes (a test checks), so
// a new index is a decision: an import statement that reads it calls needIndex.
var deferredIndexes = []string{
	// trades' first: the stats refresh reads trades_customer_stats
	"trades_customer_stats", "trades_refund_only", "trades_batch", "trades_time",
	"customers_platform_nick", "customers_phone", "customers_name",
	"customers_total", "customers_last_trade", "customers_first_trade",
	"customers_tier", "customers_groups", "customers_birthday",
}

// laterIndexes are the deferredIndexes such an import leaves to the background job
// after it commits (indexSoon), instead of creating them before it does: none is
// UNIQUE, none is read by the import's closing statements, and only the speed of
// reading depends on them (the list's sorts, the groups, reminders, a revert, the next
// import's lookups), which SQLite answers by scanning meanwhile. Creating them was a
// third of a 100k-row import's closing work. Each waits in settings under
// laterIndexPrefix + its name, with its definition, so a closed or killed app creates it on
// the next Open, and an import, or a migration, that comes first creates it before
// it starts.
var laterIndexes = []string{
	"trades_refund_only", "trades_batch", "trades_time",
	"customers_phone", "customers_name", "customers_total", "customers_last_trade",
	"customers_first_trade", "customers_tier", "customers_groups", "customers_birthday",
}

// laterIndexPrefix starts the settings key of an index waiting for the background job.
const laterIndexPrefix = "index.pending."

// deferredTriggers are the triggers an import into an empty store drops with the
// indexes. On its rows their conditions never hold: a new customer's search row waits
// for the background job (search.deferred, then search.pending), its tier is 0 until
// the stats refresh, which sets the tier itself. Yet each ran a trigger program for
// every customer written: taking them out made a 100k-row import about 7 % faster.
// A trigger not listed here stays; one that does something on an import's rows must not
// be listed.
var deferredTriggers = []string{"customers_search_ai", "customers_tier_ai", "customers_tier_au"}

// keptIndexes are kept up to date by the import itself: the bulk INSERT's ON CONFLICT
// clause needs trades_platform_order.
var keptIndexes = []string{"trades_platform_order"}

// droppedObject is an index or trigger an import has dropped, with what creates it
// again.
type droppedObject struct {
	kind, name, table, sql string
}

// dropDeferred drops deferredIndexes and deferredTriggers, remembering their
// definitions.
func (im *importer) dropDeferred() error {
	rows, err := im.tx.QueryContext(im.ctx, `SELECT type, name, tbl_name, sql FROM sqlite_schema
		WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN ('customers', 'trades')`)
	if err != nil {
		return err
	}
	defer rows.Close()
	byName := map[string]droppedObject{}
	for rows.Next() {
		var d droppedObject
		if err := rows.Scan(&d.kind, &d.name, &d.table, &d.sql); err != nil {
			return err
		}
		byName[d.name] = d
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	for _, name := range append(slices.Clone(deferredIndexes), deferredTriggers...) {
		d, ok := byName[name]
		if !ok {
			continue // not in this schema
		}
		if _, err := im.tx.ExecContext(im.ctx, `DROP `+strings.ToUpper(d.kind)+` `+name); err != nil {
			return err
		}
		im.dropped = append(im.dropped, d)
	}
	return nil
}

// needIndex creates the named index (or trigger) now if the import dropped it.
func (im *importer) needIndex(name string) error {
	i := slices.IndexFunc(im.dropped, func(d droppedObject) bool { return d.name == name })
	if i < 0 {
		return nil
	}
	d := im.dropped[i]
	im.dropped = slices.Delete(im.dropped, i, i+1)
	if _, err := im.tx.ExecContext(im.ctx, d.sql); err != nil {
		return fmt.Errorf("create %s %s: %w", d.kind, name, mapError(err))
	}
	return nil
}

// restoreDropped creates again the indexes dropped from table, in deferredIndexes
// order, but for laterIndexes, then its triggers.
func (im *importer) restoreDropped(table string) error {
	var names []string
	for _, d := range im.dropped {
		if d.table == table && !slices.Contains(laterIndexes, d.name) {
			names = append(names, d.name)
		}
	}
	for _, name := range names {
		if err := im.needIndex(name); err != nil {
			return err
		}
	}
	return nil
}

// postponeIndexes records the dropped indexes still missing (laterIndexes) for the
// background job, in the import's transaction.
func (im *importer) postponeIndexes() error {
	for _, d := range im.dropped {
		if _, err := im.tx.ExecContext(im.ctx, `INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)`,
			laterIndexPrefix+d.name, d.sql); err != nil {
			return err
		}
	}
	im.dropped = nil
	return nil
}

// createLaterIndex creates, in tx, the first index an earlier import left for later
// and takes it off the list; it reports false when none was waiting.
func createLaterIndex(ctx context.Context, tx execer) (bool, error) {
	var key, def string
	err := tx.QueryRowContext(ctx, `SELECT key, value FROM settings WHERE key GLOB ? ORDER BY key LIMIT 1`,
		laterIndexPrefix+"*").Scan(&key, &def)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	// The key and the index's absence were written in one transaction, and every
	// creation takes the key away in its own: the index is not there.
	if _, err := tx.ExecContext(ctx, def); err != nil {
		return false, fmt.Errorf("create index %s: %w", strings.TrimPrefix(key, laterIndexPrefix), err)
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM settings WHERE key = ?`, key)
	return err == nil, err
}

// createLaterIndexes creates, in tx, every index earlier imports left for later.
func createLaterIndexes(ctx context.Context, tx execer) error {
	for {
		if more, err := createLaterIndex(ctx, tx); !more || err != nil {
			return err
		}
	}
}
