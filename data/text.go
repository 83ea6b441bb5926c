package data

import (
	"strings"
	"unicode/utf8"
)

// CleanText is the text rule for ids and short values typed or imported: it trims
// whitespace (including the full-width space U+3000, NBSP and zero-width characters),
// folds full-width ASCII letters, digits and punctuation to half-width and collapses
// internal runs of whitespace (line breaks included) to one space. A value that is
// already clean is returned without allocating.
func CleanText(s string) string { return cleanText(s, foldRune) }

// CleanProse is CleanText for free text (names, addresses, goods, notes): full-width
// letters and digits still fold, but full-width punctuation such as （）；，：stays as
// the seller wrote it — it is how Chinese is written, and keeping it lets an exported
// value re-import unchanged.
func CleanProse(s string) string { return cleanText(s, foldProseRune) }

func foldProseRune(r rune) (rune, bool) {
	if r >= '！' && r <= '～' && !(r >= '０' && r <= '９' || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ') {
		return r, true
	}
	return foldRune(r)
}

func cleanText(s string, fold func(rune) (rune, bool)) string {
	if !needsClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace := false
	for _, r := range s {
		r, keep := fold(r)
		switch {
		case !keep:
			continue
		case r == ' ':
			pendingSpace = b.Len() > 0
			continue
		}
		if pendingSpace {
			b.WriteByte(' ')
			pendingSpace = false
		}
		b.WriteRune(r)
	}
	// Zero-width joiners are kept inside text (emoji sequences) but not at its ends.
	return strings.Trim(b.String(), " \u200c\u200d")
}

// needsClean reports whether CleanText would change s.
func needsClean(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return true
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return true
			}
			if c == ' ' {
				if prevSpace {
					return true
				}
				prevSpace = true
			} else {
				prevSpace = false
			}
			continue
		}
		prevSpace = false
		r, size := utf8.DecodeRuneInString(s[i:])
		if folded, keep := foldRune(r); !keep || folded != r || r == utf8.RuneError ||
			r == '\u200c' || r == '\u200d' {
			return true
		}
		i += size - 1
	}
	return false
}

// foldRune maps one rune the way CleanText does: whitespace of every kind becomes ' ',
// full-width ASCII becomes half-width, control and zero-width characters are dropped
// (keep=false). Invalid UTF-8 becomes U+FFFD.
func foldRune(r rune) (rune, bool) {
	switch {
	case r == ' ':
		return ' ', true
	case r < 0x20 || r == 0x7f:
		if r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' {
			return ' ', true
		}
		return 0, false
	case r < 0x80:
		return r, true
	case r >= '！' && r <= '～': // U+FF01–U+FF5E: full-width ASCII
		return r - 0xFEE0, true
	}
	switch r {
	case '\u3000', '\u00a0', '\u0085', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f':
		return ' ', true
	case '\u200b', '\u2060', '\ufeff', '\u180e':
		return 0, false
	}
	if r >= '\u2000' && r <= '\u200a' {
		return ' ', true
	}
	if r >= 0x80 && r < 0xa0 { // C1 controls
		return 0, false
	}
	return r, true
}
