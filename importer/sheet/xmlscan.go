package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
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

// newXMLScanner scans the XML read from r.
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

// lineAt is the line number of buf[p], for error messages.
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

// isNameByte reports whether c may be part of an XML name (any non-ASCII byte may).
func isNameByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '_' || c == ':' || c == '.' || c == '-' || c >= 0x80
}

// isSpace reports whether c is XML whitespace.
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

// eachChild calls fn for every direct child element of the element just started, with
// the scanner on the child's start tag (fn consumes the child), and returns after the
// element's end tag. name is the child's local name, valid until fn returns.
func (s *xmlScanner) eachChild(fn func(name []byte) error) error {
	d := s.depth()
	for {
		switch s.next(false) {
		case tokEOF:
			return s.errOrEOF()
		case tokStart:
			if s.depth() != d+1 {
				continue
			}
			if err := fn(localName(s.name)); err != nil {
				return err
			}
		case tokEnd:
			if s.depth() < d {
				return nil
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
