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
// it commits (or leaves them to the background job), and the same with the triggers
// that do nothing on its rows (deferredTriggers). The drop is part of the
// import's transaction: a failed, cancelled or dry-run import gets them back by rolling
// back, and no other connection ever sees the archive without them. A lookup that
// needs one of the indexes after all (a trade without an order number, a phone the
// batch's phone index cannot hold, a row with neither nick nor phone) has it created
// first.

// Which indexes and triggers an import into an empty store drops is read from the
// schema when it starts, so a migration's new index is dropped and created again
// like the others without a list here to update:
//   - every index on customers and trades is dropped, but for keptIndexes;
//   - a dropped UNIQUE index, and one of closingIndexes, is created again before the
//     import commits; every other one is left to the background job after it
//     (laterIndexPrefix), since nothing but the speed of reading depends on it (the
//     list's sorts, the groups, reminders, a revert, the next import's lookups),
//     which SQLite answers by scanning meanwhile. Creating them was a third of a
//     100k-row import's closing work;
//   - a trigger is dropped only if it is in deferredTriggers, and created again
//     before the import commits.
// A statement of the import that reads a dropped index calls needIndex first. A test
// checks that every name listed here is in the migrated schema.

// keptIndexes are kept up to date by the import itself: the bulk INSERT's ON CONFLICT
// clause needs trades_platform_order.
var keptIndexes = []string{"trades_platform_order"}

// closingIndexes are read by the import's closing statements (the stats refresh reads
// trades_customer_stats), so they are created again before it commits.
var closingIndexes = []string{"trades_customer_stats"}

// deferredTriggers are the triggers an import into an empty store drops with the
// indexes. On its rows their conditions never hold: a new customer's search row waits
// for the background job (search.deferred, then search.pending), its tier is 0 until
// the stats refresh, which sets the tier itself. Yet each ran a trigger program for
// every customer written: taking them out made a 100k-row import about 7 % faster.
// A trigger not listed here stays; one that does something on an import's rows must not
// be listed, unless it has a catch-up:
// trades_goods_ai does something on every row (it keeps the distinct goods texts the
// goods filter reads, migration 0011), so it comes with its catch-up (triggerCatchUp):
// one statement, run when the trigger is created again, that does for the rows
// written meanwhile what it would have done row by row.
var deferredTriggers = []string{"customers_search_ai", "customers_tier_ai", "customers_tier_au", "trades_goods_ai"}

// triggerCatchUp is, for a deferred trigger that does something on an import's rows,
// the statement that does it for all of them at once. The import started on an empty
// store, so every trade is the import's.
var triggerCatchUp = map[string]string{
	"trades_goods_ai": `INSERT OR IGNORE INTO trade_goods (name) SELECT DISTINCT goods FROM trades WHERE goods <> ''`,
}

// laterIndexPrefix starts the settings key of an index waiting for the background job.
const laterIndexPrefix = "index.pending."

// droppedObject is an index or trigger an import has dropped, with what creates it
// again.
type droppedObject struct {
	kind, name, table, sql string
	later                  bool // an index left to the background job
}

// deferrable lists, from the schema, the indexes and triggers an import into an empty
// store drops: indexes before triggers.
func deferrable(ctx context.Context, db execer) ([]droppedObject, error) {
	rows, err := db.QueryContext(ctx, `SELECT s.type, s.name, s.tbl_name, s.sql,
		coalesce((SELECT l."unique" FROM pragma_index_list(s.tbl_name) l WHERE l.name = s.name), 0)
		FROM sqlite_schema s
		WHERE s.type IN ('index', 'trigger') AND s.sql IS NOT NULL AND s.tbl_name IN ('customers', 'trades')
		ORDER BY s.type, s.name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []droppedObject
	for rows.Next() {
		var d droppedObject
		var unique bool
		if err := rows.Scan(&d.kind, &d.name, &d.table, &d.sql, &unique); err != nil {
			return nil, err
		}
		switch {
		case d.kind == "index" && !slices.Contains(keptIndexes, d.name):
			d.later = !unique && !slices.Contains(closingIndexes, d.name)
		case d.kind == "trigger" && slices.Contains(deferredTriggers, d.name):
		default:
			continue
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// dropDeferred drops the indexes and triggers deferrable lists, remembering their
// definitions.
func (im *importRun) dropDeferred() error {
	ds, err := deferrable(im.ctx, im.tx)
	if err != nil {
		return err
	}
	for _, d := range ds {
		if _, err := im.tx.ExecContext(im.ctx, `DROP `+strings.ToUpper(d.kind)+` `+d.name); err != nil {
			return err
		}
		im.dropped = append(im.dropped, d)
	}
	return nil
}

// needIndex creates the named index (or trigger) now if the import dropped it.
func (im *importRun) needIndex(name string) error {
	i := slices.IndexFunc(im.dropped, func(d droppedObject) bool { return d.name == name })
	if i < 0 {
		return nil
	}
	d := im.dropped[i]
	im.dropped = slices.Delete(im.dropped, i, i+1)
	if _, err := im.tx.ExecContext(im.ctx, d.sql); err != nil {
		return fmt.Errorf("create %s %s: %w", d.kind, name, mapError(err))
	}
	if catchUp := triggerCatchUp[name]; catchUp != "" {
		if _, err := im.tx.ExecContext(im.ctx, catchUp); err != nil {
			return fmt.Errorf("catch up %s: %w", name, mapError(err))
		}
	}
	return nil
}

// restoreDropped creates again the indexes dropped from table, but for those left
// for later, then its triggers.
func (im *importRun) restoreDropped(table string) error {
	var names []string
	for _, d := range im.dropped {
		if d.table == table && !d.later {
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

// postponeIndexes records the dropped indexes still missing (those left for later) for the
// background job, in the import's transaction.
func (im *importRun) postponeIndexes() error {
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
