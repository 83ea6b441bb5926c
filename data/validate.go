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
const MaxTextLen = 2000

// Validate checks a normalized customer and returns a *ValidationError naming the
// first field that is wrong.
func (c *Customer) Validate() error {
	if p := c.Problems(); len(p) > 0 {
		return p[0]
	}
	return nil
}

// Problems lists every field of a normalized customer that is wrong, in form order,
// so a dialog can mark them all at once.
func (c *Customer) Problems() []*ValidationError {
	var p problems
	add := p.add
	add(!c.Platform.Valid(), "platform", CodeInvalid)
	add(c.Nick == "" && c.Name == "", "nick", CodeRequired)
	add(c.Gender != GenderUnknown && c.Gender != GenderMale && c.Gender != GenderFemale, "gender", CodeInvalid)
	add(c.Birthday != "" && !validBirthday(c.Birthday, c.BirthdayLunar), "birthday", CodeInvalid)
	add(c.Phone != "" && !ValidPhone(c.Phone), "phone", CodeInvalid)
	add(c.Email != "" && !emailShape.MatchString(c.Email), "email", CodeInvalid)
	add(c.QQ != "" && !qqShape.MatchString(c.QQ), "qq", CodeInvalid)
	for _, f := range []struct{ field, v string }{{"nick", c.Nick}, {"name", c.Name}, {"address", c.Address}, {"note", c.Note}} {
		add(utf8.RuneCountInString(f.v) > MaxTextLen, f.field, CodeTooLong)
	}
	return p
}

// problems collects validation errors in the order they are checked.
type problems []*ValidationError

// add records field's problem when bad holds.
func (p *problems) add(bad bool, field, code string) {
	if bad {
		*p = append(*p, &ValidationError{Field: field, Code: code})
	}
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
