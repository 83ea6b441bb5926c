package importer

import (
	"encoding/json"

	"shopcrm/importer/export"
	"shopcrm/importer/field"
)

// customerFields are the fields that belong on the customers sheet of an export.
var customerFields = map[field.Key]bool{
	field.Platform: true, field.Nick: true, field.Name: true, field.Gender: true, field.Birthday: true,
	field.LunarBirthday: true, field.Phone: true, field.Email: true, field.WeChat: true, field.Wangwang: true,
	field.QQ: true, field.Province: true, field.City: true, field.Address: true, field.Source: true,
	field.Tags: true, field.Note: true, field.OptOut: true,
}

// identityFields tell a trades sheet whose trade each row is.
var identityFields = []field.Key{field.Platform, field.Nick, field.Name, field.Phone}

// SellerLayout is the export layout in the seller's own words: the headers and column
// order of the sheets they imported (layoutJSON as kept with the import batch), buyer
// columns on the customers sheet and order columns on the trades sheet, followed by
// the default columns their sheet lacked and every extra field in use, so nothing is
// lost. An empty or unreadable layout gives the default layout.
func SellerLayout(layoutJSON string, customerExtras, tradeExtras []string) export.Layout {
	def := export.DefaultLayout()
	var sheets []SheetLayout
	if json.Unmarshal([]byte(layoutJSON), &sheets) != nil || len(sheets) == 0 {
		return def.WithExtras(customerExtras, tradeExtras)
	}
	var l export.Layout
	usedC, usedT := map[field.Key]bool{}, map[field.Key]bool{}
	headersC, headersT := map[string]bool{}, map[string]bool{}
	add := func(cols *[]export.Column, used map[field.Key]bool, headers map[string]bool, h string, k field.Key) {
		if h == "" || used[k] || headers[h] {
			return
		}
		used[k], headers[h] = true, true
		*cols = append(*cols, export.Column{Header: h, Field: k})
	}
	isTrade := func(k field.Key) bool { _, extra := k.IsExtra(); return !customerFields[k] && !extra }
	for _, s := range sheets {
		order := false
		for _, k := range s.Fields {
			order = order || tradeFields[k]
		}
		for i, k := range s.Fields {
			if i >= len(s.Headers) || k == field.Ignore || k == field.FirstName || k == field.LastName {
				continue
			}
			h := s.Headers[i]
			_, extra := k.IsExtra()
			switch {
			case customerFields[k]:
				add(&l.Customers, usedC, headersC, h, k)
				for _, id := range identityFields {
					if k == id && order {
						add(&l.Trades, usedT, headersT, h, k)
					}
				}
			case extra && order:
				add(&l.Trades, usedT, headersT, h, k)
			case extra:
				add(&l.Customers, usedC, headersC, h, k)
			case isTrade(k):
				add(&l.Trades, usedT, headersT, h, k)
			}
		}
	}
	for _, c := range def.Customers {
		add(&l.Customers, usedC, headersC, c.Header, c.Field)
	}
	for _, c := range def.Trades {
		if c.Field == field.TradedAt && (usedT[field.PaidAt] || usedT[field.CreatedAt]) {
			continue // the seller's own time columns carry the trade time
		}
		add(&l.Trades, usedT, headersT, c.Header, c.Field)
	}
	return l.WithExtras(customerExtras, tradeExtras)
}
