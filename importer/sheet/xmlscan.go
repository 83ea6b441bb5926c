package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
)

// xmlToken is the kind of token xmlScanner.next returns.
type xmlToken uint8

const (
	tokEOF   xmlToken = iota
	tokStart          // a start tag; a self-closing tag is a start followed by an end
	tokEnd
	tokText // character data or a CDATA section, decoded
)

// maxTagBytes bounds one tag (with its attributes) or one entity: a longer one is damage,
// not data, and must not make the scanner buffer the whole part.
const maxTagBytes = 4 << 20

// errXML is the cause of every syntax error; it never carries file content.
var errXML = errors.New("XML syntax error")

// xmlScanner is a small streaming XML tokenizer for SpreadsheetML parts. It reads straight
// from the inflating zip stream and allocates nothing per token, which is what makes it
// several times faster than encoding/xml. It follows encoding/xml in what it accepts and in
// how it decodes text (entities, CR/CRLF to LF, CDATA, the character range check), matches
// elements on their local names as excelize does, and reports unknown entities,
// mismatched tags and truncated parts as errors.
type xmlScanner struct {
	rd    io.Reader
	buf   []byte
	pos   int // next unread byte
	end   int // buf[pos:end] is unread
	rdErr error
	err   error // sticky syntax or read error
	line  int   // lines consumed before buf[0], for error messages

	name      []byte // qualified name of the current start or end tag
	attrs     []byte // raw attributes of the current start tag
	text      []byte // decoded text of the current text token
	selfClose bool   // the current start tag ends in "/>"

	stack      []byte // open element names, concatenated
	stackEnds  []int
	pendingEnd bool // emit the end of a self-closing tag next
	popped     []byte
}

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{rd: r, buf: make([]byte, 64<<10)}
}

// fail records a syntax error (the first one wins) and returns tokEOF.
func (s *xmlScanner) fail(what string) xmlToken {
	if s.err == nil {
		s.err = fmt.Errorf("%w: %s near line %d", errXML, what, s.lineAt(s.pos))
	}
	return tokEOF
}

func (s *xmlScanner) lineAt(p int) int {
	return s.line + 1 + bytes.Count(s.buf[:min(p, s.end)], []byte{'\n'})
}

// fill reads more input, keeping buf[pos:end], and reports whether it got any.
func (s *xmlScanner) fill() bool {
	if s.rdErr != nil {
		return false
	}
	if s.pos > 0 {
		s.line += bytes.Count(s.buf[:s.pos], []byte{'\n'})
		n := copy(s.buf, s.buf[s.pos:s.end])
		s.pos, s.end = 0, n
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= maxTagBytes {
			s.fail("tag too long")
			return false
		}
		nb := make([]byte, 2*len(s.buf))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	for range 100 {
		n, err := s.rd.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.rdErr = err
			if err != io.EOF && s.err == nil {
				s.err = err
			}
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
	s.rdErr = io.ErrNoProgress
	s.err = io.ErrNoProgress
	return false
}

// ensure makes at least n unread bytes available, if the input has them.
func (s *xmlScanner) ensure(n int) bool {
	for s.end-s.pos < n {
		if !s.fill() {
			return false
		}
	}
	return true
}

// next returns the next token. Text is decoded into s.text only when wantText is set;
// otherwise it is skipped unchecked, which is what keeps unwanted parts cheap.
func (s *xmlScanner) next(wantText bool) xmlToken {
	if s.err != nil {
		return tokEOF
	}
	if s.pendingEnd {
		s.pendingEnd = false
		s.pop()
		s.name = s.popped
		return tokEnd
	}
	s.text = s.text[:0]
	for {
		if s.pos >= s.end && !s.fill() {
			if s.err == nil && len(s.stackEnds) > 0 {
				return s.fail("unexpected end of part")
			}
			return tokEOF
		}
		if s.buf[s.pos] != '<' {
			if !s.readText(wantText) {
				return tokEOF
			}
			if wantText && len(s.text) > 0 {
				return tokText
			}
			continue
		}
		if !s.ensure(2) {
			return s.fail("unexpected end of part")
		}
		switch s.buf[s.pos+1] {
		case '/':
			return s.endTag()
		case '?':
			if !s.skipPI() {
				return tokEOF
			}
		case '!':
			tok, ok := s.bang(wantText)
			if !ok {
				return tokEOF
			}
			if tok == tokText && len(s.text) > 0 {
				return tokText
			}
		default:
			return s.startTag()
		}
	}
}

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

// tagEnd returns the index in buf of the '>' closing the tag that starts at s.pos, reading
// more input as needed; '>' inside quoted attribute values does not count.
func (s *xmlScanner) tagEnd() int {
	i, quote := s.pos+1, byte(0)
	for {
		for ; i < s.end; i++ {
			c := s.buf[i]
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				} else if c == '<' {
					return -1
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '>':
				return i
			case c == '<':
				return -1
			}
		}
		off := i - s.pos
		if !s.fill() {
			return -1
		}
		i = s.pos + off
	}
}

func isNameByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '_' || c == ':' || c == '.' || c == '-' || c >= 0x80
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// skipSpace drops leading XML whitespace.
func skipSpace(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	return b
}

// startTag reads a start tag at s.pos.
func (s *xmlScanner) startTag() xmlToken {
	gt := s.tagEnd()
	if gt < 0 {
		return s.fail("malformed start tag")
	}
	tag := s.buf[s.pos+1 : gt]
	s.pos = gt + 1
	n := 0
	for n < len(tag) && isNameByte(tag[n]) {
		n++
	}
	if n == 0 || !utf8.Valid(tag[:n]) {
		return s.fail("malformed start tag")
	}
	s.name, s.attrs = tag[:n], tag[n:]
	s.selfClose = len(s.attrs) > 0 && s.attrs[len(s.attrs)-1] == '/'
	if s.selfClose {
		s.attrs = s.attrs[:len(s.attrs)-1]
	}
	if len(s.attrs) > 0 && !isSpace(s.attrs[0]) {
		return s.fail("malformed start tag")
	}
	s.stack = append(s.stack, s.name...)
	s.stackEnds = append(s.stackEnds, len(s.stack))
	s.pendingEnd = s.selfClose
	return tokStart
}

// endTag reads an end tag at s.pos and checks it closes the innermost open element.
func (s *xmlScanner) endTag() xmlToken {
	gt := s.tagEnd()
	if gt < 0 {
		return s.fail("malformed end tag")
	}
	name := s.buf[s.pos+2 : gt]
	for len(name) > 0 && isSpace(name[len(name)-1]) {
		name = name[:len(name)-1]
	}
	s.pos = gt + 1
	if len(s.stackEnds) == 0 {
		return s.fail("unexpected end tag")
	}
	s.pop()
	if !bytes.Equal(name, s.popped) {
		return s.fail("mismatched end tag")
	}
	s.name = name
	return tokEnd
}

// pop removes the innermost open element, leaving its name in s.popped.
func (s *xmlScanner) pop() {
	top := len(s.stackEnds) - 1
	from := 0
	if top > 0 {
		from = s.stackEnds[top-1]
	}
	s.popped = s.stack[from:s.stackEnds[top]]
	s.stack, s.stackEnds = s.stack[:from], s.stackEnds[:top]
}

// depth is the number of open elements.
func (s *xmlScanner) depth() int { return len(s.stackEnds) }

// localName returns name without its namespace prefix, split as encoding/xml does.
func localName(name []byte) []byte {
	if i := bytes.IndexByte(name, ':'); i > 0 && i < len(name)-1 {
		return name[i+1:]
	}
	return name
}

// attrIter walks the attributes of a start tag.
type attrIter struct {
	rest []byte
	val  []byte // decoded value of the last attribute
	s    *xmlScanner
}

// next returns the next attribute's local name; its value is in it.val. ok is false at the
// end; err reports a malformed attribute list.
func (it *attrIter) next() (local []byte, ok bool, err error) {
	b := skipSpace(it.rest)
	if len(b) == 0 {
		return nil, false, nil
	}
	n := 0
	for n < len(b) && isNameByte(b[n]) {
		n++
	}
	name := b[:n]
	b = skipSpace(b[n:])
	if n == 0 || len(b) < 2 || b[0] != '=' {
		return nil, false, fmt.Errorf("%w: malformed attribute", errXML)
	}
	b = skipSpace(b[1:])
	if len(b) == 0 || b[0] != '"' && b[0] != '\'' {
		return nil, false, fmt.Errorf("%w: unquoted attribute", errXML)
	}
	end := bytes.IndexByte(b[1:], b[0])
	if end < 0 {
		return nil, false, fmt.Errorf("%w: malformed attribute", errXML)
	}
	raw := b[1 : 1+end]
	it.rest = b[2+end:]
	if bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0 {
		it.val = raw
		return localName(name), true, nil
	}
	it.val = it.s.decodeValue(raw)
	if it.val == nil {
		return nil, false, fmt.Errorf("%w: invalid character entity", errXML)
	}
	return localName(name), true, nil
}

// decodeValue decodes entities and line ends of an attribute value; nil means malformed.
func (s *xmlScanner) decodeValue(raw []byte) []byte {
	saved := s.text
	s.text = nil
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; c {
		case '&':
			j := bytes.IndexByte(raw[i:], ';')
			if j < 0 || !s.appendEntity(raw[i+1:i+j]) {
				s.text = saved
				return nil
			}
			i += j
		case '\r':
			s.text = append(s.text, '\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
		default:
			s.text = append(s.text, c)
		}
	}
	out := s.text
	if out == nil {
		out = []byte{}
	}
	s.text = saved
	return out
}

// directText reads the character data directly inside the element just started (the way
// encoding/xml decodes an element into a string: text of child elements is skipped) and
// consumes the element. It appends to dst.
func (s *xmlScanner) directText(dst []byte) ([]byte, error) {
	d := s.depth()
	for {
		switch s.next(true) {
		case tokEOF:
			return dst, s.errOrEOF()
		case tokText:
			if s.depth() == d {
				dst = append(dst, s.text...)
			}
		case tokEnd:
			if s.depth() < d {
				return dst, nil
			}
		}
	}
}

// skipElement consumes the rest of the element just started.
func (s *xmlScanner) skipElement() error {
	d := s.depth()
	for {
		switch s.next(false) {
		case tokEOF:
			return s.errOrEOF()
		case tokEnd:
			if s.depth() < d {
				return nil
			}
		}
	}
}

// errOrEOF is the error for a part that ended inside an element.
func (s *xmlScanner) errOrEOF() error {
	if s.err != nil {
		return s.err
	}
	return fmt.Errorf("%w: unexpected end of part", errXML)
}
