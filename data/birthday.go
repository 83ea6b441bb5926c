package data

import (
	"strings"
	"time"
)

// Birthday years Customer accepts.
const (
	minBirthYear = 1900
	maxBirthYear = 2100
)

// ParseBirthday is the birthday rule: it returns the canonical Customer birthday: "YYYY-MM-DD", or "MM-DD" when
// the sheet gives no year. It reads every full date ParseTime reads ("1990-05-01",
// "1990/5/1", "1990年5月1日", "19900501", a date-time) and month
// and day alone ("5月1日", "05-01", "5/1", read month first like ParseTime). A date-time
// with an offset ("1990-04-30T16:00:00Z", how some systems write local midnight) is
// taken as the calendar day it is in loc. Feb 29 without a year is accepted.
// ok=false for an empty cell, garbage, or a year outside 1900–2100.
func ParseBirthday(s string, loc *time.Location) (string, bool) {
	if w, ok := parseWhen(s, false); ok {
		y, m, d := w.y, w.mo, w.d
		if w.hasOffset {
			t, ok := w.time(loc)
			if !ok {
				return "", false
			}
			y, m, d = t.Year(), int(t.Month()), t.Day()
		}
		if y < minBirthYear || y > maxBirthYear {
			return "", false
		}
		return formatYMD(y, m, d), true
	}
	s = CleanText(s)
	p := dateScanner{s: s}
	m, nm := p.number()
	if nm < 1 || nm > 2 {
		return "", false
	}
	cn := p.lit("月")
	sep := byte(0)
	if !cn {
		if sep = p.sep(); sep == 0 {
			return "", false
		}
	}
	d, nd := p.number()
	if cn && !p.lit("日") {
		p.lit("号")
	}
	if nd < 1 || nd > 2 || !p.done() {
		return "", false
	}
	if m > 12 && sep != 0 {
		m, d = d, m // 13/5 can only be day first
	}
	if m < 1 || m > 12 || d < 1 || d > daysIn(2000, m) {
		return "", false
	}
	return formatYMD(0, m, d), true
}

// ParseLunarBirthday is the lunar birthday rule: it parses a lunar (农历) birthday into the canonical "MM-DD" or
// "YYYY-MM-DD" of lunar month and day numbers (month 1–12, day 1–30) and whether the
// month is a leap month (闰月). It reads Chinese month and day names ("八月十五",
// "农历八月十五", "正月初一", "腊月初八", "冬月廿三", "闰四月初五", "1990年八月十五") and
// numbers ("08-15", "8-15", "8月15日", "农历1990-08-15"); the markers 农历, 阴历 and
// 旧历 may stand anywhere, and 润 is taken for the common misspelling of 闰.
// Whether the year really has that leap month is not checked here.
func ParseLunarBirthday(s string) (canon string, leap bool, ok bool) {
	s = CleanText(s)
	for _, mark := range [...]string{"农历", "阴历", "旧历", "(", ")", ":", " "} {
		if strings.Contains(s, mark) {
			s = strings.ReplaceAll(s, mark, "")
		}
	}
	s = strings.TrimSuffix(strings.TrimSuffix(s, "生日"), "生")
	p := dateScanner{s: s}
	y := 0
	if v, n := p.number(); n == 4 {
		if !p.lit("年") && p.sep() == 0 {
			return "", false, false
		}
		y = v
	} else if n != 0 {
		p.i = 0 // the number was the month
	}
	leap = p.lit("闰") || p.lit("润")
	m, sep := 0, byte(0)
	if v, n := p.number(); n > 0 {
		if n > 2 {
			return "", false, false
		}
		m = v
		if !p.lit("月") {
			if sep = p.sep(); sep == 0 {
				return "", false, false
			}
		}
	} else {
		if m = p.lunarMonth(); m == 0 || !p.lit("月") {
			return "", false, false
		}
	}
	d := 0
	if v, n := p.number(); n > 0 {
		if n > 2 {
			return "", false, false
		}
		d = v
	} else if d = p.lunarDay(); d == 0 {
		return "", false, false
	}
	if !p.lit("日") {
		p.lit("号")
	}
	if !p.done() || m < 1 || m > 12 || d < 1 || d > 30 ||
		y != 0 && (y < minBirthYear || y > maxBirthYear) {
		return "", false, false
	}
	return formatYMD(y, m, d), leap, true
}

// Chinese numerals 一 … 十.
var cnDigits = [...]string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// cnDigit reads one of 一 … 十 and returns 1 … 10 (0 when none).
func (p *dateScanner) cnDigit() int {
	for i, c := range cnDigits {
		if p.lit(c) {
			return i + 1
		}
	}
	return 0
}

// lunarMonth reads a lunar month name before 月: 正/元 (1), 一 … 十, 十一/冬 (11),
// 十二/腊 (12).
func (p *dateScanner) lunarMonth() int {
	switch {
	case p.lit("正"), p.lit("元"):
		return 1
	case p.lit("冬"):
		return 11
	case p.lit("腊"):
		return 12
	}
	if d := p.cnDigit(); d != 10 {
		return d
	}
	if u := p.cnDigit(); u >= 1 && u <= 2 {
		return 10 + u
	} else if u != 0 {
		return 0
	}
	return 10
}

// lunarDay reads a lunar day name: 初一 … 初十, 十一 … 十九, 二十/廿, 廿一 … 廿九,
// 二十一 … 二十九, 三十/卅. 0 when none.
func (p *dateScanner) lunarDay() int {
	tens := 0
	switch {
	case p.lit("初"):
		return p.cnDigit()
	case p.lit("廿"):
		tens = 20
	case p.lit("卅"):
		return 30
	default:
		d := p.cnDigit()
		switch {
		case d == 10:
			tens = 10
		case d == 2 || d == 3:
			if !p.lit("十") {
				return 0 // 二, 三 alone are not how a lunar day is written
			}
			tens = d * 10
		default:
			return 0
		}
	}
	u := p.cnDigit()
	if u == 10 || tens == 30 && u != 0 {
		return 0
	}
	return tens + u
}

// formatYMD writes "YYYY-MM-DD", or "MM-DD" when y is 0.
func formatYMD(y, m, d int) string {
	var b [10]byte
	n := 0
	if y != 0 {
		b[0], b[1], b[2], b[3], b[4] = byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-'
		n = 5
	}
	b[n], b[n+1], b[n+2], b[n+3], b[n+4] = byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10)
	return string(b[:n+5])
}
