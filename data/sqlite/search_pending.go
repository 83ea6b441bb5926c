package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"math"
)

// An import's new customers are put into the search table and the full-text index
// after the import commits, in the background: building the trigram index of a
// 100k-row sheet's buyers was a quarter of the import, and the seller waited for it
// before seeing a single imported customer. Searching never waits for it: while the
// settings key search.pending holds a customer id, the customers from that id on are
// matched by scanning their own fields (CustomerFilter.where), which finds exactly what
// the index would, only more slowly. Migration 0008 keeps the full-text triggers off
// those rows. The job indexes searchChunk customers per transaction, so an edit made
// meanwhile waits for one chunk at most, stops when the store closes, and is taken up
// again by the next Open; a job that fails leaves searches correct and is retried then.

// searchPendingKey is the settings key holding the first customer id not yet indexed.
const searchPendingKey = "search.pending"

// searchPendingSQL is that id, NULL when every customer is indexed.
const searchPendingSQL = `(SELECT CAST(value AS INTEGER) FROM settings WHERE key = '` + searchPendingKey + `')`

// searchPendingOr ends a search word's condition on customers c: or the customer is
// not indexed yet and its fields hold the word (the next argument). SQLite answers
// it by the index for the rest and a rowid range scan of the pending customers.
const searchPendingOr = ` OR c.id >= ` + searchPendingSQL + ` AND instr(` + searchTextSQL + `, ?) > 0)`

// searchChunk is how many customers one indexing transaction takes (tests vary it).
var searchChunk = 20000

// searchPendingFrom is the first customer id the search index does not hold yet, or
// math.MaxInt64 when it holds them all.
func searchPendingFrom(ctx context.Context, db execer) (int64, error) {
	var from sql.NullInt64
	if err := db.QueryRowContext(ctx, `SELECT `+searchPendingSQL).Scan(&from); err != nil || !from.Valid {
		return math.MaxInt64, err
	}
	return from.Int64, nil
}

// markSearchPending records, inside an import's transaction, that the customers from
// id on still have to be indexed; an earlier mark below it stays.
func markSearchPending(ctx context.Context, tx execer, from int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = min(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))`, searchPendingKey, from)
	return err
}

// indexPragmas: the job reads the customers in order and appends to the index, so a
// small page cache does; it runs right after an import, whose memory the runtime has
// not handed back yet, and the app's 16 MB cache on top took a 500k-row import's peak
// from 87 to 110 MB.
var indexPragmas = []pragma{{"cache_size", "-2048"}}

// indexChunk indexes the next searchChunk pending customers in one transaction and
// reports whether some are still pending.
func (s *Store) indexChunk(ctx context.Context) (more bool, err error) {
	err = s.inTxWith(ctx, indexPragmas, func(tx *sql.Tx) error {
		from, err := searchPendingFrom(ctx, tx)
		if err != nil || from == math.MaxInt64 {
			return err
		}
		var to sql.NullInt64 // the first customer of the next chunk
		err = tx.QueryRowContext(ctx, `SELECT id FROM customers WHERE id >= ? ORDER BY id LIMIT 1 OFFSET ?`,
			from, searchChunk).Scan(&to)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		end := int64(math.MaxInt64)
		if to.Valid {
			end = to.Int64
		}
		// A customer added by hand meanwhile already has its search row (without an
		// index entry: the triggers skip pending ids), hence OR REPLACE.
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO customer_search (id, text)
			SELECT c.id, `+searchTextSQL+` FROM customers c WHERE c.id >= ? AND c.id < ?`, from, end); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO customer_fts (rowid, text)
			SELECT id, text FROM customer_search WHERE id >= ? AND id < ?`, from, end); err != nil {
			return err
		}
		if !to.Valid {
			_, err = tx.ExecContext(ctx, `DELETE FROM settings WHERE key = ?`, searchPendingKey)
			return err
		}
		more = true
		_, err = tx.ExecContext(ctx, `UPDATE settings SET value = ? WHERE key = ?`, end, searchPendingKey)
		return err
	})
	return more, err
}
