package data

import (
	"strings"
	"unicode/utf8"
)

// maxQuantity bounds one line's count.
const maxQuantity = 1_000_000

// ParseQuantity is the count rule: it reads: "2", "2.0", "２", "1,000", "3件", "-1" (a return line).
// ok=false on fractions ("2.5"), garbage, an empty cell or more than a million.
func ParseQuantity(s string) (n int, ok bool) {
	if len(s) == 1 && s[0] >= '0' && s[0] <= '9' { // the usual case
		return int(s[0] - '0'), true
	}
	s = CleanText(s)
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

// trimUnit drops one trailing counting word ("3件", "2个").
func trimUnit(s string) string {
	r, size := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune("件个只套份瓶盒包袋双张本支台条箱", r) {
		return s[:len(s)-size]
	}
	return s
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
