package ui

import (
	"strings"
	"time"

	"shopcrm/data"
)

// BirthdayFromEntry reads a birthday as the seller types it, solar ("1990-5-1",
// "1990年5月1日", "5月1日") or lunar — with 农历 ticked, or written in lunar words
// ("八月十五", "农历1990-08-15", "腊月初八") — into the stored form, the same way an
// imported sheet's 生日 / 农历生日 columns are read. Text it cannot read comes back as
// typed, for validation to point at.
func BirthdayFromEntry(s string, lunar bool) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", lunar
	}
	if lunar || looksLunar(s) {
		if canon, _, ok := data.ParseLunarBirthday(s); ok {
			return canon, true
		}
		return s, lunar
	}
	if canon, ok := data.ParseBirthday(s, time.Local); ok {
		return canon, false
	}
	return s, false
}

// looksLunar spots words only a lunar date uses.
func looksLunar(s string) bool {
	for _, w := range []string{"农历", "阴历", "旧历", "正月", "冬月", "腊月", "初", "廿", "闰", "十五"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
