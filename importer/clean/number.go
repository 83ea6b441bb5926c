package clean

import (
	"math"
	"strconv"
	"strings"

	"shopcrm/data"
)

// Amount reads a money cell into fen: Decimal with two places.
func Amount(s string) (fen int64, ok bool) { return Decimal(s, 2) }

// Refund reads a refund cell: Amount, and the words an export writes for "no
// refund" (Taobao's 无退款申请, 没有申请退款) as 0.
func Refund(s string) (fen int64, ok bool) {
	switch key(s) {
	case "无退款申请", "没有申请退款", "无退款", "无", "未退款", "norefund", "none":
		return 0, true
	}
	return Amount(s)
}

// Decimal reads a money cell by data.ParseDecimal's rule, first undoing what a
// spreadsheet does to a number cell: a binary float read back with 17 digits
// ("133.63999999999999" is 133.64; see floatArtifact).
func Decimal(s string, places int) (int64, bool) {
	s = data.CleanText(s)
	if v, ok := floatArtifact(s, places); ok {
		return v, true
	}
	return data.ParseDecimal(s, places)
}

// Lossy reports whether a value is a number Excel turned into E-notation so that it
// lost digits: "1.37359E+14" (a Taobao order number), "1.3800138E+10" (a phone whose
// last digits are unknown). A lossy value must not be used as a key or a phone.
// E-notation that still carries every digit ("1.3800138000E+10") is not lossy.
func Lossy(s string) bool {
	e := strings.IndexAny(s, "eE")
	if e < 0 {
		return false
	}
	if s = Text(s); strings.IndexAny(s, "eE") < 0 {
		return false
	}
	e = strings.IndexAny(s, "eE")
	mant, exp := strings.TrimLeft(s[:e], "'+-"), s[e+1:]
	whole, frac, _ := strings.Cut(mant, ".")
	if whole == "" && frac == "" || !digitsOnly(whole) || !digitsOnly(frac) {
		return false
	}
	exp = strings.TrimPrefix(exp, "+")
	if exp == "" || len(exp) > 4 || !digitsOnly(exp) {
		return false // a negative exponent loses no integer digits
	}
	n := 0
	for i := 0; i < len(exp); i++ {
		n = n*10 + int(exp[i]-'0')
	}
	return n > len(frac)
}

// exactInteger writes an integer of at most 15 digits that a spreadsheet put in
// E-notation without losing a digit ("1.3800138000E+10") as its digits
// ("13800138000"). ok=false for anything else, a Lossy number included.
func exactInteger(s string) (string, bool) {
	e := strings.IndexAny(s, "eE")
	if e < 0 {
		return "", false
	}
	whole, frac, _ := strings.Cut(s[:e], ".")
	exp := strings.TrimPrefix(s[e+1:], "+")
	if !digitsOnly(whole) || !digitsOnly(frac) || whole+frac == "" || exp == "" || len(exp) > 3 || !digitsOnly(exp) {
		return "", false
	}
	n, _ := strconv.Atoi(exp)
	if n > len(frac) {
		return "", false // Excel dropped digits: see Lossy
	}
	digits := whole + frac
	point := len(whole) + n
	if strings.Trim(digits[point:], "0") != "" {
		return "", false // not an integer
	}
	if digits = strings.TrimLeft(digits[:point], "0"); digits == "" {
		digits = "0"
	}
	if len(digits) > 15 {
		return "", false
	}
	return digits, true
}

// floatArtifact reads a number cell that xlsx stored as a binary float and that
// reads back with 15–17 significant digits: "133.63999999999999" is 133.64 and
// "2.5499999999999998" is 2.55. Only such renderings (15+ significant digits, no
// trailing zero) within a millionth of a yuan of a value with places decimals are
// read this way; a genuine "12.345" or ".00999999" still fails Amount.
func floatArtifact(s string, places int) (int64, bool) {
	dot := strings.IndexByte(s, '.')
	if dot < 0 || len(s) > 24 || places < 0 || places > 6 {
		return 0, false
	}
	body := strings.TrimPrefix(s, "-")
	digits := strings.TrimLeft(strings.Replace(body, ".", "", 1), "0")
	if len(digits) < 15 || !digitsOnly(digits) || strings.HasSuffix(s, "0") {
		return 0, false
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.Abs(x) >= 1e12 {
		return 0, false
	}
	scale := math.Pow10(places)
	r := math.Round(x * scale)
	if math.Abs(x-r/scale) > 1e-6 {
		return 0, false
	}
	return int64(r), true
}

func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
