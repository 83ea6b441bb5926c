package sheet

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sheetRows streams one worksheet part. Next and Columns follow excelize's Rows.Next and
// Rows.Columns with raw cell values step for step, so that row numbers, gaps, cells and
// errors come out as they did when this package read through excelize:
//   - Next steps one sheet row at a time, also across rows missing from the XML, for which
//     Columns returns nil; a <row> without r is the previous row + 1.
//   - Columns collects every <c> up to the next <row> numbered beyond the current one (a
//     row numbered at or below it is merged into it, as excelize does) or </sheetData>.
type sheetRows struct {
	s   *xmlScanner
	sst *sharedStrings
	rc  io.Closer

	seekRow, curRow int
	pending         bool // Next read the current row's start tag; Columns has not
	pendingNum      int
	pendingErr      error
	err             error

	cells []string
	// uncached: the cells of the current row (0-based) that hold a formula without a
	// cached value (what openpyxl and some tools write): their text is empty
	uncached []int
	row      []byte // the current row's cell text, converted to one string per row
	offs     []int  // end offset in row of each cell; -1 marks a shared string
	shared   []string
	cell     cellState
	inlineT  richText
}

// cellState is one <c> being read.
type cellState struct {
	col     int
	ref     []byte
	typ     []byte
	v       []byte
	formula bool
	name    []byte // the <c> tag's qualified name, to find its end
}

var errMaxRows = fmt.Errorf("%w: the sheet has more than %d rows", ErrUnreadable, excelize.TotalRows)

// Next advances to the next sheet row.
func (r *sheetRows) Next() bool {
	if r.err != nil {
		return false
	}
	r.seekRow++
	if r.curRow >= r.seekRow {
		return true
	}
	for {
		switch r.s.next(false) {
		case tokEOF:
			r.err = r.s.err
			return false
		case tokStart:
			if string(localName(r.s.name)) != "row" {
				continue
			}
			r.curRow++
			num, err := r.rowNumber()
			if num > excelize.TotalRows {
				r.err = errMaxRows
				return false
			}
			if num != 0 {
				r.curRow = num
			}
			r.pending, r.pendingNum, r.pendingErr = true, num, err
			return true
		case tokEnd:
			if string(localName(r.s.name)) == "sheetData" {
				return false
			}
		}
	}
}

// rowNumber reads the r attribute of the current <row> start tag as excelize's
// attrValToInt does: the last r wins, and an unparsable one is an error.
func (r *sheetRows) rowNumber() (int, error) {
	it := attrIter{rest: r.s.attrs, s: r.s}
	num := 0
	for {
		name, ok, err := it.next()
		if err != nil {
			return 0, err
		}
		if !ok {
			return num, nil
		}
		if string(name) == "r" {
			if num, err = strconv.Atoi(string(it.val)); err != nil {
				return num, fmt.Errorf("%w: invalid row number", ErrUnreadable)
			}
		}
	}
}

// Err reports the error that stopped Next.
func (r *sheetRows) Err() error { return r.err }

// Close releases the part's reader.
func (r *sheetRows) Close() error {
	if r.rc == nil {
		return nil
	}
	rc := r.rc
	r.rc = nil
	return rc.Close()
}

// Columns returns the cells of the current row: nil for a row missing from the XML.
func (r *sheetRows) Columns() ([]string, error) {
	if r.curRow > r.seekRow {
		return nil, nil
	}
	r.row, r.offs, r.shared, r.uncached = r.row[:0], r.offs[:0], r.shared[:0], r.uncached[:0]
	col := 0
	for {
		var tok xmlToken
		if r.pending {
			tok = tokStart
		} else if tok = r.s.next(false); tok == tokEOF {
			if r.s.err != nil {
				r.err = r.s.err
				return nil, r.err
			}
			break
		}
		switch tok {
		case tokStart:
			switch string(localName(r.s.name)) {
			case "row":
				num, err := r.pendingNum, r.pendingErr
				if !r.pending {
					num, err = r.rowNumber()
				}
				if num > excelize.TotalRows {
					r.err, r.pending = errMaxRows, false
					return r.columns(), r.err
				} else if num != 0 {
					r.curRow = num
				} else if !r.pending {
					r.curRow++
				}
				r.pending = false
				if r.curRow > r.seekRow || err != nil {
					return r.columns(), err
				}
			case "c":
				var err error
				if col, err = r.readCell(col); err != nil {
					return r.columns(), err
				}
			default:
				r.pending = false
			}
		case tokEnd:
			if string(localName(r.s.name)) == "sheetData" {
				return r.columns(), nil
			}
		}
	}
	return r.columns(), nil
}

// columns turns the collected cell text into strings: one allocation per row.
func (r *sheetRows) columns() []string {
	if len(r.offs) == 0 {
		return nil
	}
	all := string(r.row)
	r.cells = r.cells[:0]
	from, si := 0, 0
	for _, end := range r.offs {
		if end < 0 {
			r.cells = append(r.cells, r.shared[si])
			si++
			continue
		}
		r.cells = append(r.cells, all[from:end])
		from = end
	}
	return r.cells
}

// readCell reads the <c> just started, as excelize's rowXMLHandler with raw values, and
// returns its column; col is the previous cell's.
func (r *sheetRows) readCell(col int) (int, error) {
	c := &r.cell
	c.col, c.ref, c.typ, c.v, c.formula = col+1, c.ref[:0], c.typ[:0], c.v[:0], false
	r.inlineT.reset()
	if r.cellAttrs() {
		if err := r.cellBody(); err != nil {
			return col, err
		}
	}
	if len(c.ref) > 0 {
		n, ok := cellColumn(c.ref)
		if !ok {
			return col, fmt.Errorf("%w: invalid cell reference", ErrUnreadable)
		}
		c.col = n
	}
	r.addCell()
	return c.col, nil
}

// cellAttrs reads r, s and t. Like excelize, an s that is not an integer ends the cell
// there: the attributes after it and the cell's content are not read as this cell's.
func (r *sheetRows) cellAttrs() bool {
	c := &r.cell
	it := attrIter{rest: r.s.attrs, s: r.s}
	for {
		name, ok, err := it.next()
		if err != nil {
			r.s.fail("malformed attribute")
			return false
		}
		if !ok {
			return true
		}
		switch string(name) {
		case "r":
			c.ref = append(c.ref[:0], it.val...)
		case "t":
			c.typ = append(c.typ[:0], it.val...)
		case "s":
			if _, err := strconv.ParseInt(string(it.val), 10, 64); err != nil {
				return false
			}
		}
	}
}

// cellBody reads a cell's content up to the first end tag named like the cell.
func (r *sheetRows) cellBody() error {
	s, c := r.s, &r.cell
	if r.s.err != nil {
		return r.s.err
	}
	c.name = append(c.name[:0], s.name...)
	for {
		var err error
		switch s.next(false) {
		case tokEOF:
			return s.errOrEOF()
		case tokStart:
			switch string(localName(s.name)) {
			case "v":
				c.v, err = s.directText(c.v[:0])
			case "f":
				c.formula = true
				if err = checkTypedAttrs(s, "f"); err == nil {
					err = s.skipElement()
				}
			case "is":
				err = r.inlineT.read(s)
			}
			if err != nil && errors.Is(err, errBadTypedAttr) {
				return nil // abandon the cell where excelize does; see errBadTypedAttr
			}
		case tokEnd:
			if string(s.name) == string(c.name) {
				return nil
			}
		}
		if err != nil {
			return err
		}
	}
}

// addCell appends the cell's raw value, padding skipped columns with blanks, when it has
// a value or a formula (excelize: val != "" || colCell.F != nil).
func (r *sheetRows) addCell() {
	c := &r.cell
	shared, isShared := "", false
	start := len(r.row)
	switch string(c.typ) {
	case "s":
		if len(c.v) > 0 {
			shared, _ = r.sst.at(sharedIndex(c.v)) // a bad index reads as empty, as in excelize
			isShared = true
		}
	case "inlineStr":
		if r.inlineT.seen {
			r.row = r.inlineT.appendTo(r.row)
			break
		}
		r.row = append(r.row, c.v...)
	default: // numbers, "str", "b", "d", "e": the raw <v>
		r.row = append(r.row, c.v...)
	}
	if (isShared && shared == "" || !isShared && len(r.row) == start) && !c.formula {
		r.row = r.row[:start]
		return
	}
	for n := len(r.offs) + 1; n < c.col; n++ {
		r.offs = append(r.offs, start)
	}
	if c.formula && (isShared && shared == "" || !isShared && len(r.row) == start) {
		r.uncached = append(r.uncached, len(r.offs))
	}
	if isShared {
		r.offs = append(r.offs, -1)
		r.shared = append(r.shared, shared)
		return
	}
	r.offs = append(r.offs, len(r.row))
}

// cellColumn returns the column of a cell reference such as "B7" or "$B$7", accepting
// and refusing exactly what excelize's CellNameToCoordinates does.
func cellColumn(ref []byte) (int, bool) {
	col, i := 0, 0
	for ; i < len(ref) && i < 3 && 'A' <= ref[i] && ref[i] <= 'Z'; i++ {
		col = col*26 + int(ref[i]-'A'+1)
	}
	row, j := 0, i
	for ; j < len(ref) && j-i < 7 && '0' <= ref[j] && ref[j] <= '9'; j++ {
		row = row*10 + int(ref[j]-'0')
	}
	if i > 0 && j > i && j == len(ref) && col <= excelize.MaxColumns && row > 0 && row <= excelize.TotalRows {
		return col, true
	}
	n, _, err := excelize.CellNameToCoordinates(string(ref))
	return n, err == nil
}

// sharedIndex parses a shared string index as excelize does (Atoi of the trimmed text;
// text that is not a number is index 0), without allocating for plain digits.
func sharedIndex(v []byte) int {
	n := 0
	for _, c := range v {
		if c < '0' || c > '9' || len(v) > 9 {
			i, _ := strconv.Atoi(strings.TrimSpace(string(v)))
			return i
		}
		n = n*10 + int(c-'0')
	}
	return n
}
