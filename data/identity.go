package data

import "strings"

// Who is who (PRODUCT.md, Import). An identity names one buyer: a platform nick, a
// full phone, an email, a WeChat id (微信号), a Shopify Customer ID (read as the nick).
// A masked value (张**, t**1, 138****5678, 1********35, an address ending ****) is
// never one: it is kept for display, in the extra fields named here for nick and
// name, and never used to merge. A shared display name (a real name, a WeChat
// nickname) is not one either: the import engine lets a row known only by it join a
// customer only when exactly one customer carries it and nothing conflicts.

// Extra fields the import keeps identity values in that have no field of their own.
const (
	// ExtraMaskedNick holds a platform-masked nick (t**1): shown, never an identity.
	ExtraMaskedNick = "网名(脱敏)"
	// ExtraMaskedName holds a platform-masked name (张**).
	ExtraMaskedName = "姓名(脱敏)"
	// ExtraOtherPhones holds the further full phones rows of the same buyer brought
	// (a nick that matched with another phone), separated by "、".
	ExtraOtherPhones = "其他手机"
)

// IsMasked reports whether a value is one a platform masked for privacy: it holds a
// '*' (or a full-width '＊'), as 张**, t**1, 138****5678, 1********35 and addresses
// ending **** do.
func IsMasked(s string) bool { return strings.ContainsAny(s, "*＊") }

// HasIdentity reports whether the customer carries a value that names one buyer: an
// unmasked nick, full phone, email or WeChat id.
func (c *Customer) HasIdentity() bool {
	return c.Nick != "" && !IsMasked(c.Nick) || c.Phone != "" && !IsMasked(c.Phone) ||
		c.Email != "" && !IsMasked(c.Email) || c.WeChat != "" && !IsMasked(c.WeChat)
}

// hideMasked moves a masked nick and name to their extra fields: neither may
// identify the buyer or become their name. A masked phone, email or WeChat id stays
// where it is, shown, and the import never looks a customer up by one.
func (c *Customer) hideMasked() {
	for _, f := range []struct {
		v     *string
		extra string
	}{{&c.Nick, ExtraMaskedNick}, {&c.Name, ExtraMaskedName}} {
		if *f.v == "" || !IsMasked(*f.v) {
			continue
		}
		if c.Extra == nil {
			c.Extra = map[string]string{}
		}
		c.Extra[f.extra] = *f.v
		*f.v = ""
	}
}

// AddOtherPhone keeps a further full phone of the customer in ExtraOtherPhones,
// once; it reports whether it was new.
func (c *Customer) AddOtherPhone(phone string) bool {
	if phone == "" || phone == c.Phone {
		return false
	}
	have := c.Extra[ExtraOtherPhones]
	for _, p := range splitPhones(have) {
		if p == phone {
			return false
		}
	}
	m := make(map[string]string, len(c.Extra)+1)
	for k, v := range c.Extra {
		m[k] = v
	}
	if have != "" {
		have += "、"
	}
	m[ExtraOtherPhones] = have + phone
	c.Extra = m
	return true
}

// ConflictsWith reports whether a row known only by a shared display name (row)
// says something that c contradicts, so the two are different buyers of one name:
// a (masked) phone, nick or name that cannot be c's, another province, city,
// address, gender or birthday.
func (c *Customer) ConflictsWith(row *Customer) bool {
	differ := func(a, b string) bool { return a != "" && b != "" && !MaskFits(a, b) }
	if differ(c.Phone, row.Phone) || differ(c.Province, row.Province) || differ(c.City, row.City) ||
		differ(c.Birthday, row.Birthday) || addressesDiffer(c.Address, row.Address) {
		return true
	}
	if c.Gender != GenderUnknown && row.Gender != GenderUnknown && c.Gender != row.Gender {
		return true
	}
	for _, k := range []string{ExtraMaskedNick, ExtraMaskedName} {
		theirs := c.Extra[k]
		if k == ExtraMaskedNick && c.Nick != "" {
			theirs = c.Nick
		}
		if differ(theirs, row.Extra[k]) {
			return true
		}
	}
	return false
}

// splitPhones lists the phones of ExtraOtherPhones.
func splitPhones(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "、")
}

// MaskFits reports whether two values, either of them masked (138****5678,
// 1********35, 张**), could be the same: as long as each other, and the same
// character wherever both show one.
func MaskFits(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	for i := range ra {
		if !isMaskRune(ra[i]) && !isMaskRune(rb[i]) && ra[i] != rb[i] {
			return false
		}
	}
	return true
}

func isMaskRune(r rune) bool { return r == '*' || r == '＊' }

// addressesDiffer: two addresses, either masked at its end (广东省 湛江市 …街道****),
// differ when the part both show is not the same.
func addressesDiffer(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	shown := func(s string) string {
		if i := strings.IndexAny(s, "*＊"); i >= 0 {
			return s[:i]
		}
		return s
	}
	sa, sb := shown(a), shown(b)
	if sa == a && sb == b {
		return a != b
	}
	return !strings.HasPrefix(sa, sb) && !strings.HasPrefix(sb, sa)
}
