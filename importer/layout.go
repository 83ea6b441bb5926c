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

// ExportLayout is the layout an export of the whole archive uses, chosen from the
// layouts of the imports still in place (layoutJSON as kept with each batch, newest
// first), the way a seller would expect:
//
//   - the customers sheet takes the columns of the seller's own customer sheet (the
//     newest import with buyers and no orders that is no platform's export, or a
//     re-imported ShopCRM archive), which beats any platform's export;
//   - otherwise each sheet takes the layout of the one kind of sheet the archive came
//     from (every import had the same header);
//   - an archive of mixed sources gets the default Chinese layout.
//
// Every layout is followed by the default columns it lacks and every extra field in
// use, so nothing is lost.
func ExportLayout(layouts []string, customerExtras, tradeExtras []string) export.Layout {
	var own, orders, all []SheetLayout
	for _, js := range layouts {
		var sheets []SheetLayout
		if json.Unmarshal([]byte(js), &sheets) != nil {
			continue
		}
		for _, s := range sheets {
			all = append(all, s)
			switch {
			case isOrderSheet(s):
				orders = append(orders, s)
			case own == nil && detectLayout(s.Headers) == nil:
				own = []SheetLayout{s} // a platform's customer export (Shopify, Youzan …) is not the seller's
			}
		}
	}
	customers := own
	if customers == nil {
		customers = oneSource(all)
	}
	return sellerLayout(customers, oneSource(orders), customerExtras, tradeExtras)
}

// oneSource is the newest of sheets when they all have the same header, else nil.
func oneSource(sheets []SheetLayout) []SheetLayout {
	for _, s := range sheets[min(1, len(sheets)):] {
		if signature(s) != signature(sheets[0]) {
			return nil
		}
	}
	return sheets[:min(1, len(sheets))]
}

// isOrderSheet reports whether a sheet carried trades.
func isOrderSheet(s SheetLayout) bool {
	for _, k := range s.Fields {
		if tradeFields[k] {
			return true
		}
	}
	return false
}

func signature(s SheetLayout) string { return (&Mapping{Headers: s.Headers}).Signature() }

// sellerLayout is an export layout in the seller's own words: the customers sheet
// takes the headers and column order of the buyer columns of customers, the trades
// sheet those of the order columns of trades (with the buyer's identity), each
// followed by the default columns they lack and every extra field in use.
func sellerLayout(customers, trades []SheetLayout, customerExtras, tradeExtras []string) export.Layout {
	def := export.DefaultLayout()
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
	each := func(sheets []SheetLayout, fn func(h string, k field.Key, order bool)) {
		for _, s := range sheets {
			order := isOrderSheet(s)
			for i, k := range s.Fields {
				if i >= len(s.Headers) || k == field.Ignore || k == field.FirstName || k == field.LastName {
					continue
				}
				fn(s.Headers[i], k, order)
			}
		}
	}
	each(customers, func(h string, k field.Key, order bool) {
		_, extra := k.IsExtra()
		if customerFields[k] || extra && !order {
			add(&l.Customers, usedC, headersC, h, k)
		}
	})
	each(trades, func(h string, k field.Key, order bool) {
		_, extra := k.IsExtra()
		identity := false
		for _, id := range identityFields {
			identity = identity || k == id
		}
		if order && (identity || extra || !customerFields[k]) {
			add(&l.Trades, usedT, headersT, h, k)
		}
	})
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
