// Package clean reads spreadsheet cells into values. The value rules themselves
// (money, phones, dates and birthdays, tags, e-mail, text folding) are package data's,
// shared with the forms and the CLI; clean undoes only what sheets do to a value
// before the rule reads it: placeholders ("null", "#N/A"), text-cell marks (a leading
// apostrophe, ="…"), Excel day numbers, numbers that lost their text form (".0",
// E-notation, binary floats), several phones in one cell, header names, and the
// platforms' words for gender, order status and yes/no.
//
// Every function is pure and safe for concurrent use. They run on every cell of
// imports with hundreds of thousands of rows, so each has an allocation-free fast
// path for values that are already clean, and none uses regexp.
//
// The parsers return ok=false for an empty cell as well as for a bad one (Gender is
// the exception: an empty gender is simply unknown). Use Empty to tell a missing value
// from a wrong one. No function puts a cell value into an error: callers report a row
// problem by row, column and reason.
package clean

import (
	"strings"

	"shopcrm/data"
)

// Text is data.CleanText for a sheet cell: it also maps the placeholders sellers'
// exports use for "no value" ("null", "'null", "-", "--", "N/A", "#N/A", Excel error
// values such as "#VALUE!") to "". A value that is already clean is returned without
// allocating.
func Text(s string) string { return noPlaceholder(data.CleanText(s)) }

// Prose is data.CleanProse for a sheet cell, with Text's placeholders mapped to "".
func Prose(s string) string { return noPlaceholder(data.CleanProse(s)) }

// noPlaceholder maps a "no value" marker to "".
func noPlaceholder(s string) string {
	if isPlaceholder(s) {
		return ""
	}
	return s
}

// Empty reports whether a cell holds no value once cleaned: blank, whitespace only,
// or a placeholder such as "null" or "-".
func Empty(s string) bool { return Text(s) == "" }

// Lines is Text for multi-line notes: it keeps line breaks (CRLF and CR become LF),
// cleans each line like Text and drops blank lines at both ends.
func Lines(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return Text(s)
	}
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = Text(l); l != "" || len(out) > 0 {
			out = append(out, l)
		}
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

// Header normalizes a header cell for matching column names: Text, lower case, and
// no spaces or the characters * : ： ( ) （ ） _ - . so that "收货地址 " matches
// "收货地址", "Customer ID" matches "customerid", "E-mail" matches "email" and the
// full-width "Ｅｍａｉｌ" matches "email".
func Header(s string) string {
	s = strings.ToLower(Text(s))
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '*', ':', '：', '(', ')', '（', '）', '_', '-', '.':
			return -1
		}
		return r
	}, s)
}

// Tags reads a tag cell by data.ParseTags' rule, dropping placeholder tags ("null",
// "-"). No tags gives nil.
func Tags(s string) []string {
	var out []string
	for _, t := range data.ParseTags(s) {
		if !isPlaceholder(t) {
			out = append(out, t)
		}
	}
	return out
}

// isPlaceholder reports whether a cleaned value is one of the "no value" markers.
func isPlaceholder(s string) bool {
	if len(s) == 0 || len(s) > 7 {
		return false
	}
	switch s {
	case "-", "--", "—", "——", "#N/A", "#NULL!", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NUM!":
		return true
	}
	for _, p := range [...]string{"null", "'null", "n/a", "#n/a"} {
		if strings.EqualFold(s, p) {
			return true
		}
	}
	return false
}

// Unmark removes the marks a spreadsheet or an export puts on a value to keep it text:
// leading apostrophes ('8509270720648) and the ="…" wrapper (="3304375611452199951").
func Unmark(s string) string {
	s = strings.TrimLeft(s, "'")
	if strings.HasPrefix(s, `="`) && strings.HasSuffix(s, `"`) && len(s) >= 3 {
		s = strings.TrimSpace(s[2 : len(s)-1])
	}
	return s
}

// OrderNo cleans an order number or other id used as a key: Text, the text-cell
// marks Excel leaves (leading apostrophes, ="…") and the ".0" a number cell gains
// ("1411.0"). ok=false when the cell is empty or the number is Lossy
// ("1.37359E+14" stands for many orders and must not merge them).
func OrderNo(s string) (string, bool) {
	s = Unmark(Text(s))
	if s == "" || Lossy(s) {
		return "", false
	}
	if whole, frac, found := strings.Cut(s, "."); found && whole != "" && digitsOnly(whole) &&
		frac != "" && strings.Trim(frac, "0") == "" {
		s = whole
	}
	return s, true
}
