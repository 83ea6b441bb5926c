package data

import "strings"

// The shapes ParsePhone recognizes without regular expressions: it runs on every
// phone cell of large imports.

// compactMobile finds a mainland mobile written with spaces, dashes, dots or
// parentheses and an optional +86 / 0086 / 86 prefix ("+86 138 0013 8000") without
// the allocations of the general path. It returns what normalizePhoneText would.
func compactMobile(s string) (string, bool) {
	if IsMobilePhone(s) {
		return s, true
	}
	var d [16]byte
	n := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			if n == len(d) {
				return "", false
			}
			d[n] = c
			n++
		case c == '+' && i == 0, c == ' ', c == '-', c == '.', c == '(', c == ')':
		default:
			return "", false
		}
	}
	digits := d[:n]
	switch {
	case s[0] == '+' && (n != 13 || string(digits[:2]) != "86"):
		return "", false // another country's number
	case n == 15 && string(digits[:4]) == "0086":
		digits = digits[4:]
	case n == 13 && string(digits[:2]) == "86":
		digits = digits[2:]
	}
	if len(digits) != 11 || !IsMobilePhone(string(digits)) {
		return "", false
	}
	return string(digits), true
}

// isLandline reports whether s is a mainland landline in the shape ValidPhone
// accepts, 0\d{2,3}-?\d{7,8}(-\d{1,6})?, written with digits and dashes only.
func isLandline(s string) bool {
	if len(s) < 10 || s[0] != '0' {
		return false
	}
	parts := [3]string{}
	n := 0
	for rest := s; ; n++ {
		if n == len(parts) {
			return false
		}
		part, after, found := strings.Cut(rest, "-")
		if part == "" || !allDigits(part) {
			return false
		}
		parts[n] = part
		if !found {
			n++
			break
		}
		rest = after
	}
	area, local, ext := parts[0], parts[1], parts[2]
	switch {
	case n == 1:
		return len(area) >= 10 && len(area) <= 12
	case n == 2 && len(area) >= 10 && len(area) <= 12: // 01012345678-123
		return len(local) <= 6
	case n == 2:
		return len(area) >= 3 && len(area) <= 4 && len(local) >= 7 && len(local) <= 8
	}
	return len(area) >= 3 && len(area) <= 4 && len(local) >= 7 && len(local) <= 8 && len(ext) <= 6
}

// nanp recognizes the North American shapes "(519) 803-0255", "1 (839) 379-6918" and
// "+1 (839) 379-6918": a parenthesized area code is never how a Chinese number is
// written with a country code, and it tells the country.
func nanp(s string) (string, bool) {
	rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s, "+"), "1"))
	if len(rest) < 5 || rest[0] != '(' || rest[4] != ')' || rest[1] < '2' || rest[1] > '9' {
		return "", false
	}
	var d [10]byte
	n := 0
	for i := 1; i < len(rest); i++ {
		switch c := rest[i]; {
		case c >= '0' && c <= '9':
			if n == len(d) {
				return "", false
			}
			d[n] = c
			n++
		case c == ')' && i == 4, c == ' ', c == '-', c == '.':
		default:
			return "", false
		}
	}
	if n != 10 {
		return "", false
	}
	return "+1" + string(d[:]), true
}

// nanpGroups recognizes North American numbers written in groups of 3, 3 and 4
// digits ("800-223-5465", "626.551.6982", "1-800-223-5465", "+1 800 223 5465"). Area
// code and exchange start with 2–9, so no mainland number (mobiles start with 1,
// landlines with 0) is taken for one.
func nanpGroups(s string) (string, bool) {
	s = strings.TrimPrefix(s, "+")
	var d [11]byte
	var groups [4]int
	n, ng, in := 0, 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			if !in {
				if ng == len(groups) {
					return "", false
				}
				ng, in = ng+1, true
			}
			if n == len(d) {
				return "", false
			}
			d[n], n = c, n+1
			groups[ng-1]++
		case c == '-' || c == ' ' || c == '.':
			in = false
		default:
			return "", false
		}
	}
	g, digits := groups[:ng], d[:n]
	if ng == 4 && g[0] == 1 && digits[0] == '1' {
		g, digits = g[1:], digits[1:]
	}
	if len(g) != 3 || g[0] != 3 || g[1] != 3 || g[2] != 4 || digits[0] < '2' || digits[3] < '2' {
		return "", false
	}
	return "+1" + string(digits), true
}

// groupedLandline joins a landline whose local number is written in two dashed
// groups ("010-6552-9988", "011-1651-4821") into the form ValidPhone
// keeps
// ("010-65529988").
func groupedLandline(s string) (string, bool) {
	g := strings.Split(s, "-")
	if len(g) != 3 || len(g[1]) < 3 || len(g[1]) > 4 || len(g[2]) != 4 {
		return "", false
	}
	p := g[0] + "-" + g[1] + g[2]
	return p, isLandline(p)
}

// internationalPrefix turns the dialled international prefix 00 and the bare Hong
// Kong, Macau and Taiwan country codes (as Taobao writes them: "852-72188617") into
// a +number.
func internationalPrefix(s string) string {
	if strings.HasPrefix(s, "+") {
		return s
	}
	digits := strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return r
		case r == ' ' || r == '-' || r == '(' || r == ')':
			return -1
		}
		return 'x'
	}, s)
	if !allDigits(digits) {
		return s
	}
	switch {
	case strings.HasPrefix(digits, "00") && len(digits) >= 9:
		return "+" + digits[2:]
	case (strings.HasPrefix(digits, "852") || strings.HasPrefix(digits, "853")) && len(digits) == 11,
		strings.HasPrefix(digits, "886") && len(digits) == 12:
		return "+" + digits
	}
	return s
}
