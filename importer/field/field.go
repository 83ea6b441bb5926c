// Package field names the canonical fields a spreadsheet column can map to. The
// importer's column mapping, the exporter's layouts and the GUI's mapping dropdowns
// all speak this one vocabulary.
package field

// Key is a canonical field. A column with no canonical home is kept as an extra field
// under its own header (see Extra).
type Key string

// Customer fields.
const (
	Platform      Key = "platform"
	Nick          Key = "nick"
	Name          Key = "name"
	FirstName     Key = "first_name" // Shopify: joined with LastName into Name
	LastName      Key = "last_name"
	Gender        Key = "gender"
	Birthday      Key = "birthday"       // solar
	LunarBirthday Key = "lunar_birthday" // 农历生日
	Phone         Key = "phone"
	Email         Key = "email"
	WeChat        Key = "wechat"
	Wangwang      Key = "wangwang"
	QQ            Key = "qq"
	Province      Key = "province"
	City          Key = "city"
	Address       Key = "address"
	Source        Key = "source"
	Tags          Key = "tags"
	Note          Key = "note"
	OptOut        Key = "marketing_opt_out"
)

// Trade fields.
const (
	OrderNo     Key = "order_no"
	PaidAt      Key = "paid_at"    // 订单付款时间: the trade time when present
	CreatedAt   Key = "created_at" // 订单创建时间: the trade time of an unpaid order
	TradedAt    Key = "traded_at"  // 交易日期 / 成交时间 / InvoiceDate: a plain trade date
	Goods       Key = "goods"
	Quantity    Key = "quantity"
	UnitPrice   Key = "unit_price" // amount = quantity × unit price when there is no amount
	Amount      Key = "amount"
	Refund      Key = "refund"
	Status      Key = "status"
	TradeNote   Key = "trade_note"
	ShipName    Key = "ship_name"
	ShipPhone   Key = "ship_phone"
	ShipAddress Key = "ship_address"
	// Currency is a row's currency (Shopify's Currency column): a row in another
	// currency than the archive's is not added to it.
	Currency Key = "currency"
)

// Ignore marks a column the seller chose not to import.
const Ignore Key = "-"

// ExtraPrefix starts the key of an extra field: "extra:积分" keeps the 积分 column.
const ExtraPrefix = "extra:"

// Extra is the key that keeps a column under its own header.
func Extra(header string) Key { return Key(ExtraPrefix + header) }

// IsExtra reports whether k keeps a column as an extra field, and under which header.
func (k Key) IsExtra() (string, bool) {
	if len(k) > len(ExtraPrefix) && string(k[:len(ExtraPrefix)]) == ExtraPrefix {
		return string(k[len(ExtraPrefix):]), true
	}
	return "", false
}
