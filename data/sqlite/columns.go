package sqlite

import (
	"strings"

	"shopcrm/data"
)

// Every write of a customer or a trade row names its columns from here, and turns
// the domain value into their values here: hand entry, an import (row by row and in
// bulk), the demo fill, a merge and a revert's restore cannot drift apart, and a new
// column is added in one place.

// customerFields are the columns of a customer's own fields, in the order
// customerValues gives them. UPDATE writes these (and updated_at); INSERT writes
// customerInsert.
const customerFields = `platform, nick, name, gender, birthday, birthday_lunar,
	phone, email, wechat, wangwang, qq, province, city, address, source, note, marketing_opt_out, extra`

// customerValues appends c's values of customerFields to vals.
func customerValues(vals []any, c *data.Customer) []any {
	return append(vals, string(c.Platform), c.Nick, c.Name, string(c.Gender), c.Birthday, c.BirthdayLunar,
		c.Phone, c.Email, c.WeChat, c.Wangwang, c.QQ, c.Province, c.City, c.Address, c.Source, c.Note,
		c.MarketingOptOut, encodeExtra(c.Extra))
}

// customerInsert is the column list of every INSERT into customers; customerRow
// gives a row's values.
var customerInsert = newColumns("customers", `id, `+customerFields+`, batch_id, created_at, updated_at`)

// customerRow appends the values of a new customer row to vals; id is nil when
// SQLite assigns it, and a batchID of 0 is none.
func customerRow(vals []any, c *data.Customer, id any, batchID int64, created, updated string) []any {
	vals = append(vals, id)
	vals = customerValues(vals, c)
	return append(vals, nullID(batchID), created, updated)
}

// updateCustomerSQL rewrites every field of customerFields and the update time.
var updateCustomerSQL = `UPDATE customers SET (` + customerFields + `, updated_at) = ` +
	"(" + placeholders(newColumns("", customerFields).n+1) + `) WHERE id = ?`

// tradeFields are the columns of a trade's own fields, in the order tradeValues
// gives them. UPDATE writes these (and updated_at); INSERT writes tradeInsert.
const tradeFields = `customer_id, platform, order_no, traded_at, status, goods, quantity,
	amount_fen, refund_fen, ship_name, ship_phone, ship_address, note, extra, linked_at`

// tradeValues appends t's values of tradeFields to vals.
func tradeValues(vals []any, t *data.Trade) []any {
	return append(vals, nullID(t.CustomerID), string(t.Platform), t.OrderNo, formatTime(t.TradedAt), string(t.Status),
		t.Goods, t.Quantity, t.AmountFen, t.RefundFen, t.ShipName, t.ShipPhone, t.ShipAddress, t.Note,
		encodeExtra(t.Extra), nullTime(t.LinkedAt))
}

// tradeInsert is the column list of every INSERT into trades; tradeRow gives a row's
// values.
var tradeInsert = newColumns("trades", tradeFields+`, batch_id, created_at, updated_at`)

// tradeRow appends the values of a new trade row to vals; a batchID of 0 is none.
func tradeRow(vals []any, t *data.Trade, batchID int64, created, updated string) []any {
	vals = tradeValues(vals, t)
	return append(vals, nullID(batchID), created, updated)
}

// updateTradeSQL rewrites every field of tradeFields and the update time.
var updateTradeSQL = `UPDATE trades SET (` + tradeFields + `, updated_at) = ` +
	"(" + placeholders(newColumns("", tradeFields).n+1) + `) WHERE id = ?`

// tradeOrderTaken is the clause of an INSERT into trades that skips a row whose
// platform + order number is taken.
const tradeOrderTaken = ` ON CONFLICT (platform, order_no) WHERE order_no <> '' DO NOTHING`

// columns is one table's INSERT column list.
type columns struct {
	table, list string
	n           int // how many
}

func newColumns(table, list string) columns {
	return columns{table: table, list: list, n: strings.Count(list, ",") + 1}
}

// head is an INSERT up to its VALUES keyword; verb is "INSERT" or "INSERT OR …".
func (c columns) head(verb string) string {
	return verb + ` INTO ` + c.table + ` (` + c.list + `) VALUES `
}

// insert is a one-row INSERT followed by tail.
func (c columns) insert(verb, tail string) string {
	return c.head(verb) + "(" + placeholders(c.n) + ")" + tail
}

// bulk builds multi-row INSERTs of these columns (import_bulk_sql.go).
func (c columns) bulk(verb, tail string) *bulkInsert {
	return newBulkInsert(c.head(verb), tail, c.n)
}
