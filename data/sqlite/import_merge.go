package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	"shopcrm/data"
)

// The lookups an import runs for every row.
const (
	byNickSQL       = `SELECT id FROM customers WHERE platform = ? AND nick = ? AND nick <> ''`
	byPhoneSQL      = `SELECT id FROM customers WHERE phone = ? AND phone <> '' AND (nick = '' OR ? = '') ORDER BY id LIMIT 1` // phone <> '' lets SQLite use the partial phone index
	customerByIDSQL = `SELECT ` + customerColumns + ` FROM customers c WHERE c.id = ?`
	tradeByOrderSQL = `SELECT id FROM trades WHERE platform = ? AND order_no = ? AND order_no <> ''`
	tradeByKeySQL   = `SELECT id FROM trades WHERE customer_id = ? AND traded_at = ? AND goods = ? AND amount_fen = ? AND order_no = '' LIMIT 1`
	tradeByIDSQL    = `SELECT ` + tradeColumns + ` FROM trades t WHERE t.id = ?`
)

// insertNewTradeSQL inserts a trade unless its order number is taken; most rows of a
// first import are new, so trying the insert first saves a lookup per row.
var insertNewTradeSQL = tradeInsert.insert("INSERT", tradeOrderTaken)

// lookupID runs a one-column id query; 0 means none.
func lookupID(ctx context.Context, db execer, query string, args ...any) (int64, error) {
	var id int64
	err := db.QueryRowContext(ctx, query, args...).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// upsertCustomer finds the row's customer by the identity rules (import_identity.go)
// and merges the row into them, or creates them; it returns the customer's id.
func (im *importRun) upsertCustomer(row *data.ImportRow) (int64, error) {
	c := &row.Customer
	m, err := im.findCustomer(row)
	if err != nil {
		return 0, err
	}
	id := m.id
	if id == 0 {
		created := *c
		if err := im.createCustomer(&created); err != nil {
			return 0, err
		}
		id = created.ID
		im.info.at(id).set(stateCreated, &created)
		im.remember(&created)
		im.knowNick(&created)
		im.notePhone(&created)
		if len(m.alike) > 0 {
			im.possibleDuplicate(row, id, m.alike)
		}
	} else if err := im.mergeCustomer(id, row, m.platform); err != nil {
		return 0, err
	}
	if c.Nick != "" {
		im.byNick[string(c.Platform)+"\x00"+c.Nick] = id
	}
	return id, nil
}

// createCustomer queues a new customer, or, when it has tags, writes it at once
// after the queue, so that tags are created in the order rows name them.
func (im *importRun) createCustomer(c *data.Customer) error {
	if len(c.Tags) == 0 {
		return im.addCustomer(c)
	}
	if err := im.flushCustomers(); err != nil {
		return err
	}
	if err := insertCustomer(im.ctx, im.db, c, im.now, im.batch); err != nil {
		return err
	}
	im.pend.nextID = c.ID + 1
	return nil
}

// knowNick records the customer's own platform + nick: a queued customer cannot be
// found by the database lookup, and a row may have found them by phone under
// another platform.
func (im *importRun) knowNick(c *data.Customer) {
	if c.Nick != "" {
		im.byNick[string(c.Platform)+"\x00"+c.Nick] = c.ID
	}
}

// mergeCustomer merges the row into customer id; moveTo, when set, is the platform
// the customer takes (see byNickID).
func (im *importRun) mergeCustomer(id int64, row *data.ImportRow, moveTo data.Platform) error {
	in := &row.Customer
	ci := im.info.at(id)
	if ci.state != 0 && importShortcuts && moveTo == "" && bringsNothing(in, ci.filled) && !im.phoneMayDiffer(id, ci, in.Phone) {
		return nil // a later row with nothing new for a customer this batch wrote
	}
	old, err := im.customer(id)
	if err != nil {
		return err
	}
	in, other := im.keepSecondPhone(row, old)
	// A customer this batch already wrote only has gaps filled by later rows: the
	// file's first value wins, so importing the same file again writes nothing.
	merged, changed := mergeCustomer(old, in, ci.state != 0)
	if other != "" && merged.AddOtherPhone(other) {
		changed = true
	}
	if moveTo != "" && merged.Platform != moveTo {
		merged.Platform, changed = moveTo, true
	}
	if !changed {
		if ci.state == 0 {
			ci.state = stateUnchanged
		}
		ci.set(ci.state, old)
		return nil
	}
	if ci.state != stateCreated {
		if err := im.snapshotOnce("customer", id, old); err != nil {
			return err
		}
		if _, seen := im.indexed[id]; !seen && id < im.searchFrom {
			var text string
			if err := im.db.QueryRowContext(im.ctx, `SELECT text FROM customer_search WHERE id = ?`, id).Scan(&text); err != nil {
				return err
			}
			im.indexed[id] = text
		}
		ci.state = stateUpdated
	}
	im.remember(merged)
	im.knowNick(merged)
	im.notePhone(merged)
	ci.set(ci.state, merged)
	if im.replacePending(merged) {
		return nil
	}
	return updateCustomer(im.ctx, im.db, merged, im.now)
}

// recentCustomers bounds the in-memory copies of customers this batch has written:
// buyers repeat within a sheet, and a copy spares re-reading them for every row.
const recentCustomers = 2000

// customer returns the stored customer, from the batch's copies when it has one.
func (im *importRun) customer(id int64) (*data.Customer, error) {
	if c := im.pendingCustomer(id); c != nil {
		return c, nil
	}
	if c, ok := im.recent[id]; ok {
		return c, nil
	}
	c, err := scanCustomer(im.db.QueryRowContext(im.ctx, customerByIDSQL, id))
	if err != nil {
		return nil, err
	}
	im.remember(c)
	return c, nil
}

func (im *importRun) remember(c *data.Customer) {
	if len(im.recent) >= recentCustomers {
		clear(im.recent)
	}
	im.recent[c.ID] = c
}

// mergeCustomer lays the row's non-empty values over the stored customer (or, with
// fillOnly, only into its empty fields). A masked phone (138****1234) never replaces
// a real one; tags and extra fields are added to.
func mergeCustomer(old, in *data.Customer, fillOnly bool) (*data.Customer, bool) {
	m := *old
	if fillOnly {
		in = fillGaps(old, in)
	}
	dst, vals := textFields(&m), textFields(in)
	for i, v := range vals {
		if *v != "" {
			*dst[i] = *v
		}
	}
	if in.Birthday != "" {
		m.BirthdayLunar = in.BirthdayLunar
	}
	if in.Phone != "" && !(data.IsMaskedPhone(in.Phone) && old.Phone != "" && !data.IsMaskedPhone(old.Phone)) {
		m.Phone = in.Phone
	}
	if in.Gender != data.GenderUnknown {
		m.Gender = in.Gender
	}
	m.MarketingOptOut = old.MarketingOptOut || in.MarketingOptOut
	m.Tags = data.NormalizeTags(append(append([]string{}, old.Tags...), in.Tags...))
	if len(in.Extra) > 0 {
		m.Extra = map[string]string{}
		for k, v := range old.Extra {
			m.Extra[k] = v
		}
		for k, v := range in.Extra {
			if v != "" {
				m.Extra[k] = v
			}
		}
	}
	changed := !sameText(&m, old) || m.Phone != old.Phone ||
		m.BirthdayLunar != old.BirthdayLunar || m.Gender != old.Gender ||
		m.MarketingOptOut != old.MarketingOptOut || strings.Join(m.Tags, "\x1f") != strings.Join(old.Tags, "\x1f") ||
		encodeExtra(m.Extra) != encodeExtra(old.Extra)
	return &m, changed
}

// sameText reports whether a and b hold the same textFields.
func sameText(a, b *data.Customer) bool {
	av, bv := textFields(a), textFields(b)
	for i := range av {
		if *av[i] != *bv[i] {
			return false
		}
	}
	return true
}

// fillGaps keeps of the row only what the stored customer lacks.
func fillGaps(old, in *data.Customer) *data.Customer {
	g := *in
	dst, had := textFields(&g), textFields(old)
	for i, v := range had {
		if *v != "" {
			*dst[i] = ""
		}
	}
	if old.Phone != "" && !data.IsMaskedPhone(old.Phone) {
		g.Phone = ""
	}
	if old.Gender != data.GenderUnknown {
		g.Gender = data.GenderUnknown
	}
	if len(in.Extra) > 0 {
		g.Extra = map[string]string{}
		for k, v := range in.Extra {
			if old.Extra[k] == "" {
				g.Extra[k] = v
			}
		}
	}
	return &g
}

// upsertTrade creates the trade, folds a further line item of an order created in
// this batch into it, or updates an earlier import's copy when something changed.
func (im *importRun) upsertTrade(row *data.ImportRow, t *data.Trade) error {
	if t.OrderNo != "" {
		im.touch(t.CustomerID)
		return im.addTrade(t)
	}
	// A trade without an order number is found by customer, time, goods and amount
	// among the stored trades: the queued ones must be stored first.
	if err := im.flush(); err != nil {
		return err
	}
	return im.upsertTradeNow(row, t)
}

// upsertTradeNow is upsertTrade for one row, written at once.
func (im *importRun) upsertTradeNow(row *data.ImportRow, t *data.Trade) error {
	im.touch(t.CustomerID)
	var id int64
	var err error
	if t.OrderNo != "" {
		if created, err := im.insertNewTrade(t); err != nil || created {
			return err
		}
		id, err = lookupID(im.ctx, im.db, tradeByOrderSQL, t.Platform, t.OrderNo)
	} else {
		if err := im.needIndex("trades_customer_stats"); err != nil {
			return err
		}
		id, err = lookupID(im.ctx, im.db, tradeByKeySQL, t.CustomerID, formatTime(t.TradedAt), t.Goods, t.AmountFen)
	}
	if err != nil {
		return err
	}
	if id == 0 {
		t.BatchID = im.batch
		im.res.TradesCreated++
		return insertTrade(im.ctx, im.db, t, im.now)
	}
	old, err := scanTrade(im.db.QueryRowContext(im.ctx, tradeByIDSQL, id))
	if err != nil {
		return err
	}
	im.touch(old.CustomerID)
	if t.OrderNo == "" {
		// The same row twice in one file (its first copy created the trade or
		// matched a stored one): a copy, not a further trade the archive already
		// had, so it is skipped and listed rather than counted "unchanged".
		if old.BatchID == im.batch || im.matched[id] {
			im.res.Skipped++
			im.res.CountOutcome(data.OutcomeSkipped, data.IssueDuplicate, row)
			im.issue(row, "", data.IssueDuplicate, "")
			return nil
		}
		im.matched[id] = true
	} else if old.BatchID == im.batch {
		return updateTrade(im.ctx, im.db, foldLineItem(old, t), im.now)
	}
	if t.CustomerID != 0 && (old.CustomerID == 0 || !old.LinkedAt.IsZero()) {
		return im.linkTrade(old, t)
	}
	merged, changed := mergeTrade(old, t)
	if !changed {
		im.res.TradesUnchanged++
		return nil
	}
	if err := im.snapshotOnce("trade", id, old); err != nil {
		return err
	}
	im.res.TradesUpdated++
	return updateTrade(im.ctx, im.db, merged, im.now)
}

// insertNewTrade inserts a trade with an order number unless that number is taken,
// and reports whether it did.
func (im *importRun) insertNewTrade(t *data.Trade) (bool, error) {
	t.BatchID = im.batch
	at := formatTime(im.now)
	res, err := im.db.ExecContext(im.ctx, insertNewTradeSQL, tradeRow(nil, t, t.BatchID, at, at)...)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	if err != nil || n == 0 {
		return false, err
	}
	im.res.TradesCreated++
	if t.CustomerID == 0 {
		im.res.TradesUnlinked++
	}
	return true, nil
}

// foldLineItem returns the order with another of its lines added; a line that names
// the buyer of an order without one gives it that buyer.
func foldLineItem(order, line *data.Trade) *data.Trade {
	m := *order
	m.AddLineItem(line)
	if m.CustomerID == 0 {
		m.CustomerID = line.CustomerID
	}
	return &m
}

// mergeTrade lays an imported copy of a trade over the stored one; the buyer stays.
func mergeTrade(old, in *data.Trade) (*data.Trade, bool) {
	m := *old
	m.TradedAt, m.Status, m.Goods, m.Quantity = in.TradedAt, in.Status, in.Goods, in.Quantity
	m.AmountFen, m.RefundFen = in.AmountFen, in.RefundFen
	for _, f := range []struct {
		dst *string
		v   string
	}{
		{&m.ShipName, in.ShipName}, {&m.ShipPhone, in.ShipPhone}, {&m.ShipAddress, in.ShipAddress}, {&m.Note, in.Note},
	} {
		if f.v != "" {
			*f.dst = f.v
		}
	}
	if len(in.Extra) > 0 {
		m.Extra = in.Extra
	}
	changed := !m.TradedAt.Equal(old.TradedAt) || m.Status != old.Status || m.Goods != old.Goods ||
		m.Quantity != old.Quantity || m.AmountFen != old.AmountFen || m.RefundFen != old.RefundFen ||
		m.ShipName != old.ShipName || m.ShipPhone != old.ShipPhone || m.ShipAddress != old.ShipAddress ||
		m.Note != old.Note || encodeExtra(m.Extra) != encodeExtra(old.Extra)
	return &m, changed
}

// snapshotOnce keeps the stored row as it was before this batch first changed it,
// so a revert can put it back.
func (im *importRun) snapshotOnce(entity string, id int64, before any) error {
	key := entity + ":" + formatID(id)
	if im.snapshot[key] {
		return nil
	}
	im.snapshot[key] = true
	b, err := json.Marshal(before)
	if err != nil {
		return err
	}
	_, err = im.db.ExecContext(im.ctx, `INSERT INTO batch_changes (batch_id, entity, entity_id, action, before)
		VALUES (?, ?, ?, 'update', ?)`, im.batch, entity, id, string(b))
	return err
}
