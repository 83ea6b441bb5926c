package data

import (
	"fmt"
	"strconv"
	"strings"
)

// FormatYuan shows fen as yuan with two decimals: 12345 → "123.45", -5 → "-0.05".
func FormatYuan(fen int64) string {
	sign := ""
	if fen < 0 {
		sign = "-"
		fen = -fen
	}
	return fmt.Sprintf("%s%d.%02d", sign, fen/100, fen%100)
}

// ParseYuan reads a yuan amount typed by a person ("128", "128.5", "¥1,280.00",
// full-width digits) into fen without going through floating point.
func ParseYuan(s string) (int64, error) {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '．':
			return '.'
		case r == '－':
			return '-'
		case r == ',' || r == '，' || r == ' ' || r == '¥' || r == '￥' || r == '元':
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" && frac == "" {
		return 0, Invalid("amount", CodeInvalid)
	}
	if len(frac) > 2 || !allDigits(whole) || !allDigits(frac) || len(whole) > 12 {
		return 0, Invalid("amount", CodeInvalid)
	}
	w, _ := strconv.ParseInt("0"+whole, 10, 64)
	frac = (frac + "00")[:2]
	f, _ := strconv.ParseInt(frac, 10, 64)
	fen := w*100 + f
	if neg {
		fen = -fen
	}
	return fen, nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
