package clean

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxWhole bounds the integer part of a parsed number to 12 digits (below a trillion
// yuan), so that any amount times any Quantity still fits an int64.
const maxWhole = 12

// maxQuantity bounds one line's count.
const maxQuantity = 1_000_000

var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// Amount parses money into integer fen without floating point: "¥1,280.00", "￥128",
// "128元", "RMB 128", "1280.5", "12.500" (trailing zeros are fine), full-width digits,
// spaces, "-25" and the accounting negative "(12.50)". Thousands separators must sit
// every three digits ("1,2800" and the European "1.280,00" are rejected rather than
// guessed). Excel's E-notation is accepted only when it lost no digits ("1.2E+3" could
// have been 1234 and is rejected, "1.200E+3" is 120000 fen; see Lossy). ok=false on
// garbage, an empty cell, more than two decimals ("12.345") or a trillion yuan or more.
func Amount(s string) (fen int64, ok bool) { return Decimal(s, 2) }

// Decimal is Amount with places decimals instead of two (0 ≤ places ≤ 6): it returns
// the value in units of 10^-places. The importer uses it for unit prices finer than a
// fen ("0.001" in the UCI set) before multiplying by the quantity.
func Decimal(s string, places int) (int64, bool) {
	if places < 0 || places > 6 {
		return 0, false
	}
	if needsText(s) {
		s = Text(s)
	}
	if v, ok := floatArtifact(s, places); ok {
		return v, true
	}
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

// Quantity parses a count: "2", "2.0", "２", "1,000", "3件", "-1" (a return line).
// ok=false on fractions ("2.5"), garbage, an empty cell or more than a million.
func Quantity(s string) (n int, ok bool) {
	if len(s) == 1 && s[0] >= '0' && s[0] <= '9' { // the usual case
		return int(s[0] - '0'), true
	}
	if needsText(s) {
		s = Text(s)
	}
	s = strings.TrimSpace(trimUnit(s))
	neg := false
	if sign, rest, found := cutSign(s); found {
		neg, s = sign, rest
	}
	v, ok := parseFixed(s, 0, maxWhole)
	if !ok || v > maxQuantity {
		return 0, false
	}
	if neg {
		v = -v
	}
	return int(v), true
}

// Lossy reports whether a value is a number Excel turned into E-notation so that it
// lost digits: "1.37359E+14" (a Taobao order number), "1.3800138E+10" (a phone whose
// last digits are unknown). A lossy value must not be used as a key or a phone.
// E-notation that still carries every digit ("1.3800138000E+10") is not lossy.
func Lossy(s string) bool {
	e := strings.IndexAny(s, "eE")
	if e < 0 {
		return false
	}
	if needsText(s) {
		s = Text(s)
		if e = strings.IndexAny(s, "eE"); e < 0 {
			return false
		}
	}
	mant, exp := strings.TrimLeft(s[:e], "'+-"), s[e+1:]
	whole, frac, _ := strings.Cut(mant, ".")
	if whole == "" && frac == "" || !digitsOnly(whole) || !digitsOnly(frac) {
		return false
	}
	exp = strings.TrimPrefix(exp, "+")
	if exp == "" || len(exp) > 4 || !digitsOnly(exp) {
		return false // a negative exponent loses no integer digits
	}
	n := 0
	for i := 0; i < len(exp); i++ {
		n = n*10 + int(exp[i]-'0')
	}
	return n > len(frac)
}

// floatArtifact reads a number cell that xlsx stored as a binary float and that
// reads back with 15–17 significant digits: "133.63999999999999" is 133.64 and
// "2.5499999999999998" is 2.55. Only such renderings (15+ significant digits, no
// trailing zero) within a millionth of a yuan of a value with places decimals are
// read this way; a genuine "12.345" or ".00999999" still fails Amount.
func floatArtifact(s string, places int) (int64, bool) {
	dot := strings.IndexByte(s, '.')
	if dot < 0 || len(s) > 24 {
		return 0, false
	}
	body := strings.TrimPrefix(s, "-")
	digits := strings.TrimLeft(strings.Replace(body, ".", "", 1), "0")
	if len(digits) < 15 || !digitsOnly(digits) || strings.HasSuffix(s, "0") {
		return 0, false
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.Abs(x) >= 1e12 {
		return 0, false
	}
	scale := math.Pow10(places)
	r := math.Round(x * scale)
	if math.Abs(x-r/scale) > 1e-6 {
		return 0, false
	}
	return int64(r), true
}

// parseFixed reads an unsigned decimal ("1,280.50", "12.500", "1.200E+3", ".5") into
// units of 10^-places, exactly, with at most whole digits before the point
// (places+whole ≤ 18). Spaces between digits are ignored.
func parseFixed(s string, places, whole int) (int64, bool) {
	var (
		digits   [18]byte // significant digits, without leading or trailing zeros
		nd       int
		zeros    int // zeros seen since the last non-zero digit
		frac     int // digits after the point
		seen     bool
		point    bool
		group    = -1 // digits since the last thousands comma; -1 before any comma
		lead     int  // digits before the first comma
		exp      int
		hasExp   bool
		expDigit bool
		expNeg   bool
		expAt    int
	)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case hasExp:
			switch {
			case c == '+' || c == '-':
				if i != expAt+1 {
					return 0, false
				}
				expNeg = c == '-'
			case c >= '0' && c <= '9':
				if exp = exp*10 + int(c-'0'); exp > 999 {
					return 0, false
				}
				expDigit = true
			default:
				return 0, false
			}
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
			if !seen || group >= 0 {
				return 0, false
			}
			hasExp, expAt = true, i
		case c == ' ':
			if i+1 >= len(s) || s[i+1] < '0' || s[i+1] > '9' || !seen {
				return 0, false
			}
		default:
			return 0, false
		}
	}
	if !seen || group >= 0 && group != 3 || hasExp && !expDigit {
		return 0, false
	}
	if hasExp && !expNeg && exp > frac {
		return 0, false // Excel dropped digits: see Lossy
	}
	if expNeg {
		exp = -exp
	}
	// value = digits × 10^(exp − frac + trailing zeros)
	scale := exp - frac + zeros + places
	if nd == 0 {
		return 0, true
	}
	if scale < 0 || nd+scale > whole+places {
		return 0, false
	}
	var v int64
	for _, d := range digits[:nd] {
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

// trimUnit drops one trailing counting word ("3件", "2个").
func trimUnit(s string) string {
	r, size := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune("件个只套份瓶盒包袋双张本支台条箱", r) {
		return s[:len(s)-size]
	}
	return s
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
