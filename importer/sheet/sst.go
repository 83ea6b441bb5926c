package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// sharedStrings is the workbook's shared string table, held compactly: one string with
// every item's text and the offsets where each item ends.
type sharedStrings struct {
	text string
	ends []uint32
}

// at returns item i and whether it exists.
func (t *sharedStrings) at(i int) (string, bool) {
	if t == nil || i < 0 || i >= len(t.ends) {
		return "", false
	}
	from := uint32(0)
	if i > 0 {
		from = t.ends[i-1]
	}
	return t.text[from:t.ends[i]], true
}

// spreadsheetNS is the SpreadsheetML namespace (Transitional; Strict is mapped onto it).
const (
	spreadsheetNS       = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	strictSpreadsheetNS = "http://purl.oclc.org/ooxml/spreadsheetml/main"
)

// readSharedStrings parses xl/sharedStrings.xml. Like excelize, the root must be <sst> in
// the SpreadsheetML namespace; an empty part is an empty table.
func readSharedStrings(r io.Reader) (*sharedStrings, error) {
	s := newXMLScanner(r)
	if s.next(false) != tokStart {
		return &sharedStrings{}, s.err
	}
	root := append([]byte(nil), s.name...)
	if string(localName(root)) != "sst" || rootNamespace(s, root) != spreadsheetNS {
		return nil, fmt.Errorf("%w: shared strings part has the wrong root element", errXML)
	}
	var (
		text []byte
		ends []uint32
		si   richText
	)
	err := s.eachChild(func(name []byte) error {
		if string(name) != "si" {
			return s.skipElement()
		}
		si.reset()
		if err := si.read(s); err != nil {
			return err // errBadTypedAttr too: excelize then fails the whole table
		}
		text = si.appendTo(text)
		if len(text) > 1<<32-1 {
			return fmt.Errorf("%w: shared strings too large", ErrTooLarge)
		}
		ends = append(ends, uint32(len(text)))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &sharedStrings{text: string(text), ends: ends}, nil
}

// rootNamespace resolves the namespace of the root element from its own attributes.
func rootNamespace(s *xmlScanner, name []byte) string {
	want := "xmlns"
	if i := bytes.IndexByte(name, ':'); i > 0 && i < len(name)-1 {
		want = "xmlns:" + string(name[:i])
	}
	ns := ""
	rest := s.attrs
	for {
		rest = bytes.TrimLeft(rest, " \t\r\n")
		eq := bytes.IndexByte(rest, '=')
		if eq < 0 {
			break
		}
		aname := string(bytes.TrimSpace(rest[:eq]))
		v := bytes.TrimLeft(rest[eq+1:], " \t\r\n")
		if len(v) == 0 || v[0] != '"' && v[0] != '\'' {
			break
		}
		end := bytes.IndexByte(v[1:], v[0])
		if end < 0 {
			break
		}
		if aname == want {
			ns = string(v[1 : 1+end])
		}
		rest = v[2+end:]
	}
	if ns == strictSpreadsheetNS {
		ns = spreadsheetNS
	}
	return ns
}

// richText collects an <si> or <is> item as excelize decodes it: the last direct <t>, then
// the last <t> of every <r> run; phonetic runs (<rPh>) and everything else are ignored.
type richText struct {
	t    []byte
	runs []byte
	seen bool // an item was read (inline strings: the cell has an <is>)
}

func (x *richText) reset() { x.t, x.runs, x.seen = x.t[:0], x.runs[:0], false }

// read consumes the item element just started.
func (x *richText) read(s *xmlScanner) error {
	x.seen = true
	return s.eachChild(func(name []byte) error {
		switch string(name) {
		case "t":
			var err error
			x.t, err = s.directText(x.t[:0])
			return err
		case "r":
			return x.readRun(s)
		case "rPh", "phoneticPr":
			if err := checkTypedAttrs(s, string(name)); err != nil {
				return err
			}
		}
		return s.skipElement()
	})
}

// readRun reads one <r> run, appending its last <t>.
func (x *richText) readRun(s *xmlScanner) error {
	start, end := len(x.runs), len(x.runs)
	err := s.eachChild(func(name []byte) error {
		switch string(name) {
		case "t":
			var err error
			x.runs, err = s.directText(x.runs[:start])
			end = len(x.runs)
			return err
		case "rPr":
			return readRunProps(s)
		}
		return s.skipElement()
	})
	if err != nil {
		x.runs = x.runs[:start] // a run that fails to decode is dropped
		return err
	}
	x.runs = x.runs[:end]
	return nil
}

// appendTo appends the item's text, with excelize's _xHHHH_ escapes decoded.
func (x *richText) appendTo(dst []byte) []byte {
	start := len(dst)
	dst = append(append(dst, x.t...), x.runs...)
	if bytes.Contains(dst[start:], []byte("_x")) {
		dec := bstrDecode(string(dst[start:]))
		dst = append(dst[:start], dec...)
	}
	return dst
}

// bstrDecode undoes the ST_Xstring escapes of OOXML exactly as excelize's bstrUnmarshal:
// every "_xHHHH_" (left to right, not overlapping) becomes that UTF-16 code unit, "_x005F_"
// becomes "_", and an escape of a lone surrogate is dropped.
func bstrDecode(s string) string {
	var b strings.Builder
	cursor := 0
	for i := 0; i+7 <= len(s); {
		if s[i] != '_' || s[i+1] != 'x' || s[i+6] != '_' || !isHex4(s[i+2:i+6]) {
			i++
			continue
		}
		b.WriteString(s[cursor:i])
		var r rune
		for _, c := range []byte(s[i+2 : i+6]) {
			r = r<<4 | rune(hexVal(c))
		}
		if utf8.ValidRune(r) {
			b.WriteRune(r)
		}
		i += 7
		cursor = i
	}
	if cursor == 0 {
		return s
	}
	b.WriteString(s[cursor:])
	return b.String()
}

func isHex4(s string) bool {
	for i := 0; i < len(s); i++ {
		if hexVal(s[i]) < 0 {
			return false
		}
	}
	return true
}

func hexVal(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// errBadTypedAttr is an attribute excelize decodes into a number or boolean that does not
// parse as one. excelize then abandons what it was decoding: the whole shared string
// table, or the rest of an inline string or cell (whose remaining content it reads as if
// it were outside the cell). Mirroring that keeps both readers in step.
var errBadTypedAttr = errors.New("malformed typed attribute")

// typedAttrs lists, per element, the attributes excelize's structs decode as non-strings:
// 'b' bool, 'i' int, 'u' uint32, 'f' float64.
var typedAttrs = map[string]map[string]byte{
	"f":          {"aca": 'b', "dt2D": 'b', "dtr": 'b', "del1": 'b', "del2": 'b', "ca": 'b', "bx": 'b', "si": 'i'},
	"rPh":        {"sb": 'u', "eb": 'u'},
	"phoneticPr": {"fontId": 'i'},
	"charset":    {"val": 'i'},
	"family":     {"val": 'i'},
	"b":          {"val": 'b'},
	"i":          {"val": 'b'},
	"strike":     {"val": 'b'},
	"outline":    {"val": 'b'},
	"shadow":     {"val": 'b'},
	"condense":   {"val": 'b'},
	"extend":     {"val": 'b'},
	"color":      {"auto": 'b', "indexed": 'i', "theme": 'i', "tint": 'f'},
	"sz":         {"val": 'f'},
}

// checkTypedAttrs checks the current start tag's typed attributes as encoding/xml would
// decode them (an empty value is zero; others are trimmed and parsed).
func checkTypedAttrs(s *xmlScanner, elem string) error {
	kinds := typedAttrs[elem]
	it := attrIter{rest: s.attrs, s: s}
	for {
		name, ok, err := it.next()
		if err != nil || !ok {
			return err
		}
		kind := kinds[string(name)]
		if kind == 0 || len(it.val) == 0 {
			continue
		}
		v := strings.TrimSpace(string(it.val))
		switch kind {
		case 'b':
			_, err = strconv.ParseBool(v)
		case 'i':
			_, err = strconv.ParseInt(v, 10, 64)
		case 'u':
			_, err = strconv.ParseUint(v, 10, 32)
		case 'f':
			_, err = strconv.ParseFloat(v, 64)
		}
		if err != nil {
			return errBadTypedAttr
		}
	}
}

// readRunProps consumes an <rPr>, checking its children's typed attributes.
func readRunProps(s *xmlScanner) error {
	return s.eachChild(func(name []byte) error {
		if err := checkTypedAttrs(s, string(name)); err != nil {
			return err
		}
		return s.skipElement()
	})
}
