package data

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

var (
	emailShape = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
	qqShape    = regexp.MustCompile(`^[1-9]\d{4,11}$`)
)

// maxTextLen bounds free text so a pasted novel cannot bloat the archive.
const maxTextLen = 2000

// Validate checks a normalized customer and returns a *ValidationError naming the
// first field that is wrong.
func (c *Customer) Validate() error {
	if c.Nick == "" && c.Name == "" {
		return invalid("nick", CodeRequired)
	}
	if !c.Platform.Valid() {
		return invalid("platform", CodeInvalid)
	}
	switch c.Gender {
	case GenderUnknown, GenderMale, GenderFemale:
	default:
		return invalid("gender", CodeInvalid)
	}
	if c.Phone != "" && !ValidPhone(c.Phone) {
		return invalid("phone", CodeInvalid)
	}
	if c.Email != "" && !emailShape.MatchString(c.Email) {
		return invalid("email", CodeInvalid)
	}
	if c.QQ != "" && !qqShape.MatchString(c.QQ) {
		return invalid("qq", CodeInvalid)
	}
	if c.Birthday != "" && !validBirthday(c.Birthday, c.BirthdayLunar) {
		return invalid("birthday", CodeInvalid)
	}
	for field, v := range map[string]string{"nick": c.Nick, "name": c.Name, "address": c.Address, "note": c.Note} {
		if utf8.RuneCountInString(v) > maxTextLen {
			return invalid(field, CodeTooLong)
		}
	}
	return nil
}

// validBirthday accepts "YYYY-MM-DD" (a real date, Feb 29 only in leap years) or
// "MM-DD" (year unknown, Feb 29 allowed). Lunar dates have months 1–12 and days 1–30.
func validBirthday(s string, lunar bool) bool {
	parts := strings.Split(s, "-")
	year := 0
	switch len(parts) {
	case 2:
	case 3:
		y, err := strconv.Atoi(parts[0])
		if err != nil || len(parts[0]) != 4 || y < 1900 || y > 2100 {
			return false
		}
		year = y
		parts = parts[1:]
	default:
		return false
	}
	m, err1 := strconv.Atoi(parts[0])
	d, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || len(parts[0]) != 2 || len(parts[1]) != 2 || m < 1 || m > 12 || d < 1 {
		return false
	}
	if lunar {
		return d <= 30
	}
	if year == 0 {
		year = 2000 // a leap year: Feb 29 is a real birthday
	}
	t := time.Date(year, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Month() == time.Month(m) && t.Day() == d
}
