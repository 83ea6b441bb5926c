package sqlite

import (
	"context"
	"database/sql"

	"shopcrm/data"
)

// An import writes new customers and new trades with an order number in multi-row
// INSERTs: a row-at-a-time INSERT costs its statement, its bindings and a statement
// journal of every page it touches, which made them most of an import's time. Rows
// wait in the pending lists below until bulkRows of them are there, or until a
// statement needs to see them; everything else about an import (the lookups, the
// merge rules, the order rows are stored in, their ids) stays as if each row had been
// written at once.

// bulkRows is how many rows one INSERT writes at most (tests vary it).
var bulkRows = 128

// pendingTrade is a new trade waiting for its INSERT, with the sheet rows it was
// folded from: when its order number turns out to be taken, the rows are replayed
// one by one as if they had never been folded here.
type pendingTrade struct {
	t     *data.Trade   // the order with its line items folded in
	lines []*data.Trade // the rows as they came
}

// pending is what an import has not written yet.
type pending struct {
	customers []*data.Customer // new customers in id order
	custAt    map[int64]int    // id → index in customers
	trades    []*pendingTrade  // new trades with an order number, in row order
	tradeAt   map[string]int   // platform\x00order_no → index in trades
	nextID    int64            // the id the next new customer gets
	vals      []any            // one statement's values, reused
	// The multi-row INSERTs. OR FAIL: a failing row fails the import, which rolls
	// back whole, so the rows before it need not be undone (nor journaled to be).
	insertCustomers, insertTrades *bulkInsert
}

func newPending(nextID int64) *pending {
	return &pending{custAt: map[int64]int{}, tradeAt: map[string]int{}, nextID: nextID,
		insertCustomers: customerInsert.bulk("INSERT OR FAIL", ""),
		insertTrades:    tradeInsert.bulk("INSERT OR FAIL", tradeOrderTaken),
	}
}

// chunks splits n rows into statement sizes: full statements, then powers of two, so
// that a handful of prepared statements serve every count.
func chunks(n int) []int {
	var out []int
	for n >= bulkRows {
		out = append(out, bulkRows)
		n -= bulkRows
	}
	for size := 1 << 30; n > 0; size >>= 1 {
		if n >= size {
			out = append(out, size)
			n -= size
		}
	}
	return out
}

// addCustomer gives a new customer the next id and queues it.
func (im *importRun) addCustomer(c *data.Customer) error {
	c.ID = im.pend.nextID
	im.pend.nextID++
	c.CreatedAt, c.UpdatedAt = im.now, im.now
	im.pend.custAt[c.ID] = len(im.pend.customers)
	im.pend.customers = append(im.pend.customers, c)
	if len(im.pend.customers) >= bulkRows {
		return im.flushCustomers()
	}
	return nil
}

// pendingCustomer returns the queued new customer with id, or nil.
func (im *importRun) pendingCustomer(id int64) *data.Customer {
	if i, ok := im.pend.custAt[id]; ok {
		return im.pend.customers[i]
	}
	return nil
}

// replacePending puts the merged copy of a queued customer in its place.
func (im *importRun) replacePending(c *data.Customer) bool {
	i, ok := im.pend.custAt[c.ID]
	if ok {
		im.pend.customers[i] = c
	}
	return ok
}

// pendingMatch finds the first (lowest id) queued customer byPhoneSQL would have
// found. Queued ids are above every stored one, so a stored match comes first.
func (im *importRun) pendingMatch(c *data.Customer) int64 {
	for _, p := range im.pend.customers {
		if p.Phone == c.Phone && (p.Nick == "" || c.Nick == "") {
			return p.ID
		}
	}
	return 0
}

// flushCustomers writes the queued customers.
func (im *importRun) flushCustomers() error {
	cs := im.pend.customers
	if len(cs) == 0 {
		return nil
	}
	now := formatTime(im.now)
	for _, n := range chunks(len(cs)) {
		vals := im.pend.vals[:0]
		for _, c := range cs[:n] {
			vals = customerRow(vals, c, c.ID, im.batch, now, now)
		}
		im.pend.vals = vals
		query, args := im.pend.insertCustomers.statement(vals)
		if _, err := im.db.ExecContext(im.ctx, query, args...); err != nil {
			return mapError(err)
		}
		for _, c := range cs[:n] {
			if len(c.Tags) > 0 {
				if err := setTags(im.ctx, im.db, c.ID, c.Tags); err != nil {
					return err
				}
			}
		}
		cs = cs[n:]
	}
	clear(im.pend.custAt)
	clear(im.pend.customers)
	im.pend.customers = im.pend.customers[:0]
	return nil
}

// addTrade queues a trade with an order number; a further line of a queued order is
// folded into it.
func (im *importRun) addTrade(t *data.Trade) error {
	key := string(t.Platform) + "\x00" + t.OrderNo
	if i, ok := im.pend.tradeAt[key]; ok {
		p := im.pend.trades[i]
		p.t.AddLineItem(t)
		if p.t.CustomerID == 0 {
			p.t.CustomerID = t.CustomerID // a line that names the order's buyer
		}
		p.lines = append(p.lines, t)
		return nil
	}
	first := *t
	im.pend.tradeAt[key] = len(im.pend.trades)
	im.pend.trades = append(im.pend.trades, &pendingTrade{t: &first, lines: []*data.Trade{t}})
	if len(im.pend.trades) >= bulkRows {
		return im.flush()
	}
	return nil
}

// flush writes everything queued: customers first, as the trades point at them.
func (im *importRun) flush() error {
	if err := im.flushCustomers(); err != nil {
		return err
	}
	return im.flushTrades()
}

// flushTrades writes the queued trades; the rows of an order whose number was taken
// (by an earlier import, or earlier in this one) then go the row-at-a-time way.
func (im *importRun) flushTrades() error {
	ts := im.pend.trades
	if len(ts) == 0 {
		return nil
	}
	now := formatTime(im.now)
	for _, n := range chunks(len(ts)) {
		vals := im.pend.vals[:0]
		for _, p := range ts[:n] {
			vals = tradeRow(vals, p.t, im.batch, now, now)
		}
		im.pend.vals = vals
		query, args := im.pend.insertTrades.statement(vals)
		res, err := im.db.ExecContext(im.ctx, query, args...)
		if err != nil {
			return mapForeignKey(mapError(err))
		}
		added, err := res.RowsAffected()
		if err != nil {
			return err
		}
		im.res.TradesCreated += int(added)
		if int(added) < n {
			if err := im.replayTaken(ts[:n], res, added); err != nil {
				return err
			}
		} else {
			im.res.TradesUnlinked += countUnlinked(ts[:n], nil)
		}
		ts = ts[n:]
	}
	clear(im.pend.tradeAt)
	clear(im.pend.trades)
	im.pend.trades = im.pend.trades[:0]
	return nil
}

// replayTaken writes, row by row, the queued orders a bulk INSERT left out because
// their number was taken. The rows it did insert got consecutive ids ending at its
// last insert id.
func (im *importRun) replayTaken(ts []*pendingTrade, res sql.Result, added int64) error {
	inserted := map[string]bool{}
	if added > 0 {
		last, err := res.LastInsertId()
		if err != nil {
			return err
		}
		rows, err := im.db.QueryContext(im.ctx, `SELECT platform, order_no FROM trades WHERE id > ? AND id <= ?`, last-added, last)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var platform, orderNo string
			if err := rows.Scan(&platform, &orderNo); err != nil {
				return err
			}
			inserted[platform+"\x00"+orderNo] = true
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
	}
	im.res.TradesUnlinked += countUnlinked(ts, inserted)
	for _, p := range ts {
		if inserted[string(p.t.Platform)+"\x00"+p.t.OrderNo] {
			continue
		}
		for _, line := range p.lines {
			// Lines with an order number are never reported, so no row is needed.
			if err := im.upsertTradeNow(nil, line); err != nil {
				return err
			}
		}
	}
	return nil
}

// countUnlinked counts the orders without a buyer among ts that a bulk INSERT
// wrote: all of them for a nil inserted, else those inserted holds.
func countUnlinked(ts []*pendingTrade, inserted map[string]bool) int {
	n := 0
	for _, p := range ts {
		if p.t.CustomerID == 0 && (inserted == nil || inserted[string(p.t.Platform)+"\x00"+p.t.OrderNo]) {
			n++
		}
	}
	return n
}

// maxCustomerID is the id the store's next customer would get, less one.
func maxCustomerID(ctx context.Context, db execer) (int64, error) {
	var id int64
	err := db.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM customers`).Scan(&id)
	return id, err
}
