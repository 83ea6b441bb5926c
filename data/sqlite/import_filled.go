package sqlite

import "shopcrm/data"

// A buyer's later rows in one sheet mostly repeat what their first row said. Within a
// batch such a row only fills a customer's gaps, so the import keeps, per customer it
// has written, which fields are filled: a row that brings nothing for an empty field
// leaves the customer as they are, without reading them back.

// importShortcuts turns on what an import knows without asking the database (the
// filled fields here, and that a store which started empty has no other nicks);
// tests turn it off to compare with asking every time.
var importShortcuts = true

// filledMask has one bit per merged field of a customer.
type filledMask uint16

const (
	filledNick  filledMask = 1 << 0           // textFields' first
	filledPhone filledMask = 1 << (iota + 11) // a real (unmasked) phone
	filledGender
	filledOptOut
)

// textFields are the customer's fields that merge like text, in filledMask bit order:
// a row's non-empty value replaces the stored one (or, filling gaps, only an empty
// one). The birthday, last, carries its calendar along (mergeCustomer). Merging,
// filling gaps and the filled masks all walk this one list.
func textFields(c *data.Customer) [12]*string {
	return [12]*string{&c.Nick, &c.Name, &c.Email, &c.WeChat, &c.Wangwang, &c.QQ, &c.Province, &c.City,
		&c.Address, &c.Source, &c.Note, &c.Birthday}
}

// textMask has the bits of c's non-empty textFields.
func textMask(c *data.Customer) filledMask {
	var m filledMask
	for i, v := range textFields(c) {
		if *v != "" {
			m |= 1 << i
		}
	}
	return m
}

// filled is the mask of c's non-empty fields; of a phone, only a real one counts,
// since a masked phone can still be replaced.
func filled(c *data.Customer) filledMask {
	m := textMask(c)
	if c.Phone != "" && !data.IsMaskedPhone(c.Phone) {
		m |= filledPhone
	}
	if c.Gender != data.GenderUnknown {
		m |= filledGender
	}
	if c.MarketingOptOut {
		m |= filledOptOut
	}
	return m
}

// bringsNothing reports whether merging row into a customer of this batch, whose
// filled fields are have, only fills fields that are already filled: then
// mergeCustomer(…, fillOnly) would change nothing. Tags and extra fields are not
// tracked: a row with any is merged the long way.
func bringsNothing(row *data.Customer, have filledMask) bool {
	if len(row.Tags) > 0 || len(row.Extra) > 0 {
		return false
	}
	m := textMask(row)
	if row.Phone != "" {
		m |= filledPhone
	}
	if row.Gender != data.GenderUnknown {
		m |= filledGender
	}
	if row.MarketingOptOut {
		m |= filledOptOut
	}
	return m&^have == 0
}
