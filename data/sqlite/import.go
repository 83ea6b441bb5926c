package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"time"

	"shopcrm/data"
)

// Import applies rows, pulled one at a time from next until it returns io.EOF, in one
// transaction recorded as an import batch: all of it or none. Customers merge by
// platform + nick, then by phone; trades by platform + order number, else by customer
// + time + goods + amount, so importing the same file again changes nothing. A trade
// found twice in one batch is a line item of the same order and is folded into it.
func (s *Store) Import(ctx context.Context, opt data.ImportOptions, issues []data.RowIssue, next func() (*data.ImportRow, error)) (*data.ImportResult, error) {
	res := &data.ImportResult{Issues: issues}
	now := s.now()
	err := s.inImportTx(ctx, func(tx *sql.Tx) error {
		im, err := newImporter(ctx, tx, now, opt, res)
		if err != nil {
			return err
		}
		defer im.close()
		for {
			if err := ctx.Err(); err != nil {
				return err
			}
			row, err := next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return err
			}
			if err := im.apply(row); err != nil {
				return fmt.Errorf("row %d: %w", row.Row, err)
			}
		}
		// A source that stops because the import was cancelled ends like a finished
		// one: check again, so a cancelled import never commits its first half.
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := im.finish(); err != nil {
			return err
		}
		if opt.DryRun {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		res.BatchID = 0
		return res, nil
	}
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	s.indexSoon()
	return res, nil
}

// importPragmas are the connection settings an import runs with, each put back
// before the connection returns to the pool:
//   - foreign_keys off: SQLite gives a multi-row INSERT into a table with foreign
//     keys a statement journal, a copy of every page it touches, in case a later row
//     fails a key; an import rolls back whole, so that is wasted. The import checks
//     its own rows' keys before it commits (checkKeys), so the archive never holds a
//     trade without its customer.
//   - an 8 MB page cache: an import writes far more pages than any cache holds and
//     only needs the hot ones; 8 MB takes no more CPU time than the app's 16 MB, and
//     a 500k-row import's peak memory drops by as much.
//   - no automatic checkpoint: the commit would copy the whole import from the WAL
//     into the database file before the seller sees the result (0.1 s of a 100k-row
//     import, 0.5 s of a 500k one); indexSoon does it in the background.
var importPragmas = []pragma{
	{"foreign_keys", "0"}, {"cache_size", "-8192"}, {"wal_autocheckpoint", "0"},
}

// pragma is a connection setting.
type pragma struct{ name, value string }

// inImportTx is inTx on a connection set up with importPragmas.
func (s *Store) inImportTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.inTxWith(ctx, importPragmas, fn)
}

// inTxWith is inTx on a connection set up with pragmas, each put back before the
// connection returns to the pool.
func (s *Store) inTxWith(ctx context.Context, pragmas []pragma, fn func(tx *sql.Tx) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, p := range pragmas {
		var was string
		if err := conn.QueryRowContext(ctx, `PRAGMA `+p.name).Scan(&was); err != nil {
			return err
		}
		defer func() {
			// A connection that cannot have its setting back leaves the pool.
			if _, err := conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA `+p.name+` = `+was); err != nil {
				conn.Raw(func(any) error { return driver.ErrBadConn })
			}
		}()
		if _, err := conn.ExecContext(ctx, `PRAGMA `+p.name+` = `+p.value); err != nil {
			return err
		}
	}
	return runTx(ctx, conn.BeginTx, fn)
}

// checkKeys fails the import if one of its rows points at a row that does not exist:
// the foreign keys inImportTx does not have SQLite check.
func (im *importRun) checkKeys() error {
	if im.startedEmpty {
		if ok, err := im.keysInRange(); ok || err != nil {
			return err
		}
	}
	var bad int
	err := im.tx.QueryRowContext(im.ctx, `SELECT
		(SELECT count(*) FROM trades t WHERE t.batch_id = ?1 AND t.customer_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = t.customer_id)) +
		(SELECT count(*) FROM customer_tags ct JOIN customers c ON c.id = ct.customer_id
			WHERE c.batch_id = ?1 AND NOT EXISTS (SELECT 1 FROM tags g WHERE g.id = ct.tag_id))`, im.batch).Scan(&bad)
	if err != nil {
		return err
	}
	if bad > 0 {
		return fmt.Errorf("%d imported rows point at missing rows", bad)
	}
	return nil
}

// keysInRange is checkKeys' shortcut for an import into an empty store, whose
// customers are then numbered 1 to N without gaps: when they are, and the trades'
// and tag links' customer ids lie within 1 to N (two index lookups each), every one
// of them points at a customer. It reports false when it cannot tell.
func (im *importRun) keysInRange() (bool, error) {
	var inRange bool
	err := im.tx.QueryRowContext(im.ctx, `WITH n(min, max, count) AS (SELECT coalesce(min(id), 1), coalesce(max(id), 0), count(*) FROM customers)
		SELECT n.min >= 1 AND n.max = n.count
		   AND coalesce((SELECT min(customer_id) >= 1 AND max(customer_id) <= n.max FROM trades), 1)
		   AND coalesce((SELECT min(customer_id) >= 1 AND max(customer_id) <= n.max FROM customer_tags), 1)
		   AND NOT EXISTS (SELECT 1 FROM customer_tags ct WHERE NOT EXISTS (SELECT 1 FROM tags g WHERE g.id = ct.tag_id))
		FROM n`).Scan(&inRange)
	return inRange, err
}

// errDryRun rolls a dry run back after it has counted everything.
var errDryRun = errors.New("dry run")

// rowState is what happened to a customer in this batch, for counting each once.
type rowState uint8

const (
	stateUnchanged rowState = iota + 1
	stateUpdated
	stateCreated
)

// importRun holds one import's transaction, prepared statements and bookkeeping.
type importRun struct {
	ctx   context.Context
	tx    *sql.Tx
	now   time.Time
	res   *data.ImportResult
	batch int64

	byNick map[string]int64 // platform\x00nick → id, for customers seen in this batch
	info   *custInfos       // what happened to each customer met
	// indexed holds the search text the full-text index has for each earlier
	// customer this batch changed, so reindex can take it out.
	indexed  map[int64]string
	recent   map[int64]*data.Customer // see recentCustomers
	snapshot map[string]bool
	// matched holds the stored trades without an order number that a row of this
	// batch matched, so a second copy of the row is known as one.
	matched map[int64]bool
	db      *stmtCache // every statement of the import, prepared once
	pend    *pending   // new rows waiting for a multi-row INSERT
	// startedEmpty: the store had no customers, so every nick is in byNick and
	// every phone in phones.
	startedEmpty bool
	dryRun       bool            // counts and problems only: see finish
	phones       *phoneIndex     // nil unless startedEmpty
	dropped      []droppedObject // indexes and triggers created again at the end: see dropDeferred
	// firstID is the id of the batch's first new customer; the full-text index holds
	// the customers below searchFrom (see search_pending.go).
	firstID, searchFrom int64
}

func newImporter(ctx context.Context, tx *sql.Tx, now time.Time, opt data.ImportOptions, res *data.ImportResult) (*importRun, error) {
	r, err := tx.ExecContext(ctx, `INSERT INTO import_batches (file_name, content_hash, sheet, layout, imported_at)
		VALUES (?, ?, ?, ?, ?)`, opt.FileName, opt.Hash, opt.Sheet, cmp.Or(opt.Layout, "{}"), formatTime(now))
	if err != nil {
		return nil, err
	}
	// The row loop checks ctx itself; a context without cancellation spares the driver
	// a watcher goroutine per statement.
	im := &importRun{ctx: context.WithoutCancel(ctx), tx: tx, now: now, res: res, dryRun: opt.DryRun,
		byNick: map[string]int64{}, snapshot: map[string]bool{}, indexed: map[int64]string{},
		recent: map[int64]*data.Customer{}, matched: map[int64]bool{}}
	if im.batch, err = r.LastInsertId(); err != nil {
		return nil, err
	}
	res.BatchID = im.batch
	im.db = newStmtCache(tx)
	// The lookups below need the indexes an import just before left for later.
	if err := createLaterIndexes(ctx, tx); err != nil {
		return nil, err
	}
	maxID, err := maxCustomerID(ctx, tx)
	if err != nil {
		return nil, err
	}
	im.firstID = maxID + 1
	if im.searchFrom, err = searchPendingFrom(ctx, tx); err != nil {
		return nil, err
	}
	im.pend = newPending(im.firstID)
	im.info = newCustInfos(maxID + 1)
	im.startedEmpty = maxID == 0 && importShortcuts
	if im.startedEmpty {
		im.phones = newPhoneIndex()
		if err := im.dropDeferred(); err != nil {
			return nil, err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, '1')`, searchDeferredKey); err != nil {
		return nil, err
	}
	return im, nil
}

// searchDeferredKey, while set inside an import's transaction, holds the search table
// and the full-text index back until reindex brings them up to date in one pass.
const searchDeferredKey = "search.deferred"

func (im *importRun) close() { im.db.close() }

func (im *importRun) issue(row *data.ImportRow, column, reason, value string) {
	im.res.Issues = append(im.res.Issues, row.Issue(column, reason, value))
}

// apply merges one row into the archive.
func (im *importRun) apply(row *data.ImportRow) error {
	row.Check()
	im.res.Issues = append(im.res.Issues, row.Issues()...)
	if row.Verdict() == data.RowRejected {
		im.res.Rejected++
		im.res.CountOutcome(data.OutcomeRejected, row.VerdictReason(), row)
		return nil
	}
	var id int64 // 0 for an order without a buyer: an unlinked order
	if !row.Unlinked() {
		var err error
		if id, err = im.upsertCustomer(row); err != nil {
			return err
		}
	}
	switch {
	case row.Verdict() == data.TradeSkipped:
		im.res.Skipped++
		im.res.CountOutcome(data.OutcomeSkipped, row.VerdictReason(), row)
		return nil
	case row.Verdict() == data.TradeRejected:
		im.res.Rejected++
		im.res.CountOutcome(data.OutcomeRejected, row.VerdictReason(), row)
		return nil
	case row.Verdict() == data.TradeLinkOnly:
		return im.linkOnly(row, id)
	case row.Trade == nil:
		return nil
	}
	t := *row.Trade
	t.CustomerID = id
	return im.upsertTrade(row, &t)
}

// refreshStatsOrFailSQL recomputes customers' stats (stats.go's rule) and their tier
// (tierRankSQL over tiers) in one statement, with the tier arguments. Setting the
// tier here leaves migration 0002's trigger nothing to rewrite. OR FAIL: a statement
// that cannot abort halfway needs no statement journal, which for this one was a copy
// of every customer page written to a temp file; the import rolls back whole anyway.
func refreshStatsOrFailSQL(tiers []*data.Tier) (string, []any) {
	rank, args := tierRankSQL(tiers, "s")
	return `UPDATE OR FAIL customers SET (trade_count, total_fen, first_trade_at, last_trade_at, tier_rank) =
	(WITH s(trade_count, total_fen, first_trade_at, last_trade_at) AS (` + statsSelectSQL + `)
	 SELECT s.*, ` + rank + ` FROM s)`, args
}

// refreshTouched recomputes the stats of every customer the batch touched in one
// statement, through a temporary table of their ids.
func (im *importRun) refreshTouched() error {
	var ids []int64
	im.info.each(func(id int64, ci *custInfo) {
		if ci.touched {
			ids = append(ids, id)
		}
	})
	if len(ids) == 0 {
		return nil
	}
	tiers, err := tiersIn(im.ctx, im.tx)
	if err != nil {
		return err
	}
	refresh, args := refreshStatsOrFailSQL(tiers)
	if im.startedEmpty {
		// Every customer is the batch's: one pass over all of them.
		_, err := im.tx.ExecContext(im.ctx, refresh, args...)
		return err
	}
	if _, err := im.tx.ExecContext(im.ctx, `CREATE TEMP TABLE IF NOT EXISTS import_touched (id INTEGER PRIMARY KEY)`); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := im.db.ExecContext(im.ctx, `INSERT OR IGNORE INTO import_touched (id) VALUES (?)`, id); err != nil {
			return err
		}
	}
	if _, err := im.tx.ExecContext(im.ctx, refresh+` WHERE id IN (SELECT id FROM import_touched)`, args...); err != nil {
		return err
	}
	_, err = im.tx.ExecContext(im.ctx, `DELETE FROM import_touched`)
	return err
}

// searchTextSQL is a customer's search text, as the customers_search_* triggers
// (migration 0006) write it; an import writes it itself, see reindex.
const searchTextSQL = `lower(c.nick || char(31) || c.name || char(31) || c.phone || char(31) || c.email || char(31) ||
	c.province || c.city || char(31) || c.address)`

// reindex brings the search table and the full-text index up to date with the
// changes the batch made to earlier customers, and leaves its new customers to the
// background indexing (search_pending.go). The search table is written while
// search.deferred still holds the full-text triggers back.
func (im *importRun) reindex() error {
	for id := range im.indexed {
		if _, err := im.db.ExecContext(im.ctx, `UPDATE customer_search SET text =
			(SELECT `+searchTextSQL+` FROM customers c WHERE c.id = customer_search.id) WHERE id = ?`, id); err != nil {
			return err
		}
	}
	if _, err := im.db.ExecContext(im.ctx, `DELETE FROM settings WHERE key = ?`, searchDeferredKey); err != nil {
		return err
	}
	for id, old := range im.indexed {
		if _, err := im.db.ExecContext(im.ctx, `INSERT INTO customer_fts (customer_fts, rowid, text) VALUES ('delete', ?, ?)`, id, old); err != nil {
			return err
		}
		if _, err := im.db.ExecContext(im.ctx, `INSERT INTO customer_fts (rowid, text) SELECT id, text FROM customer_search WHERE id = ?`, id); err != nil {
			return err
		}
	}
	if im.res.CustomersCreated == 0 {
		return nil
	}
	return markSearchPending(im.ctx, im.tx, im.firstID)
}

// finish recomputes the stats of every touched customer and records the counts.
func (im *importRun) finish() error {
	if err := im.flush(); err != nil {
		return err
	}
	im.info.each(func(_ int64, ci *custInfo) {
		switch ci.state {
		case stateCreated:
			im.res.CustomersCreated++
		case stateUpdated:
			im.res.CustomersUpdated++
		case stateUnchanged:
			im.res.CustomersUnchanged++
		}
	})
	if im.dryRun {
		// Everything a dry run reports is known now; what follows (indexes, stats,
		// search, the batch record) would be rolled back unread. Skipping it makes
		// the wizard's check of a 100k-row sheet about twice as fast.
		return nil
	}
	// The closing statements sort indexes and read the batch in order: SQLite sorts in
	// memory up to the page cache's size before it merges runs from a temp file, so a
	// small cache here cut a 100k-row import's peak memory from 72 to 55 MB at no
	// measurable cost in time (the app's setting comes back with the connection's).
	if _, err := im.tx.ExecContext(im.ctx, `PRAGMA cache_size = -2048`); err != nil {
		return err
	}
	if err := im.restoreDropped("trades"); err != nil {
		return err
	}
	if err := im.checkKeys(); err != nil {
		return err
	}
	if err := im.refreshTouched(); err != nil {
		return err
	}
	// The customers' indexes and triggers after their stats: the refresh then rewrites
	// no index and runs no trigger.
	if err := im.restoreDropped("customers"); err != nil {
		return err
	}
	if err := im.postponeIndexes(); err != nil {
		return err
	}
	if err := im.reindex(); err != nil {
		return err
	}
	r := im.res
	for _, o := range r.Outcomes {
		if _, err := im.tx.ExecContext(im.ctx, `INSERT INTO import_outcomes (batch_id, kind, reason, rows, orders)
			VALUES (?, ?, ?, ?, ?)`, im.batch, o.Kind, o.Reason, o.Rows, o.Orders); err != nil {
			return err
		}
	}
	_, err := im.tx.ExecContext(im.ctx, `UPDATE import_batches SET created_customers = ?, updated_customers = ?,
		unchanged = ?, created_trades = ?, skipped = ?, rejected = ? WHERE id = ?`,
		r.CustomersCreated, r.CustomersUpdated, r.CustomersUnchanged+r.TradesUnchanged, r.TradesCreated,
		r.Skipped, r.Rejected, im.batch)
	if err != nil {
		return err
	}
	return audit(im.ctx, im.tx, im.now, data.AuditImport, r.CustomersCreated+r.CustomersUpdated+r.TradesCreated+r.TradesUpdated+r.TradesLinked,
		fmt.Sprintf("batch=%d customers=%d/%d trades=%d/%d unlinked=%d linked=%d skipped=%d rejected=%d", im.batch,
			r.CustomersCreated, r.CustomersUpdated, r.TradesCreated, r.TradesUpdated, r.TradesUnlinked, r.TradesLinked,
			r.Skipped, r.Rejected))
}
