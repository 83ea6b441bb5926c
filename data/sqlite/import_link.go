package sqlite

import (
	"shopcrm/data"
)

// An import links orders by order number (PRODUCT.md, "Orders without a known
// buyer"): a row that names a buyer next to the number of a stored order without one
// attaches that order to the buyer, whether the row is a whole trade (a later export
// with buyers) or only 订单编号 + 顾客网名 (the seller's own sheet). The order keeps
// the values of the file that brought it without a buyer; the row only gives it its
// buyer and fills its empty fields, so its money is never counted twice and
// importing either file again changes nothing. The order's "before" is kept with the
// batch, so reverting the import unlinks it again.

// unlinkedByNumberSQL finds an unlinked order by its number alone, for a row whose
// platform differs from the order's (a seller's sheet read as "other").
const unlinkedByNumberSQL = `SELECT id FROM trades WHERE customer_id IS NULL AND order_no = ? LIMIT 2`

// touch marks a customer whose stats the import must recompute; an unlinked order
// has none.
func (im *importRun) touch(id int64) {
	if id != 0 {
		im.info.at(id).touched = true
	}
}

// linkTrade gives a stored order that came without a buyer (still unlinked, or
// linked by an earlier import or by hand) the row's buyer, and fills its empty
// fields from the row. An order linked to another customer keeps that customer.
func (im *importRun) linkTrade(old, in *data.Trade) error {
	if old.CustomerID != 0 && old.CustomerID != in.CustomerID {
		im.res.TradesUnchanged++
		return nil
	}
	m := *old
	if m.CustomerID == 0 {
		m.CustomerID, m.LinkedAt = in.CustomerID, im.now
	}
	for _, f := range []struct {
		dst *string
		v   string
	}{
		{&m.Goods, in.Goods}, {&m.ShipName, in.ShipName}, {&m.ShipPhone, in.ShipPhone},
		{&m.ShipAddress, in.ShipAddress}, {&m.Note, in.Note},
	} {
		if *f.dst == "" {
			*f.dst = f.v
		}
	}
	if m.CustomerID == old.CustomerID && sameFill(&m, old) {
		im.res.TradesUnchanged++
		return nil
	}
	if err := im.snapshotOnce("trade", old.ID, old); err != nil {
		return err
	}
	if old.CustomerID == 0 {
		im.res.TradesLinked++
	} else {
		im.res.TradesUpdated++
	}
	im.touch(m.CustomerID)
	return updateTrade(im.ctx, im.db, &m, im.now)
}

// sameFill reports whether linkTrade's filling changed nothing of old.
func sameFill(m, old *data.Trade) bool {
	return m.Goods == old.Goods && m.ShipName == old.ShipName && m.ShipPhone == old.ShipPhone &&
		m.ShipAddress == old.ShipAddress && m.Note == old.Note
}

// linkOnly applies a row of 订单编号 + buyer without a date (data.TradeLinkOnly): it
// links the stored order with that number to the row's customer, or, when there is
// none, skips the row as a trade without a date.
func (im *importRun) linkOnly(row *data.ImportRow, customerID int64) error {
	t := *row.Trade
	t.CustomerID = customerID
	if err := im.flush(); err != nil { // the order may be queued
		return err
	}
	id, err := lookupID(im.ctx, im.db, tradeByOrderSQL, t.Platform, t.OrderNo)
	if err != nil {
		return err
	}
	if id == 0 {
		if id, err = im.unlinkedByNumber(t.OrderNo); err != nil {
			return err
		}
	}
	if id == 0 { // no stored order to link: a trade without a date, skipped
		reason := t.NoDateReason()
		im.res.Skipped++
		im.res.CountOutcome(data.OutcomeSkipped, reason, row)
		im.issue(row, row.Source.Column("traded_at"), reason, "")
		return nil
	}
	old, err := scanTrade(im.db.QueryRowContext(im.ctx, tradeByIDSQL, id))
	if err != nil {
		return err
	}
	return im.linkTrade(old, &t)
}

// unlinkedByNumber finds the one unlinked order with this number on any platform;
// 0 when there is none, or more than one.
func (im *importRun) unlinkedByNumber(orderNo string) (int64, error) {
	if err := im.needIndex("trades_unlinked"); err != nil {
		return 0, err
	}
	rows, err := im.db.QueryContext(im.ctx, unlinkedByNumberSQL, orderNo)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil || len(ids) != 1 {
		return 0, err
	}
	return ids[0], nil
}
