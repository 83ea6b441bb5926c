package sheet

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// Limits on what an HTML table may claim: Excel's own column limit, and span sizes
// that keep a hostile colspan or rowspan from allocating without bound.
const (
	maxHTMLColumns = 16384
	maxHTMLRows    = 1 << 20
	maxHTMLSpan    = 1000
)

// openHTML reads the tables of an HTML page, as old JD and ERP exports write them with
// an .xls name: each top-level <table> is a sheet, each <tr> a row, each <td> or <th> a
// cell, colspan and rowspan placing the cells after them as Excel does (the value in
// the first cell of the span). Text is taken as the page shows it: entities decoded,
// runs of whitespace made one space, <br> a line break. The encoding comes from a BOM or
// the page's <meta charset>, else UTF-8 when the bytes are valid UTF-8, else GB18030.
// A page without a table is ErrLegacyXLS under an Excel name, else ErrUnreadable.
func openHTML(r io.ReaderAt, size int64, name string) (*Workbook, error) {
	raw := make([]byte, size)
	if _, err := io.ReadFull(io.NewSectionReader(r, 0, size), raw); err != nil {
		return nil, err
	}
	var w *Workbook
	err := safely(func() error {
		tables, err := readHTMLTables(decodeHTML(raw))
		if err != nil {
			return err
		}
		w = &Workbook{format: FormatHTML, tables: tables}
		base := sheetName(name)
		for i := range tables {
			if i == 0 {
				w.sheets = append(w.sheets, base)
			} else {
				w.sheets = append(w.sheets, base+"_"+strconv.Itoa(i+1))
			}
		}
		return nil
	})
	switch {
	case err != nil:
		return nil, unreadable(err)
	case len(w.sheets) == 0 && isExcelName(name):
		return nil, ErrLegacyXLS
	case len(w.sheets) == 0:
		return nil, fmt.Errorf("%w: HTML or XML without a table", ErrUnreadable)
	}
	return w, nil
}

// decodeHTML returns the page as UTF-8.
func decodeHTML(raw []byte) io.Reader {
	enc, _, certain := charset.DetermineEncoding(raw, "text/html")
	if !certain && utf8.Valid(raw) {
		return bytes.NewReader(raw)
	}
	if !certain {
		enc = simplifiedchinese.GB18030
	}
	return transform.NewReader(bytes.NewReader(raw), enc.NewDecoder())
}

// htmlTable builds one table from its rows and cells.
type htmlTable struct {
	tb      tableBuilder
	row     int         // current row index, -1 before the first <tr>
	col     int         // next free column in the row
	spans   map[int]int // column → rows still covered by a rowspan from above
	cellCol int         // column of the open cell, -1 when none
	text    strings.Builder
}

func newHTMLTable() *htmlTable {
	return &htmlTable{row: -1, cellCol: -1, spans: map[int]int{}}
}

// startRow begins a <tr>; rowspans from above age by one row.
func (t *htmlTable) startRow() error {
	t.endCell()
	if t.row >= 0 {
		for c, n := range t.spans {
			if n <= 1 {
				delete(t.spans, c)
			} else {
				t.spans[c] = n - 1
			}
		}
	}
	t.row++
	t.col = 0
	if t.row >= maxHTMLRows {
		return fmt.Errorf("%w: the table has more than %d rows", ErrTooLarge, maxHTMLRows)
	}
	return nil
}

// startCell begins a <td> or <th> with its spans.
func (t *htmlTable) startCell(colspan, rowspan int) error {
	t.endCell()
	if t.row < 0 {
		if err := t.startRow(); err != nil { // a cell before any <tr>
			return err
		}
	}
	for t.spans[t.col] > 0 {
		t.col++
	}
	if t.col+colspan > maxHTMLColumns {
		return fmt.Errorf("%w: the table has more than %d columns", ErrTooLarge, maxHTMLColumns)
	}
	t.cellCol = t.col
	if rowspan > 1 {
		for c := t.col; c < t.col+colspan; c++ {
			t.spans[c] = rowspan
		}
	}
	t.col += colspan
	return nil
}

// endCell places the open cell's text.
func (t *htmlTable) endCell() {
	if t.cellCol < 0 {
		return
	}
	t.tb.set(t.row, t.cellCol, cellText(t.text.String()))
	t.text.Reset()
	t.cellCol = -1
}

// cellText collapses whitespace as a browser does; a <br> (stored as \x00) is a line break.
func cellText(s string) string {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	lines := strings.Split(s, "\x00")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// spanAttr reads a colspan or rowspan attribute: 1 when absent or odd, capped.
func spanAttr(tok html.Token, name string) int {
	for _, a := range tok.Attr {
		if a.Key == name {
			n, err := strconv.Atoi(strings.TrimSpace(a.Val))
			if err != nil || n < 1 {
				return 1
			}
			return min(n, maxHTMLSpan)
		}
	}
	return 1
}

// readHTMLTables tokenizes the page and returns its top-level tables. Text of a table
// nested in a cell becomes part of that cell's text.
func readHTMLTables(r io.Reader) ([]*table, error) {
	z := html.NewTokenizer(r)
	var tables []*table
	var cur *htmlTable
	depth, skip := 0, 0 // table nesting; inside <script> or <style>
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if err := z.Err(); err != io.EOF {
				return nil, err
			}
			if cur != nil { // a table never closed: keep its rows
				cur.endCell()
				tables = append(tables, cur.tb.build())
			}
			return tables, nil
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			switch tok.Data {
			case "script", "style":
				if tt == html.StartTagToken {
					skip++
				}
			case "table":
				depth++
				if depth == 1 {
					cur = newHTMLTable()
				}
			case "tr":
				if depth == 1 {
					if err := cur.startRow(); err != nil {
						return nil, err
					}
				}
			case "td", "th":
				if depth == 1 {
					if err := cur.startCell(spanAttr(tok, "colspan"), spanAttr(tok, "rowspan")); err != nil {
						return nil, err
					}
				}
			case "br", "p", "div":
				if cur != nil && cur.cellCol >= 0 {
					cur.text.WriteByte(0)
				}
			}
		case html.EndTagToken:
			switch tok.Data {
			case "script", "style":
				skip = max(0, skip-1)
			case "table":
				if depth == 1 {
					cur.endCell()
					tables = append(tables, cur.tb.build())
					cur = nil
				}
				depth = max(0, depth-1)
			case "td", "th":
				if depth == 1 {
					cur.endCell()
				}
			}
		case html.TextToken:
			if cur != nil && cur.cellCol >= 0 && skip == 0 {
				cur.text.WriteString(tok.Data)
			}
		}
	}
}
