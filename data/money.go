package data

import (
	"fmt"
	"strings"
)

// maxWhole bounds the integer part of a parsed number to 12 digits (below a trillion
// yuan), so that any amount times any quantity still fits an int64.
const maxWhole = 12

var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// FormatYuan shows fen as yuan with two decimals: 12345 → "123.45", -5 → "-0.05".
func FormatYuan(fen int64) string {
	sign := ""
	if fen < 0 {
		sign = "-"
		fen = -fen
	}
	return fmt.Sprintf("%s%d.%02d", sign, fen/100, fen%100)
}

// ParseYuan is the amount rule of ParseDecimal with two places, for a form: it reads
// an amount into fen and says which field is wrong when it cannot.
func ParseYuan(s string) (int64, error) {
	fen, ok := ParseDecimal(s, 2)
	if !ok {
		return 0, Invalid("amount", CodeInvalid)
	}
	return fen, nil
}

// ParseDecimal is the money rule, shared by the forms, the importer and the CLI: it
// reads an amount into units of 10^-places (0 ≤ places ≤ 6; 2 gives fen) without
// floating point: "¥1,280.00", "￥128", "128元", "RMB 128", "1280.5", "12.500" (trailing
// zeros are fine), full-width digits, spaces, "-25" and the accounting negative
// "(12.50)". Thousands separators must sit every three digits ("1,2800" and the
// European "1.280,00" are rejected rather than guessed). E-notation is accepted only
// when it lost no digits ("1.2E+3" could have been 1234 and is rejected, "1.200E+3"
// is 120000 fen). ok=false on garbage, an empty value, more decimals than places
// ("12.345") or a trillion yuan or more. The importer uses more places for unit
// prices finer than a fen ("0.001" in the UCI set) before multiplying by the quantity.
func ParseDecimal(s string, places int) (int64, bool) {
	if places < 0 || places > 6 {
		return 0, false
	}
	s = CleanText(s)
	if s != "" && isDigit(s[0]) && isDigit(s[len(s)-1]) { // no sign, no currency: most cells
		return parseFixed(s, places, maxWhole)
	}
	neg, signed := false, false
	for range 3 { // "-¥25", "¥-25", "(¥25)", "25元": peel one sign and the marks in any order
		s = stripCurrency(s)
		if signed {
			break
		}
		if len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
			neg, signed, s = true, true, s[1:len(s)-1]
			continue
		}
		if sign, rest, found := cutSign(s); found {
			neg, signed, s = sign, true, rest
			continue
		}
		break
	}
	v, ok := parseFixed(s, places, maxWhole)
	if !ok {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

// parseFixed reads an unsigned decimal ("1,280.50", "12.500", "1.200E+3", ".5") into
// units of 10^-places, exactly, with at most whole digits before the point
// (places+whole ≤ 18). Spaces between digits are ignored.
func parseFixed(s string, places, whole int) (int64, bool) {
	var (
		digits [18]byte // significant digits, without leading or trailing zeros
		nd     int
		zeros  int // zeros seen since the last non-zero digit
		frac   int // digits after the point
		seen   bool
		point  bool
		group  = -1 // digits since the last thousands comma; -1 before any comma
		lead   int  // digits before the first comma
		exp    int
	)
scan:
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			seen = true
			if point {
				frac++
			} else if group >= 0 {
				group++
			} else {
				lead++
			}
			if c == '0' {
				zeros++
				continue
			}
			if nd == 0 {
				zeros = 0 // leading zeros carry no value
			}
			if nd+zeros >= len(digits) {
				return 0, false
			}
			for ; zeros > 0; zeros-- {
				digits[nd] = '0'
				nd++
			}
			digits[nd] = c
			nd++
		case c == ',':
			if point || !seen || group == 0 || group > 0 && group != 3 || group < 0 && lead > 3 {
				return 0, false
			}
			group = 0
		case c == '.':
			if point || group >= 0 && group != 3 {
				return 0, false
			}
			point = true
		case c == 'e' || c == 'E':
			var ok bool
			if exp, ok = parseExponent(s[i+1:]); !seen || group >= 0 || !ok {
				return 0, false
			}
			break scan
		case c == ' ':
			if i+1 >= len(s) || s[i+1] < '0' || s[i+1] > '9' || !seen {
				return 0, false
			}
		default:
			return 0, false
		}
	}
	if !seen || group >= 0 && group != 3 || exp > frac {
		return 0, false // exp > frac: the number lost digits to E-notation
	}
	// value = digits × 10^(exp − frac + trailing zeros)
	return fixedValue(digits[:nd], exp-frac+zeros+places, whole+places)
}

// parseExponent reads the exponent after an E: an optional sign and digits, at most
// 999.
func parseExponent(s string) (int, bool) {
	neg := strings.HasPrefix(s, "-")
	if neg || strings.HasPrefix(s, "+") {
		s = s[1:]
	}
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		if n = n*10 + int(s[i]-'0'); n > 999 {
			return 0, false
		}
	}
	if neg {
		n = -n
	}
	return n, true
}

// fixedValue is the number digits × 10^scale, false when it has more than limit
// digits or a fraction left.
func fixedValue(digits []byte, scale, limit int) (int64, bool) {
	if len(digits) == 0 {
		return 0, true
	}
	if scale < 0 || len(digits)+scale > limit {
		return 0, false
	}
	var v int64
	for _, d := range digits {
		v = v*10 + int64(d-'0')
	}
	return v * pow10[scale], true
}

// stripCurrency removes spaces and currency marks at both ends.
func stripCurrency(s string) string {
	for {
		t := strings.TrimSpace(s)
		for _, p := range [...]string{"¥", "￥", "US$", "HK$", "$", "RMB", "CNY", "rmb"} {
			t = strings.TrimPrefix(t, p)
		}
		for _, p := range [...]string{"元", "¥", "￥", "RMB", "CNY", "rmb"} {
			t = strings.TrimSuffix(t, p)
		}
		t = strings.TrimSpace(t)
		if t == s {
			return s
		}
		s = t
	}
}

// cutSign removes one leading sign: '-', '+' or the minus sign U+2212.
func cutSign(s string) (neg bool, rest string, found bool) {
	switch {
	case strings.HasPrefix(s, "-"):
		return true, s[1:], true
	case strings.HasPrefix(s, "+"):
		return false, s[1:], true
	case strings.HasPrefix(s, "−"):
		return true, s[len("−"):], true
	}
	return false, s, false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
