package data

import (
	"regexp"
	"strings"
)

var (
	mobileCN   = regexp.MustCompile(`^1[3-9]\d{9}$`)
	landlineCN = regexp.MustCompile(`^0\d{2,3}-?\d{7,8}(-\d{1,6})?$`)
	intlPhone  = regexp.MustCompile(`^\+\d{6,15}$`)
	// otherPhone: a foreign number without its country code (Shopify's US buyers).
	// Numbers starting 11–19 are left to mobileCN, so a mistyped mainland mobile (10
	// or 12 digits) and the fill-ins sellers type (11111111, 1122333345) are still
	// caught. No mainland number starts with 10, so one is foreign at any length
	// but 11: an 11-digit number starting with 1 must be a mainland mobile.
	otherPhone = regexp.MustCompile(`^[02-9]\d{6,14}$|^10(\d{5,8}|\d{10,13})$`)
)

// phoneNoise are the characters a phone is written with that carry no digit.
var phoneNoise = strings.NewReplacer(" ", "", "(", "", ")", "", "（", "", "）", "")

// ParsePhone is the phone rule, shared by the customer form, the importer and the CLI:
// it cleans a phone as sellers type or paste it into the form data stores, so that a
// typed number and an imported one compare equal. Spaces, dashes, dots and
// parentheses, a leading apostrophe, +86 / 0086 / 86 prefixes and full-width digits
// go; landline area-code dashes stay ("010-6552-9988" becomes "010-65529988"); an
// extension written 转 becomes a dash. Some foreign shapes are completed:
// "(519) 803-0255" and "1 (839) 379-6918" are North American (+1), "852-72188617" is
// Hong Kong (+852; likewise 853 and 886), a dialled 00 prefix becomes +.
//
// Masked phones from platform exports ("138****1234", "182********") are returned
// compacted with ok=true: they are real input, but IsMaskedPhone marks them so a
// caller never lets one overwrite a real number.
//
// ok=false when s is empty or what is left is not a phone ValidPhone accepts (nor a
// masked one); the cleaned value is still returned then.
func ParsePhone(s string) (phone string, ok bool) {
	if IsMobilePhone(s) { // the usual case: 11 plain digits
		return s, true
	}
	s = strings.TrimSpace(strings.TrimLeft(CleanText(s), "'"))
	if s == "" {
		return "", false
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
	if isLandline(s) { // what normalizePhoneText keeps as it is, without its regexps
		return s, true
	}
	s = strings.ReplaceAll(s, "转", "-") // 010-12345678转123: an extension
	s = strings.ReplaceAll(s, ".", "-")
	s = internationalPrefix(s)
	p := normalizePhoneText(s)
	return p, ValidPhone(p)
}

// NormalizePhone is ParsePhone's cleaned value, for Normalize: whether it is a phone
// at all is Validate's question (ValidPhone).
func NormalizePhone(s string) string {
	p, _ := ParsePhone(s)
	return p
}

// ValidPhone reports whether a normalized phone is a mainland mobile, a landline with
// area code, an international +number, a foreign number of 7–15 digits, or a
// platform-masked number (138****1234, 182********, 1********35, 200********):
// shown, never an identity.
func ValidPhone(s string) bool {
	if len(s) == 11 && s[0] == '1' && s[1] >= '3' && allDigits(s) {
		return true
	}
	return mobileCN.MatchString(s) || landlineCN.MatchString(s) || intlPhone.MatchString(s) ||
		platformMasked(s) || otherPhone.MatchString(s)
}

// platformMasked reports whether s is a number a platform masked: 7–15 digits and
// stars, at least three stars (one is a typo, not a mask) and at least one digit.
func platformMasked(s string) bool {
	if len(s) < 7 || len(s) > 15 || !IsMaskedPhone(s) {
		return false
	}
	stars := strings.Count(s, "*")
	return stars >= 3 && stars < len(s)
}

// IsMobilePhone reports whether s is exactly a mainland mobile number: 1[3-9] and 9 digits.
func IsMobilePhone(s string) bool {
	if len(s) != 11 || s[0] != '1' || s[1] < '3' || s[1] > '9' {
		return false
	}
	return allDigits(s[2:])
}

// normalizePhoneText is ParsePhone's last step for what no shape took: spaces and
// parentheses, dashes between digit groups and a +86 / 0086 prefix go; landline
// area-code dashes stay.
func normalizePhoneText(s string) string {
	if s == "" || len(s) == 11 && s[0] == '1' && allDigits(s) {
		return s // empty, or already a clean mainland mobile: the common cases
	}
	s = phoneNoise.Replace(s) // ParsePhone has cleaned the text and dropped an apostrophe
	if s == "" {
		return ""
	}
	digits := strings.ReplaceAll(s, "-", "")
	switch {
	case strings.HasPrefix(digits, "+86") && len(digits) == 14:
		return digits[3:]
	case strings.HasPrefix(digits, "0086") && len(digits) == 15:
		return digits[4:]
	case strings.HasPrefix(digits, "86") && len(digits) == 13 && digits[2] == '1':
		return digits[2:]
	case mobileCN.MatchString(digits), strings.HasPrefix(digits, "+"):
		return digits
	}
	return s
}
