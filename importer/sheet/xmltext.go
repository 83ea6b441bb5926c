package sheet

import (
	"bytes"
	"io"
	"strconv"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
)

// readText consumes character data up to the next '<'.
func (s *xmlScanner) readText(want bool) bool {
	if !want {
		for {
			if i := bytes.IndexByte(s.buf[s.pos:s.end], '<'); i >= 0 {
				s.pos += i
				return true
			}
			s.pos = s.end
			if !s.fill() {
				return s.err == nil
			}
		}
	}
	start := len(s.text)
	for {
		b := s.buf[s.pos:s.end]
		i := 0
		for i < len(b) && b[i] != '<' && b[i] != '&' && b[i] != '\r' && b[i] != ']' {
			i++
		}
		s.text = append(s.text, b[:i]...)
		s.pos += i
		if i < len(b) {
			switch b[i] {
			case '<':
				return s.checkText(start)
			case '&':
				if !s.entity() {
					return false
				}
			case '\r':
				if !s.ensure(2) {
					s.pos++
					s.text = append(s.text, '\n')
					continue
				}
				s.text = append(s.text, '\n')
				s.pos++
				if s.buf[s.pos] == '\n' {
					s.pos++
				}
			case ']':
				if s.ensure(3) && s.buf[s.pos+1] == ']' && s.buf[s.pos+2] == '>' {
					s.fail("]]> in text")
					return false
				}
				s.text = append(s.text, ']')
				s.pos++
			}
			continue
		}
		if !s.fill() {
			if s.err != nil {
				return false
			}
			return s.checkText(start)
		}
	}
}

// checkText applies encoding/xml's rule that text is valid UTF-8 made of XML characters.
func (s *xmlScanner) checkText(start int) bool {
	t := s.text[start:]
	for i := 0; i < len(t); {
		c := t[i]
		if c >= 0x20 && c < 0x80 || c == '\n' || c == '\t' || c == '\r' {
			i++
			continue
		}
		r, n := utf8.DecodeRune(t[i:])
		if r == utf8.RuneError && n == 1 {
			s.fail("invalid UTF-8")
			return false
		}
		if !isXMLChar(r) {
			s.fail("illegal character")
			return false
		}
		i += n
	}
	return true
}

// isXMLChar is the Char production of XML 1.0, as encoding/xml checks it.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// entity decodes the reference at s.pos ('&') into s.text, as encoding/xml's strict mode.
func (s *xmlScanner) entity() bool {
	for {
		if i := bytes.IndexByte(s.buf[s.pos:s.end], ';'); i >= 0 {
			if !s.appendEntity(s.buf[s.pos+1 : s.pos+i]) {
				s.fail("invalid character entity")
				return false
			}
			s.pos += i + 1
			return true
		}
		if s.end-s.pos > 64 || !s.fill() {
			s.fail("invalid character entity")
			return false
		}
	}
}

// appendEntity appends the text of the entity named ref (between '&' and ';').
func (s *xmlScanner) appendEntity(ref []byte) bool {
	switch string(ref) {
	case "lt":
		s.text = append(s.text, '<')
	case "gt":
		s.text = append(s.text, '>')
	case "amp":
		s.text = append(s.text, '&')
	case "apos":
		s.text = append(s.text, '\'')
	case "quot":
		s.text = append(s.text, '"')
	default:
		if len(ref) < 2 || ref[0] != '#' {
			return false
		}
		digits, base := ref[1:], 10
		if digits[0] == 'x' {
			digits, base = digits[1:], 16
		}
		for _, c := range digits {
			if !('0' <= c && c <= '9' || base == 16 && ('a' <= c && c <= 'f' || 'A' <= c && c <= 'F')) {
				return false
			}
		}
		n, err := strconv.ParseUint(string(digits), base, 64)
		if err != nil || n > unicode.MaxRune {
			return false
		}
		s.text = utf8.AppendRune(s.text, rune(n))
	}
	return true
}

// bang handles "<!": a comment, a CDATA section or a directive such as DOCTYPE.
func (s *xmlScanner) bang(wantText bool) (xmlToken, bool) {
	s.ensure(9)
	rest := s.buf[s.pos:s.end]
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		s.pos += 4
		return tokEOF, s.skipPast([]byte("-->"), nil)
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		s.pos += 9
		if !wantText {
			return tokEOF, s.skipPast([]byte("]]>"), nil)
		}
		start := len(s.text)
		if !s.skipPast([]byte("]]>"), &s.text) {
			return tokEOF, false
		}
		s.text = normalizeCR(s.text, start)
		return tokText, s.checkText(start)
	default:
		return tokEOF, s.skipDirective()
	}
}

// normalizeCR rewrites CR and CRLF after start to LF, in place, as encoding/xml does.
func normalizeCR(t []byte, start int) []byte {
	if bytes.IndexByte(t[start:], '\r') < 0 {
		return t
	}
	w := start
	for i := start; i < len(t); i++ {
		c := t[i]
		if c == '\r' {
			c = '\n'
			if i+1 < len(t) && t[i+1] == '\n' {
				i++
			}
		}
		t[w] = c
		w++
	}
	return t[:w]
}

// skipPast consumes input up to and including delim, appending what it skipped to keep.
func (s *xmlScanner) skipPast(delim []byte, keep *[]byte) bool {
	for {
		if i := bytes.Index(s.buf[s.pos:s.end], delim); i >= 0 {
			if keep != nil {
				*keep = append(*keep, s.buf[s.pos:s.pos+i]...)
			}
			s.pos += i + len(delim)
			return true
		}
		// Keep the last len(delim)-1 bytes: the delimiter may straddle the refill.
		if n := s.end - s.pos - (len(delim) - 1); n > 0 {
			if keep != nil {
				*keep = append(*keep, s.buf[s.pos:s.pos+n]...)
			}
			s.pos += n
		}
		if !s.fill() {
			s.fail("unterminated comment, CDATA or processing instruction")
			return false
		}
	}
}

// skipPI skips a processing instruction. An XML declaration naming another encoding than
// UTF-8 switches the rest of the input to that encoding, as excelize's CharsetReader does.
func (s *xmlScanner) skipPI() bool {
	var pi []byte
	s.pos += 2
	if !s.skipPast([]byte("?>"), &pi) {
		return false
	}
	target, rest, _ := bytes.Cut(pi, []byte(" "))
	if string(target) != "xml" {
		return true
	}
	enc := pseudoAttr(rest, "encoding")
	if enc == "" || bytes.EqualFold([]byte(enc), []byte("utf-8")) {
		return true
	}
	e, err := htmlindex.Get(enc)
	if err != nil {
		s.fail("unsupported encoding")
		return false
	}
	unread := append([]byte(nil), s.buf[s.pos:s.end]...)
	s.rd = e.NewDecoder().Reader(io.MultiReader(bytes.NewReader(unread), s.rd))
	s.line += bytes.Count(s.buf[:s.pos], []byte{'\n'})
	s.pos, s.end, s.rdErr = 0, 0, nil
	return true
}

// pseudoAttr finds name="value" in the text of an XML declaration.
func pseudoAttr(b []byte, name string) string {
	i := bytes.Index(b, []byte(name))
	if i < 0 {
		return ""
	}
	b = bytes.TrimLeft(b[i+len(name):], " \t\r\n")
	if len(b) == 0 || b[0] != '=' {
		return ""
	}
	b = bytes.TrimLeft(b[1:], " \t\r\n")
	if len(b) == 0 || b[0] != '"' && b[0] != '\'' {
		return ""
	}
	v, _, ok := bytes.Cut(b[1:], b[:1])
	if !ok {
		return ""
	}
	return string(v)
}

// skipDirective skips <!DOCTYPE …> and the like, with nested brackets, quotes and comments.
func (s *xmlScanner) skipDirective() bool {
	s.pos += 2
	depth, quote := 0, byte(0)
	for {
		if s.pos >= s.end && !s.fill() {
			s.fail("unterminated directive")
			return false
		}
		c := s.buf[s.pos]
		s.pos++
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '<':
			if s.ensure(3) && s.buf[s.pos] == '!' && s.buf[s.pos+1] == '-' && s.buf[s.pos+2] == '-' {
				s.pos += 3
				if !s.skipPast([]byte("-->"), nil) {
					return false
				}
				continue
			}
			depth++
		case c == '>':
			if depth == 0 {
				return true
			}
			depth--
		}
	}
}
