package data

import "strings"

// IsMaskedPhone reports whether a cleaned phone is a platform-masked one ("138****1234",
// "182********"): digits and at least one '*'. A masked phone never overwrites a
// real number and never identifies a customer.
func IsMaskedPhone(phone string) bool {
	stars := 0
	for i := 0; i < len(phone); i++ {
		switch c := phone[i]; {
		case c == '*':
			stars++
		case c < '0' || c > '9':
			return false
		}
	}
	return stars > 0
}

// MaskPhone hides the middle of a phone for lists: 13812345678 → 138****5678.
func MaskPhone(s string) string {
	r := []rune(s)
	if len(r) < 7 || IsMaskedPhone(s) {
		return s
	}
	keepEnd := 4
	keepStart := 3
	if len(r) < 11 {
		keepStart = 2
	}
	return string(r[:keepStart]) + strings.Repeat("*", len(r)-keepStart-keepEnd) + string(r[len(r)-keepEnd:])
}

// masked compacts a masked phone ("138 **** 1234", "+86 138****1234").
func masked(s string) (string, bool) {
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, s)
	for _, p := range [...]string{"+86", "0086", "86"} {
		if strings.HasPrefix(s, p) && len(s)-len(p) == 11 {
			s = s[len(p):]
			break
		}
	}
	if len(s) < 7 || len(s) > 15 || !IsMaskedPhone(s) {
		return s, false
	}
	return s, true
}
