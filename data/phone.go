package data

import (
	"regexp"
	"strings"
)

var (
	mobileCN   = regexp.MustCompile(`^1[3-9]\d{9}$`)
	landlineCN = regexp.MustCompile(`^0\d{2,3}-?\d{7,8}(-\d{1,6})?$`)
	intlPhone  = regexp.MustCompile(`^\+\d{6,15}$`)
	maskedCN   = regexp.MustCompile(`^1\d{2}\*{4}\d{4}$|^1\d{2}\*{8}$`) // 138****1234, 182********
	// otherPhone: a foreign number without its country code (Shopify's US buyers).
	// Numbers starting 11–19 are left to mobileCN, so a mistyped mainland mobile (10
	// or 12 digits) and the fill-ins sellers type (11111111, 1122333345) are still
	// caught. No mainland number starts with 10, so one is foreign at any length
	// but 11: an 11-digit number starting with 1 must be a mainland mobile.
	otherPhone = regexp.MustCompile(`^[02-9]\d{6,14}$|^10(\d{5,8}|\d{10,13})$`)
)

// phoneNoise are the characters a phone is written with that carry no digit.
var phoneNoise = strings.NewReplacer(" ", "", "(", "", ")", "", "（", "", "）", "")

// NormalizePhone cleans a phone as sellers type or paste it: spaces, dashes between
// digit groups, a leading apostrophe, a +86 / 0086 prefix and full-width digits go;
// landline area-code dashes stay.
func NormalizePhone(s string) string {
	if s == "" || len(s) == 11 && s[0] == '1' && allDigits(s) {
		return s // empty, or already a clean mainland mobile: the common cases
	}
	s = strings.TrimSpace(toHalfWidth(s))
	s = strings.TrimPrefix(s, "'")
	s = phoneNoise.Replace(s)
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

// ValidPhone reports whether a normalized phone is a mainland mobile, a landline with
// area code, an international +number, a foreign number of 7–15 digits, or a
// platform-masked mobile (138****1234).
func ValidPhone(s string) bool {
	if len(s) == 11 && s[0] == '1' && s[1] >= '3' && allDigits(s) {
		return true
	}
	return mobileCN.MatchString(s) || landlineCN.MatchString(s) || intlPhone.MatchString(s) ||
		maskedCN.MatchString(s) || otherPhone.MatchString(s)
}

// IsMaskedPhone reports whether a phone is a platform-masked one that must never
// overwrite a real number.
func IsMaskedPhone(s string) bool { return strings.Contains(s, "*") }

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

// toHalfWidth folds full-width ASCII (Ａ, １, ＠) to its half-width form.
func toHalfWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\u3000':
			return ' '
		case r >= '！' && r <= '～':
			return r - 0xFEE0
		}
		return r
	}, s)
}
