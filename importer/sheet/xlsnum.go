package sheet

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// dateKind says how a number format shows a number: as a number, a date, or a time.
type dateKind uint8

const (
	kindNumber dateKind = iota
	kindDate            // a calendar date, perhaps with a time
	kindTime            // a time of day only
)

// maxExact is 2^53: every integer below it is exact in a double. A bigger integer in a
// numeric cell has lost digits already (an 18-digit order number typed into Excel).
const maxExact = 1 << 53

// numberText writes a numeric cell. A cell whose number format is a date comes out as
// "2006-01-02" or "2006-01-02 15:04:05" (a time of day as "15:04:05"), read in the
// workbook's date system; other numbers as decimals, never in E-notation while every
// digit is known ("13800138000", "112345", "46.28"). An integer
// too big to be exact comes out in Excel's E-notation ("1.2345678901234568E+17"), which
// the importer recognises as a number that lost digits and never uses as an id.
func (b *xlsBook) numberText(xf int, v float64) string {
	if xf >= 0 && xf < len(b.xfFormat) {
		if kind := b.kind(b.xfFormat[xf]); kind != kindNumber {
			if s, ok := excelTime(v, b.date1904, kind); ok {
				return s
			}
		}
	}
	return plainNumber(v)
}

// plainNumber writes a number as text without a format. A fraction is cut to the 15
// significant digits Excel shows and stores in .xlsx (25.128, not the double's
// 25.128000000000004); an integer below 2^53 keeps every digit.
func plainNumber(v float64) string {
	switch {
	case v == 0:
		return "0" // and -0
	case math.IsNaN(v) || math.IsInf(v, 0):
		return strconv.FormatFloat(v, 'g', -1, 64)
	case math.Abs(v) >= maxExact && v == math.Trunc(v):
		return strconv.FormatFloat(v, 'E', -1, 64)
	case v != math.Trunc(v):
		v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'e', 14, 64), 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// kind classifies number format ifmt, once per workbook.
func (b *xlsBook) kind(ifmt int) dateKind {
	if k, ok := b.kinds[ifmt]; ok {
		return k
	}
	var k dateKind
	if code, ok := b.formats[ifmt]; ok {
		k = formatKind(code)
	} else {
		k = builtinKind(ifmt)
	}
	b.kinds[ifmt] = k
	return k
}

// builtinKind classifies Excel's built-in number formats ([MS-XLS] 2.4.126), with the
// Chinese locale's 27–36 and 50–58 (年月日 dates, 时分 times).
func builtinKind(ifmt int) dateKind {
	switch {
	case ifmt >= 14 && ifmt <= 17, ifmt == 22, ifmt >= 27 && ifmt <= 31, ifmt == 36,
		ifmt >= 50 && ifmt <= 51, ifmt >= 56 && ifmt <= 58:
		return kindDate
	case ifmt >= 18 && ifmt <= 21, ifmt >= 32 && ifmt <= 35, ifmt >= 45 && ifmt <= 47,
		ifmt >= 52 && ifmt <= 55:
		return kindTime
	}
	return kindNumber
}

// formatKind classifies a custom number format code by its first section: y, d or m
// make it a date, h or s alone a time. Quoted text, escaped characters, fill and
// padding characters and bracketed codes ([Red], [$-804], [DBNum1]) are not tokens;
// elapsed-time brackets ([h], [mm], [ss]) are durations, not dates.
func formatKind(code string) dateKind {
	date, clock := false, false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case ';':
			i = len(code) // only the first section
		case '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				i = len(code)
			}
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				i = len(code)
				break
			}
			if inner := strings.ToLower(code[i+1 : i+j]); strings.Trim(inner, "hms") == "" && inner != "" {
				return kindNumber // elapsed time: a duration
			}
			i += j
		case 'y', 'Y', 'd', 'D', 'm', 'M':
			date = true
		case 'h', 'H', 's', 'S':
			clock = true
		}
	}
	switch {
	case date:
		return kindDate
	case clock:
		return kindTime
	}
	return kindNumber
}

// Day 0 of the two Excel date systems. The 1900 system counts a 29 February 1900 that
// never was, so day numbers below 61 are one day off from 1899-12-30.
var (
	excelEpoch1900 = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	excelEpoch1904 = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
)

// excelTime writes day number v as a date or time, rounded to the second. ok=false when
// v is no date Excel can show (negative, beyond 9999-12-31, or a bare time of day under
// a date-only format).
func excelTime(v float64, date1904 bool, kind dateKind) (string, bool) {
	if math.IsNaN(v) || v < 0 || v >= 2958466 {
		return "", false
	}
	secs := int64(math.Round(v * 86400))
	days, sod := secs/86400, secs%86400
	clock := time.Date(2000, 1, 1, 0, 0, int(sod), 0, time.UTC).Format("15:04:05")
	if days == 0 && !date1904 {
		if kind == kindTime || sod != 0 {
			return clock, true
		}
		return "", false
	}
	epoch := excelEpoch1900
	switch {
	case date1904:
		epoch = excelEpoch1904
	case days < 61:
		epoch = epoch.AddDate(0, 0, 1)
	}
	t := epoch.AddDate(0, 0, int(days))
	if sod == 0 && kind == kindDate {
		return t.Format("2006-01-02"), true
	}
	return t.Format("2006-01-02") + " " + clock, true
}
