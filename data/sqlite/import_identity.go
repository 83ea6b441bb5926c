package sqlite

import (
	"strings"

	"shopcrm/data"
)

// The identity rules of an import (PRODUCT.md, Import, "Who is who"; data/identity.go):
// a row's customer is found by platform + nick, then by full phone, then (for a row
// without a nick) by email or WeChat id. A row with none of these is known only by a
// shared display name or masked values: it belongs to the customer of its trade when
// that trade is stored already (so importing a file again changes nothing), else it
// joins the one customer carrying its name when nothing conflicts, else it makes a new
// customer, listed as a possible duplicate of those who carry the name.

// The identity lookups beyond nick and phone.
const (
	byEmailSQL  = `SELECT id FROM customers WHERE email = ? AND email <> '' ORDER BY id LIMIT 1`
	byAliasSQL  = `SELECT customer_id FROM customer_aliases WHERE platform = ? AND nick = ?`
	byWeChatSQL = `SELECT id FROM customers WHERE wechat = ? AND wechat <> '' ORDER BY id LIMIT 1`
	// byNameSQL finds up to maxAlike customers carrying a name.
	byNameSQL = `SELECT id FROM customers WHERE platform = ? AND name = ? AND name <> '' ORDER BY id LIMIT 5`
	// tradeOwnerSQL is the customer of a stored order (0 for an order without one).
	tradeOwnerSQL = `SELECT coalesce(customer_id, 0) FROM trades WHERE platform = ? AND order_no = ? AND order_no <> ''`
	// keyOwnerSQL is the customer without a nick who has a stored trade without an
	// order number like the row's, and the row's name and (masked) phone.
	keyOwnerSQL = `SELECT t.customer_id FROM trades t JOIN customers c ON c.id = t.customer_id
		WHERE c.platform = ? AND c.name = ? AND c.phone = ? AND c.nick = ''
		  AND t.traded_at = ? AND t.goods = ? AND t.amount_fen = ? AND t.order_no = '' LIMIT 1`
)

// match is the customer a row was found to belong to.
type match struct {
	id int64
	// platform: the customer was found by their nick on platform other (a sheet
	// that did not say its platform) and takes the row's.
	platform data.Platform
	// alike are the customers carrying the name of a row that made a new customer.
	alike []int64
}

// findCustomer finds the row's customer by the identity rules; a zero id means a
// new customer.
func (im *importRun) findCustomer(row *data.ImportRow) (match, error) {
	c := &row.Customer
	if c.Nick != "" {
		id, moveTo, err := im.byNickID(c)
		if err != nil || id != 0 {
			return match{id: id, platform: moveTo}, err
		}
	}
	if id, err := im.byPhoneID(c); err != nil || id != 0 {
		return match{id: id}, err
	}
	if c.Nick != "" || c.HasIdentity() && c.Email == "" && c.WeChat == "" {
		return match{}, nil // a new nick or phone: a new buyer
	}
	for _, k := range []struct{ v, index, query string }{
		{c.Email, "customers_email", byEmailSQL}, {c.WeChat, "customers_wechat", byWeChatSQL},
	} {
		if k.v == "" || data.IsMasked(k.v) {
			continue
		}
		if id, err := im.storedLookup(k.index, k.query, k.v); err != nil || id != 0 {
			return match{id: id}, err
		}
	}
	if c.HasIdentity() {
		return match{}, nil
	}
	if id, err := im.tradeOwner(row); err != nil || id != 0 {
		return match{id: id}, err
	}
	if c.Name == "" {
		return match{}, nil // masked values only: never merged
	}
	return im.byName(c)
}

// byNickID finds the customer with the row's platform and nick. A shop's customer
// sheet and its order sheet merge: when the nick is not on the row's platform, a
// customer with it on platform other (a sheet that named no platform) is the same
// buyer, and so, for a row on platform other, is the one customer with the nick on
// another platform. moveTo is the platform the customer then takes.
func (im *importRun) byNickID(c *data.Customer) (id int64, moveTo data.Platform, err error) {
	if id, err = im.nickOn(c.Platform, c.Nick); err != nil || id != 0 {
		return id, "", err
	}
	if !im.startedEmpty { // a nick merged by hand into another customer (merge.go)
		if id, err = lookupID(im.ctx, im.db, byAliasSQL, c.Platform, c.Nick); err != nil || id != 0 {
			return id, "", err
		}
	}
	var found []int64
	for _, p := range data.Platforms {
		if (p == data.PlatformOther) == (c.Platform == data.PlatformOther) {
			continue
		}
		other, err := im.nickOn(p, c.Nick)
		if err != nil {
			return 0, "", err
		}
		if other != 0 {
			found = append(found, other)
		}
	}
	if len(found) != 1 {
		return 0, "", nil
	}
	if c.Platform != data.PlatformOther {
		moveTo = c.Platform
	}
	return found[0], moveTo, nil
}

// nickOn is the customer with platform p and nick, from the batch's own nicks, then
// the database's.
func (im *importRun) nickOn(p data.Platform, nick string) (int64, error) {
	// In a store that was empty, every nick is one this batch wrote and knows.
	if id := im.byNick[string(p)+"\x00"+nick]; id != 0 || im.startedEmpty {
		return id, nil
	}
	if err := im.needIndex("customers_platform_nick"); err != nil {
		return 0, err
	}
	return lookupID(im.ctx, im.db, byNickSQL, p, nick)
}

// byPhoneID finds the customer with the row's full phone (a row with a nick only
// joins one without a nick). Phone matches depend on what the candidates hold now (a
// nick filled in by an earlier row changes the answer), so they are asked of the
// database, which sees this batch's written rows, then of the queued new customers,
// whose ids come after the stored ones. A store that started empty holds only the
// batch's customers, and the batch's phone index answers for it.
func (im *importRun) byPhoneID(c *data.Customer) (int64, error) {
	if c.Phone == "" || data.IsMaskedPhone(c.Phone) {
		return 0, nil
	}
	if k, indexed := phoneKey(c.Phone); im.phones != nil && indexed {
		return im.phoneMatch(c, k), nil
	}
	if err := im.needIndex("customers_phone"); err != nil {
		return 0, err
	}
	id, err := lookupID(im.ctx, im.db, byPhoneSQL, c.Phone, c.Nick)
	if err != nil || id != 0 {
		return id, err
	}
	return im.pendingMatch(c), nil
}

// storedLookup runs a lookup that must see every customer of the batch: the queued
// ones are written first. Only rows without nick or phone come here.
func (im *importRun) storedLookup(index, query string, args ...any) (int64, error) {
	if err := im.flush(); err != nil {
		return 0, err
	}
	if err := im.needIndex(index); err != nil {
		return 0, err
	}
	return lookupID(im.ctx, im.db, query, args...)
}

// tradeOwner is the customer of the row's trade when it is stored already: by order
// number, or, without one, by time, goods and amount among customers without a nick
// who carry the row's name and phone.
func (im *importRun) tradeOwner(row *data.ImportRow) (int64, error) {
	t, c := row.Trade, &row.Customer
	switch {
	case t == nil || t.TradedAt.IsZero():
		return 0, nil
	case t.OrderNo != "":
		return im.storedLookup("trades_platform_order", tradeOwnerSQL, cmpOr(t.Platform, c.Platform), t.OrderNo)
	case c.Name == "" && c.Phone == "":
		return 0, nil // nothing to find the candidates by
	}
	index := "customers_platform_name"
	if c.Name == "" {
		index = "customers_phone"
	}
	if err := im.needIndex("trades_customer_stats"); err != nil {
		return 0, err
	}
	return im.storedLookup(index, keyOwnerSQL, c.Platform, c.Name, c.Phone,
		formatTime(t.TradedAt), t.Goods, t.AmountFen)
}

func cmpOr(p, q data.Platform) data.Platform {
	if p != "" {
		return p
	}
	return q
}

// byName finds the one customer carrying the row's name when nothing conflicts; else
// the row makes a new customer, alike those who carry the name.
func (im *importRun) byName(c *data.Customer) (match, error) {
	if err := im.flush(); err != nil {
		return match{}, err
	}
	if err := im.needIndex("customers_platform_name"); err != nil {
		return match{}, err
	}
	rows, err := im.db.QueryContext(im.ctx, byNameSQL, c.Platform, c.Name)
	if err != nil {
		return match{}, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return match{}, err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return match{}, err
	}
	rows.Close()
	if len(ids) != 1 {
		return match{alike: ids}, nil
	}
	carrier, err := im.customer(ids[0])
	if err != nil {
		return match{}, err
	}
	if carrier.ConflictsWith(c) {
		return match{alike: ids}, nil
	}
	return match{id: ids[0]}, nil
}

// possibleDuplicate lists a new customer made by a row known only by a name that
// other customers carry.
func (im *importRun) possibleDuplicate(row *data.ImportRow, id int64, alike []int64) {
	im.issue(row, row.Source.Column("name"), data.IssuePossibleDuplicate, row.Customer.Name)
	im.res.Duplicates = append(im.res.Duplicates, data.PossibleDuplicate{
		Sheet: sheetOf(row), Row: row.Row, Name: row.Customer.Name, CustomerID: id, Alike: alike})
}

func sheetOf(row *data.ImportRow) string {
	if row.Source == nil {
		return ""
	}
	return row.Source.Sheet
}

// keepSecondPhone handles a row that names a customer by nick (or email) with another
// full phone than theirs: the customer keeps their phone, the row's is added to their
// other phones and reported, never dropped. It returns the row without that phone.
func (im *importRun) keepSecondPhone(row *data.ImportRow, old *data.Customer) (in *data.Customer, other string) {
	in = &row.Customer
	if in.Phone == "" || old.Phone == "" || in.Phone == old.Phone ||
		data.IsMaskedPhone(in.Phone) || data.IsMaskedPhone(old.Phone) {
		return in, ""
	}
	if strings.Contains("、"+old.Extra[data.ExtraOtherPhones]+"、", "、"+in.Phone+"、") {
		other = "" // known already: nothing to report again
	} else {
		other = in.Phone
		im.issue(row, row.Source.Column("phone"), data.IssueOtherPhone, in.Phone)
	}
	cp := *in
	cp.Phone = ""
	return &cp, other
}
