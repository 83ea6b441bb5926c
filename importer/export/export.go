// Package export writes customers and trades to xlsx in the seller's own layout.
//
// The workbook is made to be read back: every column carries a header the importer
// recognises, text stays text (phones and 18-digit order numbers never turn into
// 1.38E+10), dates are real Excel dates in the seller's zone, money is numeric yuan,
// and nothing is ever written as a formula. Rows are streamed, so the number of
// customers does not change how much memory an export takes.
package export

import (
	"fmt"

	"shopcrm/data"
	"shopcrm/importer/field"
)

// Sheet names: sheet 1 holds customers, sheet 2 their trades.
const (
	CustomersSheet = "客户"
	TradesSheet    = "交易"
)

// Read-only columns derived from trades by the counting rule. They have no home in
// data.Customer, so the importer ignores them (Layout.Mapping maps them to
// field.Ignore): editing them in Excel changes nothing on re-import.
const (
	StatTrades    field.Key = "stat:trades"     // 交易次数: counting trades
	StatTotal     field.Key = "stat:total"      // 累计金额: total value in yuan
	StatLastTrade field.Key = "stat:last_trade" // 最近交易: time of the last counting trade
)

// IsStat reports whether k is a read-only derived column.
func IsStat(k field.Key) bool {
	return k == StatTrades || k == StatTotal || k == StatLastTrade
}

// PlatformNames are the words written in the 平台 column; the importer maps them back.
// A platform missing here is written as its code.
var PlatformNames = map[data.Platform]string{
	data.PlatformTaobao:  "淘宝",
	data.PlatformTmall:   "天猫",
	data.PlatformJD:      "京东",
	data.PlatformPDD:     "拼多多",
	data.PlatformDouyin:  "抖音",
	data.PlatformShopify: "Shopify",
	data.PlatformOther:   "其他",

	data.PlatformKuaishou:    "快手",
	data.PlatformYouzan:      "有赞",
	data.PlatformWeChat:      "微信小店",
	data.PlatformXiaohongshu: "小红书",
	data.Platform1688:        "1688",
	data.PlatformShopee:      "Shopee",
	data.PlatformLazada:      "Lazada",
	data.PlatformTikTok:      "TikTok Shop",
	data.PlatformWooCommerce: "WooCommerce",
}

// StatusNames are the platform words written in the 订单状态 column. They are the
// words Taobao's own order export uses, so the importer maps them back the same way
// it maps a platform export.
var StatusNames = map[data.TradeStatus]string{
	data.StatusPaid:     "交易成功",
	data.StatusUnpaid:   "等待买家付款",
	data.StatusClosed:   "交易关闭",
	data.StatusRefunded: "退款成功",
}

// Words for the gender and marketing opt-out columns, and the tag separator.
const (
	GenderMale   = "男"
	GenderFemale = "女"
	Yes          = "是"
	No           = "否"
	TagSeparator = ","
)

// Column is one column of a sheet: the header text the seller sees and the field it shows.
type Column struct {
	Header string
	Field  field.Key
}

// Layout is the column order of the customers sheet and of the trades sheet.
type Layout struct {
	Customers []Column
	Trades    []Column
}

// DefaultLayout is the layout for sellers who never imported a sheet. Headers are the
// importer's names for their fields, except where that name is also an alias of
// another field in platform exports: 旺旺 is the buyer's nick there and 收货人 /
// 收货地址 the buyer's name and address, so the wangwang id (旺旺号) and the shipping
// snapshot of a trade (收件人, 收件地址) get headers no other field claims.
func DefaultLayout() Layout {
	return Layout{
		Customers: []Column{
			{"平台", field.Platform},
			{"顾客网名", field.Nick},
			{"真实姓名", field.Name},
			{"性别", field.Gender},
			{"生日", field.Birthday},
			{"农历生日", field.LunarBirthday},
			{"手机", field.Phone},
			{"电子邮箱", field.Email},
			{"微信", field.WeChat},
			{"旺旺号", field.Wangwang},
			{"QQ", field.QQ},
			{"省份", field.Province},
			{"城市", field.City},
			{"收货地址", field.Address},
			{"来源", field.Source},
			{"标签", field.Tags},
			{"备注", field.Note},
			{"不接收营销", field.OptOut},
			{"交易次数", StatTrades},
			{"累计金额", StatTotal},
			{"最近交易", StatLastTrade},
		},
		Trades: []Column{
			{"平台", field.Platform},
			{"订单编号", field.OrderNo},
			{"顾客网名", field.Nick},
			{"真实姓名", field.Name},
			{"手机", field.Phone},
			{"交易时间", field.TradedAt},
			{"订单状态", field.Status},
			{"购买商品", field.Goods},
			{"数量", field.Quantity},
			{"成交价格", field.Amount},
			{"退款金额", field.Refund},
			{"收件人", field.ShipName},
			{"收货电话", field.ShipPhone},
			{"收件地址", field.ShipAddress},
			{"交易备注", field.TradeNote},
		},
	}
}

// WithExtras appends any extra-field headers not yet in the layout (so nothing a seller
// imported is lost). An extra whose header is already taken by another column is left
// out, since two columns with one header would not read back apart. The receiver is
// not changed.
func (l Layout) WithExtras(customerExtras, tradeExtras []string) Layout {
	return Layout{
		Customers: appendExtras(l.Customers, customerExtras),
		Trades:    appendExtras(l.Trades, tradeExtras),
	}
}

func appendExtras(cols []Column, extras []string) []Column {
	out := append([]Column(nil), cols...)
	taken := make(map[string]bool, len(cols)+len(extras))
	for _, c := range cols {
		taken[c.Header] = true
		if h, ok := c.Field.IsExtra(); ok {
			taken[h] = true
		}
	}
	for _, h := range extras {
		if h == "" || taken[h] {
			continue
		}
		taken[h] = true
		out = append(out, Column{Header: h, Field: field.Extra(h)})
	}
	return out
}

// Mapping is the header → field mapping of one sheet of the layout (CustomersSheet or
// TradesSheet), with derived columns mapped to field.Ignore: how the importer reads
// back a workbook written with this layout. It is nil for any other sheet name.
func (l Layout) Mapping(sheet string) map[string]field.Key {
	var cols []Column
	switch sheet {
	case CustomersSheet:
		cols = l.Customers
	case TradesSheet:
		cols = l.Trades
	default:
		return nil
	}
	m := make(map[string]field.Key, len(cols))
	for _, c := range cols {
		k := c.Field
		if IsStat(k) {
			k = field.Ignore
		}
		m[c.Header] = k
	}
	return m
}

// check rejects columns that could not be read back: an empty or repeated header.
func check(sheet string, cols []Column) error {
	seen := make(map[string]bool, len(cols))
	for i, c := range cols {
		if c.Header == "" {
			return fmt.Errorf("export: sheet %s column %d has no header", sheet, i+1)
		}
		if seen[c.Header] {
			return fmt.Errorf("export: sheet %s has header %q twice", sheet, c.Header)
		}
		seen[c.Header] = true
	}
	return nil
}
