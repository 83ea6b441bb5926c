package clean

import (
	"strings"

	"shopcrm/data"
)

// Phone cleans a phone cell into the form data.NormalizePhone stores, so an imported
// number and one typed into the customer dialog compare equal. It undoes what
// spreadsheets do to phones: a leading apostrophe ('158…), the ="158…" formula
// wrapper, +86 / 0086 / 86 prefixes, spaces, dashes, dots and parentheses, labels
// ("手机:138…"), a number that lost its text form ("13800138000.0", and
// "1.3800138000E+10" when every digit is still there; "1.3800138E+10" is Lossy and
// rejected). Of several phones in one cell ("138…/139…", "138…，139…") the first is
// kept. Some foreign shapes are completed: "(519) 803-0255" and "1 (839) 379-6918"
// are North American (+1), "852-72188617" is Hong Kong (+852; likewise 853 and 886).
//
// Masked phones from platform exports ("138****1234", "182********") are returned as
// they are with ok=true: they are real input, but IsMasked marks them so the caller
// never lets one overwrite a real number.
//
// ok=false when the cell is empty or what is left is not a phone data.ValidPhone
// accepts (nor a masked one); the caller reports a row problem. The cleaned value is
// still returned then (empty for a Lossy one), to keep as an extra field.
func Phone(s string) (phone string, ok bool) {
	if isMobile(s) { // the usual case: 11 plain digits
		return s, true
	}
	s = firstPhone(s)
	if s == "" {
		return "", false
	}
	if strings.IndexAny(s, "eE") >= 0 {
		if Lossy(s) {
			return "", false
		}
		if n, ok := exactInteger(strings.TrimPrefix(s, "+")); ok {
			s = n
		}
	} else if whole, frac, found := strings.Cut(s, "."); found && frac != "" &&
		strings.Trim(frac, "0") == "" && digitsOnly(whole) && whole != "" && whole[0] != '0' {
		s = whole // 13800138000.0: a number cell written out as text
	}
	if strings.ContainsRune(s, '*') {
		return masked(s)
	}
	if p, ok := nanp(s); ok {
		return p, true
	}
	if p, ok := nanpGroups(s); ok { // before compactMobile: 1-800-223-5465 is no 180… mobile
		return p, true
	}
	if m, ok := compactMobile(s); ok {
		return m, true
	}
	if p, ok := groupedLandline(s); ok {
		return p, true
	}
	if isLandline(s) { // what data.NormalizePhone keeps as it is, without its regexps
		return s, true
	}
	s = strings.ReplaceAll(s, "转", "-") // 010-12345678转123: an extension
	s = strings.ReplaceAll(s, ".", "-")
	s = internationalPrefix(s)
	p := data.NormalizePhone(s)
	return p, data.ValidPhone(p)
}

// IsMasked reports whether a cleaned phone is a platform-masked one ("138****1234",
// "182********"): digits and at least one '*'. A masked phone never overwrites a
// real number and never identifies a customer.
func IsMasked(phone string) bool {
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

// isMobile reports whether s is exactly a mainland mobile number: 1[3-9] and 9 digits.
func isMobile(s string) bool {
	if len(s) != 11 || s[0] != '1' || s[1] < '3' || s[1] > '9' {
		return false
	}
	return digitsOnly(s[2:])
}

// compactMobile finds a mainland mobile written with spaces, dashes, dots or
// parentheses and an optional +86 / 0086 / 86 prefix ("+86 138 0013 8000") without
// the allocations of the general path. It returns what data.NormalizePhone would.
func compactMobile(s string) (string, bool) {
	if isMobile(s) {
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
	if len(digits) != 11 || !isMobile(string(digits)) {
		return "", false
	}
	return string(digits), true
}

// isLandline reports whether s is a mainland landline in the shape data.ValidPhone
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
		if part == "" || !digitsOnly(part) {
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

// firstPhone cleans the cell with Text, strips the text-cell marks Excel leaves
// (leading apostrophes, ="…") and a label, and returns the first of several phones.
func firstPhone(s string) string {
	for {
		part, rest, more := cutPhoneSep(s)
		part = Text(part)
		part = strings.TrimLeft(part, "'")
		if strings.HasPrefix(part, `="`) && strings.HasSuffix(part, `"`) && len(part) >= 3 {
			part = part[2 : len(part)-1]
		}
		part = strings.TrimSpace(strings.Trim(part, `"'`))
		if i := strings.LastIndexByte(part, ':'); i >= 0 && strings.IndexAny(part[:i], "0123456789") < 0 {
			part = strings.TrimSpace(part[i+1:]) // 手机:138…, tel:+1…
		}
		// Two mobiles separated by a space: keep the first.
		if f, _, found := strings.Cut(part, " "); found && isMobile(f) {
			part = f
		}
		if part != "" || !more {
			return part
		}
		s = rest
	}
}

// cutPhoneSep splits s at the first separator between phones.
func cutPhoneSep(s string) (before, after string, found bool) {
	i := strings.IndexAny(s, "/,;|、，；／｜\n\r或")
	if i < 0 {
		return s, "", false
	}
	j := i + 1
	for j < len(s) && s[j] >= 0x80 && s[j] < 0xc0 { // skip the rest of a multi-byte separator
		j++
	}
	return s[:i], s[j:], true
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
	if len(s) < 7 || len(s) > 15 || !IsMasked(s) {
		return s, false
	}
	return s, true
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
// groups ("010-6552-9988", "011-1651-4821") into the form data keeps
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
	if !digitsOnly(digits) {
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
