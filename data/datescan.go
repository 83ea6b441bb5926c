package data

import "strings"

// dateScanner walks a cleaned date string left to right. It never allocates.
type dateScanner struct {
	s string
	i int
}

func (p *dateScanner) done() bool { return p.i == len(p.s) }

// number reads a run of ASCII digits; n is how many (0 when none, more than 9 is
// refused so the value cannot overflow).
func (p *dateScanner) number() (v, n int) {
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		if n == 9 {
			return 0, 10
		}
		v = v*10 + int(p.s[p.i]-'0')
		p.i++
		n++
	}
	return v, n
}

// word reads a run of ASCII letters.
func (p *dateScanner) word() string {
	start := p.i
	for p.i < len(p.s) && (p.s[p.i]|0x20 >= 'a' && p.s[p.i]|0x20 <= 'z') {
		p.i++
	}
	return p.s[start:p.i]
}

// lit consumes lit when it comes next.
func (p *dateScanner) lit(lit string) bool {
	if strings.HasPrefix(p.s[p.i:], lit) {
		p.i += len(lit)
		return true
	}
	return false
}

func (p *dateScanner) spaces() int {
	n := 0
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
		n++
	}
	return n
}

// sep consumes one of the date separators - / . and returns it (0 when none).
func (p *dateScanner) sep() byte {
	if p.i < len(p.s) {
		if c := p.s[p.i]; c == '-' || c == '/' || c == '.' {
			p.i++
			return c
		}
	}
	return 0
}

// date reads the calendar part: year first, day or month first, or a month name.
func (p *dateScanner) date(dayFirst bool) (when, bool) {
	if p.done() {
		return when{}, false
	}
	if c := p.s[0] | 0x20; c >= 'a' && c <= 'z' { // Dec 1, 2010
		m := monthName(p.word())
		p.spaces()
		d, nd := p.number()
		p.lit(",")
		p.spaces()
		y, ny := p.number()
		return when{y: y, mo: m, d: d}, m > 0 && nd >= 1 && nd <= 2 && ny == 4
	}
	a, na := p.number()
	switch {
	case na == 8: // 20181014 10:20
		s := p.s[:8]
		return when{y: num4(s[:4]), mo: num2(s[4:6]), d: num2(s[6:8])}, p.done() || p.s[p.i] == ' ' || p.s[p.i] == 'T'
	case na == 4:
		return p.yearFirst(a)
	case na < 1 || na > 2:
		return when{}, false
	}
	sep := p.sep()
	if sep == 0 && p.spaces() > 0 {
		sep = ' '
	}
	if sep == 0 {
		return when{}, false
	}
	var b, nb int
	if c := p.peek() | 0x20; c >= 'a' && c <= 'z' { // 01-Dec-2010, 1 Dec 2010
		b, nb = monthName(p.word()), 2
		if b == 0 {
			return when{}, false
		}
		a, b, dayFirst = b, a, false // now month, day like the numeric case
	} else {
		if sep == ' ' {
			return when{}, false // "12 1 2010": spaces only around a month name
		}
		b, nb = p.number()
	}
	if nb < 1 || nb > 2 || !p.sameSep(sep) {
		return when{}, false
	}
	y, ny := p.number()
	if ny != 4 {
		return when{}, false
	}
	if dayFirst && b <= 12 || a > 12 {
		a, b = b, a
	}
	return when{y: y, mo: a, d: b}, true
}

// sameSep consumes the second separator of a day-month-year date, which must repeat
// the first.
func (p *dateScanner) sameSep(sep byte) bool {
	if sep == ' ' {
		return p.spaces() > 0
	}
	return p.sep() == sep
}

func (p *dateScanner) peek() byte {
	if p.done() {
		return 0
	}
	return p.s[p.i]
}

// yearFirst reads the month and day after a four-digit year: 2018-10-14, 2018/10/14,
// 2018.10.14, 2018年10月14日 (日 or 号 optional).
func (p *dateScanner) yearFirst(y int) (when, bool) {
	w := when{y: y}
	var nm, nd int
	if p.lit("年") {
		w.mo, nm = p.number()
		if !p.lit("月") {
			return when{}, false
		}
		w.d, nd = p.number()
		if !p.lit("日") {
			p.lit("号")
		}
	} else {
		sep := p.sep()
		w.mo, nm = p.number()
		if sep == 0 || p.sep() != sep {
			return when{}, false
		}
		w.d, nd = p.number()
	}
	return w, nm >= 1 && nm <= 2 && nd >= 1 && nd <= 2
}

// clock reads the time of day after the date: " 9:05", "T12:50:00", " 下午3:05",
// "10时20分30秒", " 8:26 PM", with an optional fraction of a second.
func (p *dateScanner) clock(w *when) bool {
	if !p.lit("T") && p.spaces() == 0 && !strings.HasSuffix(p.s[:p.i], "日") &&
		!strings.HasSuffix(p.s[:p.i], "号") {
		return false
	}
	pm, am := p.lit("下午"), false
	if !pm {
		am = p.lit("上午")
	}
	p.spaces()
	h, nh := p.number()
	if nh < 1 || nh > 2 {
		return false
	}
	cn := p.lit("时")
	if !cn && !p.lit(":") {
		return false
	}
	mi, nmi := p.number()
	if nmi != 2 && !(cn && nmi == 1) {
		return false
	}
	w.h, w.mi = h, mi
	if cn {
		p.lit("分")
	}
	if cn && p.peek() >= '0' && p.peek() <= '9' || !cn && p.lit(":") {
		sec, nsec := p.number()
		if nsec != 2 && !(cn && nsec == 1) {
			return false
		}
		w.sec = sec
		if p.lit(".") || p.lit(",") {
			if !p.fraction(w) {
				return false
			}
		}
		if cn {
			p.lit("秒")
		}
	}
	mark := p.i
	p.spaces()
	switch word := p.word(); {
	case strings.EqualFold(word, "pm"):
		pm = true
	case strings.EqualFold(word, "am"):
		am = true
	default:
		p.i = mark
	}
	if am || pm {
		if w.h < 1 || w.h > 12 {
			return false
		}
		w.h %= 12
		if pm {
			w.h += 12
		}
	}
	return w.h <= 23 && w.mi <= 59 && w.sec <= 59
}

// fraction reads the digits after a seconds point into nanoseconds.
func (p *dateScanner) fraction(w *when) bool {
	n, scale := 0, 100_000_000
	start := p.i
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		n += int(p.s[p.i]-'0') * scale
		scale /= 10
		p.i++
	}
	w.nsec = n
	return p.i > start
}

// zone reads an optional offset: Z, +08:00, +0800, +08, -0500, UTC, GMT+8.
func (p *dateScanner) zone(w *when) bool {
	mark := p.i
	p.spaces()
	if p.done() {
		p.i = mark
		return true
	}
	if p.lit("Z") {
		w.hasOffset = true
		return true
	}
	if p.lit("UTC") || p.lit("GMT") {
		w.hasOffset = true
		if p.done() {
			return true
		}
	}
	sign := 1
	switch {
	case p.lit("+"):
	case p.lit("-"):
		sign = -1
	default:
		return false
	}
	start := p.i
	v, n := p.number()
	var h, m int
	switch {
	case n == 4:
		h, m = v/100, v%100
	case n == 1 || n == 2:
		h = v
		if p.lit(":") {
			var nm int
			if m, nm = p.number(); nm != 2 {
				return false
			}
		}
	default:
		return false
	}
	if h > 14 || m > 59 || n == 1 && p.i-start != 1 {
		return false
	}
	w.offset, w.hasOffset = sign*(h*3600+m*60), true
	return true
}
