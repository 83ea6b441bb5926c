package data

import "strings"

// Currency is the archive's one money unit, an ISO 4217 code ("CNY", "USD", "GBP").
// The archive keeps it under SettingCurrency: detected on the first import from a
// Currency column (or a header suffix such as "Total (USD)"), or chosen by the seller;
// CNY until then. Amounts are fen (hundredths) in every currency; amounts of different
// currencies are never added together (a file in another currency is flagged in the
// import preview).
type Currency string

// DefaultCurrency is the archive's currency until an import or the seller sets one.
const DefaultCurrency Currency = "CNY"

// SettingCurrency is the settings key of the archive's currency (an ISO code).
const SettingCurrency = "currency"

// currencies lists the codes a seller meets, each with its symbol and the spellings a
// sheet uses for it.
var currencies = []struct {
	code    Currency
	symbol  string
	aliases []string
}{
	{"CNY", "¥", []string{"RMB", "CNY", "人民币", "元", "¥", "￥", "CN¥"}},
	{"USD", "$", []string{"USD", "US$", "美元", "$"}},
	{"GBP", "£", []string{"GBP", "£", "英镑"}},
	{"EUR", "€", []string{"EUR", "€", "欧元"}},
	{"HKD", "HK$", []string{"HKD", "HK$", "港币", "港元"}},
	{"TWD", "NT$", []string{"TWD", "NT$", "新台币"}},
	{"JPY", "JP¥", []string{"JPY", "日元", "円"}},
	{"KRW", "₩", []string{"KRW", "₩", "韩元"}},
	{"SGD", "S$", []string{"SGD", "S$", "新加坡元"}},
	{"MYR", "RM", []string{"MYR", "RM", "马来西亚林吉特"}},
	{"THB", "฿", []string{"THB", "฿", "泰铢"}},
	{"VND", "₫", []string{"VND", "₫", "越南盾"}},
	{"IDR", "Rp", []string{"IDR", "RP", "印尼盾"}},
	{"PHP", "₱", []string{"PHP", "₱", "菲律宾比索"}},
	{"AUD", "A$", []string{"AUD", "A$", "澳元"}},
	{"CAD", "C$", []string{"CAD", "C$", "加元"}},
}

// ParseCurrency reads a Currency column's value or a header's suffix ("usd", "US$",
// "人民币", "¥") as a currency. ok=false when the text names none it knows; a bare "$"
// is read as USD.
func ParseCurrency(s string) (Currency, bool) {
	s = strings.ToUpper(CleanText(s))
	if s == "" {
		return "", false
	}
	for _, c := range currencies {
		for _, a := range c.aliases {
			if s == strings.ToUpper(a) {
				return c.code, true
			}
		}
	}
	return "", false
}

// OrDefault is c, or DefaultCurrency when c is empty (an archive that never set one).
func (c Currency) OrDefault() Currency {
	if c == "" {
		return DefaultCurrency
	}
	return c
}

// Symbol is the currency's mark, for an amount or a unit label: "¥" for CNY, "£" for
// GBP, and the code itself ("CHF") for one without a known mark.
func (c Currency) Symbol() string {
	c = c.OrDefault()
	for _, k := range currencies {
		if k.code == c {
			return k.symbol
		}
	}
	return string(c)
}

// Format shows fen with the currency's symbol: CNY 12345 → "¥123.45", GBP -5 →
// "-£0.05", CHF 250 → "CHF 2.50" (a code is set apart from the digits by a space).
func (c Currency) Format(fen int64) string {
	mark := c.Symbol()
	if mark == string(c.OrDefault()) {
		mark += " "
	}
	s := FormatYuan(fen)
	if strings.HasPrefix(s, "-") {
		return "-" + mark + s[1:]
	}
	return mark + s
}
