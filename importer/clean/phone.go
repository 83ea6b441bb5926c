package clean

import (
	"strings"

	"shopcrm/data"
)

// Phone reads a phone cell by data.ParsePhone's rule, first undoing what
// spreadsheets do to phones: the ="158…" formula wrapper, labels ("手机:138…"), a
// number that lost its text form ("13800138000.0", and "1.3800138000E+10" when every
// digit is still there; "1.3800138E+10" is Lossy and rejected). Of several phones in
// one cell ("138…/139…", "138…，139…") the first is kept.
//
// ok=false when the cell is empty or what is left is not a phone data.ParsePhone
// accepts; the caller reports a row problem. The cleaned value is still returned then
// (empty for a Lossy one), to keep as an extra field.
func Phone(s string) (phone string, ok bool) {
	if data.IsMobilePhone(s) { // the usual case: 11 plain digits
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
	return data.ParsePhone(s)
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
		if f, _, found := strings.Cut(part, " "); found && data.IsMobilePhone(f) {
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
