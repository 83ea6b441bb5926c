package sheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// sampleSize is how much text encoding and separator detection look at.
const sampleSize = 64 << 10

// maxRecordLines is how many lines one csv record may span. Real multi-line cells (Shopify
// notes) take a handful; more means a quote mark opened and never closed has swallowed
// the rows below it, which must be an error rather than rows silently gone.
const maxRecordLines = 256

// textEncoding is a detected csv encoding; enc is nil for UTF-8, which is read as is.
type textEncoding struct {
	name string
	enc  encoding.Encoding
}

var (
	encUTF8    = textEncoding{name: "utf-8"}
	encUTF8BOM = textEncoding{name: "utf-8-bom"}
	encGB18030 = textEncoding{name: "gb18030", enc: simplifiedchinese.GB18030}
	encUTF16LE = textEncoding{name: "utf-16le", enc: unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)}
	encUTF16BE = textEncoding{name: "utf-16be", enc: unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)}
)

// openCSV sniffs encoding and separator of delimited text.
func openCSV(r io.ReaderAt, size int64, name string) (*Workbook, error) {
	sample, atEOF, err := readSample(r, nil, 0, size)
	if err != nil {
		return nil, err
	}
	w := &Workbook{format: FormatCSV, src: r, size: size, sheets: []string{sheetName(name)}}
	switch {
	case bytes.HasPrefix(sample, []byte{0xef, 0xbb, 0xbf}):
		w.text, w.dataStart = encUTF8BOM, 3
	case bytes.HasPrefix(sample, []byte{0xff, 0xfe}):
		w.text, w.dataStart = encUTF16LE, 2
	case bytes.HasPrefix(sample, []byte{0xfe, 0xff}):
		w.text, w.dataStart = encUTF16BE, 2
	}
	body := sample[w.dataStart:]
	if w.text.enc == nil { // UTF-8 with BOM, or undecided
		if bytes.IndexByte(body, 0) >= 0 {
			return nil, fmt.Errorf("%w: binary content", ErrUnreadable)
		}
		if looksLikeMarkup(body) {
			return openHTML(r, size, name) // an HTML table, often saved as .xls by old exporters
		}
	}
	if w.text.name == "" {
		if w.text, err = detectEncoding(r, size, sample, atEOF); err != nil {
			return nil, err
		}
	}
	if w.text.enc != nil {
		// A character cut at the sample edge decodes to U+FFFD, harmless for counting.
		if dec, _, err := transform.Bytes(w.text.enc.NewDecoder(), body); err == nil {
			body = dec
		}
	}
	if bytes.IndexByte(body, '\n') < 0 && bytes.IndexByte(body, '\r') >= 0 {
		w.crOnly = true
		body = bytes.ReplaceAll(body, []byte{'\r'}, []byte{'\n'})
	}
	w.comma = rune(detectComma(body, atEOF))
	return w, nil
}

// readSample reads up to sampleSize bytes at off into buf (allocated when nil) and reports
// whether they reach the end.
func readSample(r io.ReaderAt, buf []byte, off, size int64) ([]byte, bool, error) {
	if buf == nil {
		buf = make([]byte, sampleSize)
	}
	n, err := r.ReadAt(buf[:min(int64(len(buf)), max(0, size-off))], off)
	if err != nil && err != io.EOF {
		return nil, false, err
	}
	return buf[:n], off+int64(n) >= size || n == 0, nil
}

// detectEncoding tells UTF-8 from GB18030 (the superset of GBK that Taobao and Excel on
// Chinese Windows write). ASCII says nothing, so when the first sample is pure ASCII it
// looks further, chunk by chunk, for the first non-ASCII byte and judges from there.
func detectEncoding(r io.ReaderAt, size int64, sample []byte, atEOF bool) (textEncoding, error) {
	off, s, eof := int64(0), sample, atEOF
	var buf []byte // reused while skipping ASCII, so a large file costs no garbage
	for {
		i := firstNonASCII(s)
		if i < 0 {
			if eof {
				return encUTF8, nil
			}
			off += int64(len(s))
		} else if i == 0 {
			break
		} else {
			off += int64(i)
		}
		var err error
		if s, eof, err = readSample(r, buf, off, size); err != nil {
			return textEncoding{}, err
		}
		buf = s[:cap(s)]
	}
	if validUTF8Sample(s, eof) {
		return encUTF8, nil
	}
	return encGB18030, nil
}

func firstNonASCII(s []byte) int {
	for i, c := range s {
		if c >= 0x80 {
			return i
		}
	}
	return -1
}

// validUTF8Sample reports whether s is valid UTF-8, forgiving a character cut short by the
// end of the sample.
func validUTF8Sample(s []byte, eof bool) bool {
	if !eof {
		for k := 1; k <= utf8.UTFMax && k <= len(s); k++ {
			if c := s[len(s)-k]; c < 0x80 {
				break
			} else if utf8.RuneStart(c) {
				if !utf8.FullRune(s[len(s)-k:]) {
					s = s[:len(s)-k]
				}
				break
			}
		}
	}
	return utf8.Valid(s)
}

// looksLikeMarkup spots HTML or XML pages, which some old "Excel" exports really are.
func looksLikeMarkup(s []byte) bool {
	s = bytes.TrimLeft(s, " \t\r\n")
	if len(s) == 0 || s[0] != '<' {
		return false
	}
	head := strings.ToLower(string(s[:min(len(s), 64)]))
	for _, p := range []string{"<!doctype", "<html", "<?xml", "<table", "<head", "<meta", "<body", "<style", "<!--"} {
		if strings.HasPrefix(head, p) {
			return true
		}
	}
	return false
}

func isExcelName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xls", ".xlsx", ".xlsm", ".et":
		return true
	}
	return false
}

// detectComma picks the separator among comma, tab and semicolon: the one whose per-record
// count (outside quotes, over the sample's records) is most often the same non-zero number.
// Ties go to the larger count (a semicolon file with decimal commas), then to comma.
func detectComma(s []byte, atEOF bool) byte {
	best, bestFreq, bestMode := byte(','), 0, 0
	for _, sep := range []byte{',', '\t', ';'} {
		freq := map[int]int{}
		countSeparators(s, sep, atEOF, func(n int) {
			if n > 0 {
				freq[n]++
			}
		})
		for n, f := range freq {
			if f > bestFreq || f == bestFreq && n > bestMode {
				best, bestFreq, bestMode = sep, f, n
			}
		}
	}
	return best
}

// countSeparators calls fn with the number of sep outside quotes in each non-empty record
// of s (at most 1000), following encoding/csv's lazy-quote rules closely enough: a quote
// opens only at the start of a field and closes before a separator or line end. The last
// record is left out when the sample stops mid-file.
func countSeparators(s []byte, sep byte, atEOF bool, fn func(int)) {
	n, records, inQuote, fieldStart, empty := 0, 0, false, true, true
	for i := 0; i < len(s) && records < 1000; i++ {
		c := s[i]
		if inQuote {
			if c == '"' {
				switch {
				case i+1 < len(s) && s[i+1] == '"':
					i++
				case i+1 == len(s) || s[i+1] == sep || s[i+1] == '\n' || s[i+1] == '\r':
					inQuote = false
				}
			}
			continue
		}
		switch c {
		case '\r':
		case '\n':
			if !empty {
				fn(n)
				records++
			}
			n, fieldStart, empty = 0, true, true
		case sep:
			n, fieldStart, empty = n+1, true, false
		case '"':
			inQuote = fieldStart
			fieldStart, empty = false, false
		default:
			fieldStart, empty = false, false
		}
	}
	if atEOF && !empty && !inQuote {
		fn(n)
	}
}

// csvState tracks what row numbering and the unclosed-quote check need between records.
type csvState struct {
	w         *Workbook
	endLine   int  // line on which the previous record ended
	multiline bool // the previous record's last cell spans lines
}

// csvRows starts streaming the text from the top: file → decoder → bufio → encoding/csv.
func (w *Workbook) csvRows() *Rows {
	var src io.Reader = io.NewSectionReader(w.src, w.dataStart, w.size-w.dataStart)
	if w.text.enc != nil {
		src = transform.NewReader(src, w.text.enc.NewDecoder())
	}
	if w.crOnly {
		src = crToLF{src}
	}
	cr := csv.NewReader(bufio.NewReaderSize(src, 64<<10))
	cr.Comma = w.comma
	cr.LazyQuotes = true    // stray quotes in titles (5"屏) are normal
	cr.FieldsPerRecord = -1 // ragged rows are normal
	cr.ReuseRecord = true
	return &Rows{cr: cr, csv: &csvState{w: w}, validate: w.text.enc == nil}
}

// nextCSV reads records until a non-blank one. Row numbers come from line numbers:
// encoding/csv skips empty lines, which Excel shows as rows, and a record spanning
// several lines is one row in Excel.
func (r *Rows) nextCSV() bool {
	st := r.csv
	for {
		rec, err := r.cr.Read()
		if err == io.EOF {
			if st.multiline && !st.w.endsWithQuote() {
				r.err = fmt.Errorf("row %d: %w", r.row, ErrUnclosedQuote)
			}
			return false
		}
		if err != nil {
			r.err = fmt.Errorf("after row %d: %w", r.row, unreadable(err))
			return false
		}
		start, _ := r.cr.FieldPos(0)
		end, _ := r.cr.FieldPos(len(rec) - 1)
		nl := strings.Count(rec[len(rec)-1], "\n")
		end += nl
		r.row += start - st.endLine
		st.endLine, st.multiline = end, nl > 0
		if end-start >= maxRecordLines {
			r.err = fmt.Errorf("row %d: %w (a cell spans %d lines)", r.row, ErrUnclosedQuote, end-start+1)
			return false
		}
		cells := trimBlankTail(rec)
		if len(cells) == 0 {
			continue
		}
		if r.validate {
			for i, c := range cells {
				if !utf8.ValidString(c) {
					cells[i] = strings.ToValidUTF8(c, "\uFFFD")
				}
			}
		}
		r.cells = cells
		return true
	}
}

// endsWithQuote reports whether the file's last non-newline byte is a quote mark, as it
// must be when the last record ends inside a quoted multi-line cell that was closed. NULs
// are skipped so that UTF-16 text works too.
func (w *Workbook) endsWithQuote() bool {
	n := min(int64(64), w.size-w.dataStart)
	buf := make([]byte, n)
	if _, err := w.src.ReadAt(buf, w.size-n); err != nil && err != io.EOF {
		return true // cannot tell; do not cry wolf
	}
	buf = bytes.TrimRight(buf, "\r\n\x00")
	return len(buf) > 0 && buf[len(buf)-1] == '"'
}

// crToLF turns old Mac line ends (CR only, as Excel for Mac's "CSV (Macintosh)" writes)
// into LF, the only line end encoding/csv knows.
type crToLF struct{ r io.Reader }

func (c crToLF) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}
