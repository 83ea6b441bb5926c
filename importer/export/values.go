package export

import (
	"strings"
	"time"

	"shopcrm/data"
	"shopcrm/importer/field"
)

// A cell value is one of: nil (no cell), string (a text cell), int (an integer),
// yuan (money), dateTime (an instant, shown in the seller's zone) or dateOnly (a
// calendar date, shown as is).
type (
	yuan     int64 // fen, written as numeric yuan
	dateTime time.Time
	dateOnly time.Time
)

// platformName is the 平台 word for p.
func platformName(p data.Platform) string {
	if s, ok := PlatformNames[p]; ok {
		return s
	}
	return string(p)
}

// statusName is the 订单状态 word for s.
func statusName(s data.TradeStatus) string {
	if w, ok := StatusNames[s]; ok {
		return w
	}
	return string(s)
}

// customerValue is what column k shows for c. Keys with no customer value (trade
// fields, field.LastName) give an empty cell.
func customerValue(c *data.Customer, k field.Key) any {
	switch k {
	case field.Platform:
		return platformName(c.Platform)
	case field.Nick:
		return c.Nick
	case field.Name, field.FirstName:
		// A Shopify layout splits the name; the importer joins first and last
		// name again, so the whole name goes in the first and the last stays empty.
		return c.Name
	case field.Gender:
		switch c.Gender {
		case data.GenderMale:
			return GenderMale
		case data.GenderFemale:
			return GenderFemale
		}
		return nil
	case field.Birthday:
		if c.BirthdayLunar {
			return nil
		}
		return birthday(c.Birthday)
	case field.LunarBirthday:
		if !c.BirthdayLunar {
			return nil
		}
		return c.Birthday
	case field.Phone:
		return c.Phone
	case field.Email:
		return c.Email
	case field.WeChat:
		return c.WeChat
	case field.Wangwang:
		return c.Wangwang
	case field.QQ:
		return c.QQ
	case field.Province:
		return c.Province
	case field.City:
		return c.City
	case field.Address:
		return c.Address
	case field.Source:
		return c.Source
	case field.Tags:
		return strings.Join(c.Tags, TagSeparator)
	case field.Note:
		return c.Note
	case field.OptOut:
		if c.MarketingOptOut {
			return Yes
		}
		return No
	case StatTrades:
		return c.Stats.TradeCount
	case StatTotal:
		return yuan(c.Stats.TotalFen)
	case StatLastTrade:
		return dateTime(c.Stats.LastTrade)
	}
	if h, ok := k.IsExtra(); ok {
		return c.Extra[h]
	}
	return nil
}

// birthday writes a full solar date as a date cell and anything else ("MM-DD", or a
// string that is not a real date) as the text it is.
func birthday(s string) any {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil || d.Format(time.DateOnly) != s {
		return s
	}
	return dateOnly(d)
}

// tradeColumns says which time columns a trade layout has, because an unpaid order
// has no pay time unless the pay time is the only time column the seller keeps.
type tradeColumns struct {
	otherTime bool // a creation time or plain trade time column besides 订单付款时间
}

func newTradeColumns(cols []Column) tradeColumns {
	var tc tradeColumns
	for _, c := range cols {
		tc.otherTime = tc.otherTime || c.Field == field.CreatedAt || c.Field == field.TradedAt
	}
	return tc
}

// tradeValue is what column k shows for t. Customer fields (nick, name, phone, the
// whole classic archive row) come from the owner, so the row re-imports to the right
// customer. An extra column shows the trade's own extra field only: the importer keeps
// extras of an order sheet on the trade, so writing the owner's there would add them.
func (tc tradeColumns) tradeValue(t *data.Trade, owner *data.Customer, k field.Key) any {
	switch k {
	case field.Platform:
		p := t.Platform
		if p == "" && owner != nil {
			p = owner.Platform
		}
		return platformName(p)
	case field.OrderNo:
		return t.OrderNo
	case field.TradedAt, field.CreatedAt:
		return dateTime(t.TradedAt)
	case field.PaidAt:
		if t.Status == data.StatusUnpaid && tc.otherTime {
			return nil
		}
		return dateTime(t.TradedAt)
	case field.Status:
		return statusName(t.Status)
	case field.Goods:
		return t.Goods
	case field.Quantity:
		return t.Quantity
	case field.Amount:
		return yuan(t.AmountFen)
	case field.UnitPrice:
		// Only an exact unit price: the importer multiplies it back by the quantity.
		if t.Quantity > 0 && t.AmountFen%int64(t.Quantity) == 0 {
			return yuan(t.AmountFen / int64(t.Quantity))
		}
		return nil
	case field.Refund:
		if t.RefundFen == 0 {
			return nil
		}
		return yuan(t.RefundFen)
	case field.ShipName:
		return t.ShipName
	case field.ShipPhone:
		return t.ShipPhone
	case field.ShipAddress:
		return t.ShipAddress
	case field.TradeNote:
		return t.Note
	}
	if h, ok := k.IsExtra(); ok {
		return t.Extra[h]
	}
	if owner == nil {
		return nil
	}
	return customerValue(owner, k)
}
