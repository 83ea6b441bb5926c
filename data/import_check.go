package data

import (
	"cmp"
	"strings"
)

// Before a row is merged into the archive, its customer and trade are normalized and
// checked against the domain's rules. That needs nothing from the store, so the
// importer's reader calls ImportRow.Check on its own goroutine while the store
// applies earlier rows (the store's goroutine is an import's critical path); Import
// checks a row that comes unchecked.

// RowVerdict is what checking a row decided.
type RowVerdict uint8

// What Check can decide about a row.
const (
	RowKept       RowVerdict = iota // merged as it is (after dropping refused values)
	RowRejected                     // no one to merge it into: neither nick, name nor phone
	TradeSkipped                    // the customer is merged, the trade has no date
	TradeRejected                   // the customer is merged, the domain refuses the trade
	// TradeLinkOnly: the customer is merged; the trade has an order number and no
	// date, so it can only attach a stored order with that number to the customer
	// (a seller's sheet of 订单编号 + 顾客网名). The store reports it when there is none.
	TradeLinkOnly
)

// Check normalizes the row's customer and trade and finds what the domain refuses in
// them, as Import does first with every row: a customer value it refuses is dropped
// and reported, the rest of the row kept. It changes the row, once: checking a
// checked row does nothing.
func (r *ImportRow) Check() {
	if r.checked {
		return
	}
	r.checked = true
	c := &r.Customer
	c.Normalize()
	if c.Nick == "" && c.Name == "" && c.Phone == "" && c.Email == "" && c.WeChat == "" &&
		(r.Trade == nil || strings.TrimSpace(r.Trade.OrderNo) == "") {
		r.verdict = RowRejected
		if r.refused == "" { // else the reader said why it left the row's order out
			r.addIssue(r.Source.identityColumns(), IssueNoIdentity, "")
		}
		return
	}
	// A masked nick or name is shown, never a key or a name (see identity.go).
	c.hideMasked()
	// An order that names no buyer (nothing but masked values, or nothing at all) is
	// kept as an unlinked order: its order number links it to a buyer later.
	if !c.HasIdentity() && c.Name == "" && r.Trade != nil && strings.TrimSpace(r.Trade.OrderNo) != "" {
		r.unlinked = true
		r.keepOrderDetails()
		*c = Customer{Platform: c.Platform}
	}
	if !r.unlinked {
		r.checkCustomer()
	}
	t := r.Trade
	if t == nil {
		if r.refused != "" {
			r.verdict = TradeRejected
		}
		return
	}
	if t.Platform == "" {
		t.Platform = c.Platform
	}
	t.Normalize()
	if t.TradedAt.IsZero() {
		if t.OrderNo != "" && !r.unlinked {
			r.verdict = TradeLinkOnly
			return
		}
		r.verdict = TradeSkipped
		r.addIssue(r.Source.Column("traded_at"), t.NoDateReason(), "")
		return
	}
	for _, p := range t.Problems() {
		if p.Field == "customer" {
			continue // the merge gives the trade its customer
		}
		r.verdict = TradeRejected
		f := p.Field
		if f == "note" {
			f = "trade_note" // a customer's note and a trade's are different columns
		}
		r.addIssue(cmp.Or(r.Source.Column(f), p.Field), IssueInvalid, "")
		return
	}
}

// checkCustomer drops and reports the customer values the domain refuses.
func (r *ImportRow) checkCustomer() {
	c := &r.Customer
	for _, p := range c.Problems() {
		// The importer cleaned every value; what the domain still refuses is dropped
		// from the row and reported, the rest of the row is kept.
		r.addIssue(cmp.Or(r.Source.Column(p.Field), p.Field), IssueInvalid, "")
		clearField(c, p.Field)
	}
}

// Unlinked reports whether the row is an order without a buyer: no nick, name or
// phone, but an order number. Its trade is kept as an unlinked order and no customer
// is made for it.
func (r *ImportRow) Unlinked() bool { return r.unlinked }

// keepOrderDetails moves what the row says about a buyer it does not name to the
// order, so that nothing is lost: the region and address to its shipping address (a
// masked address never names a customer), a note and extra columns to its own.
func (r *ImportRow) keepOrderDetails() {
	t, c := r.Trade, &r.Customer
	if t.Note == "" {
		t.Note = c.Note
	}
	for k, v := range c.Extra {
		if _, taken := t.Extra[k]; !taken && v != "" {
			if t.Extra == nil {
				t.Extra = map[string]string{}
			}
			t.Extra[k] = v
		}
	}
	if t.ShipAddress != "" {
		return
	}
	var parts []string
	for _, p := range []string{c.Province, c.City} {
		if p != "" && !strings.HasPrefix(c.Address, p) {
			parts = append(parts, p)
		}
	}
	if c.Address != "" {
		parts = append(parts, c.Address)
	}
	t.ShipAddress = strings.Join(parts, " ")
}

// NoDateReason is why a trade without a date is skipped: an unpaid order (no pay
// time, so no trade yet) or a row that simply has no date.
func (t *Trade) NoDateReason() string {
	if t.Status == StatusUnpaid {
		return IssueUnpaid
	}
	return IssueNoDate
}

// addIssue records a problem Check found.
func (r *ImportRow) addIssue(column, reason, value string) {
	r.issues = append(r.issues, r.Issue(column, reason, value))
}

// Verdict is what Check decided about the row.
func (r *ImportRow) Verdict() RowVerdict { return r.verdict }

// Issues are the problems Check found in the row.
func (r *ImportRow) Issues() []RowIssue { return r.issues }

// Issue is a problem with the row, for the seller's report.
func (r *ImportRow) Issue(column, reason, value string) RowIssue {
	is := RowIssue{Row: r.Row, Column: column, Reason: reason, Value: value}
	if r.Source != nil {
		is.Sheet = r.Source.Sheet
	}
	return is
}
