package sheet

import (
	"encoding/csv"
	"strings"
)

// Rows streams the non-blank rows of one sheet:
//
//	rows, err := wb.Rows(wb.Sheets()[0])
//	if err != nil { … }
//	defer rows.Close()
//	for rows.Next() {
//		use(rows.RowNumber(), rows.Cells())
//	}
//	if err := rows.Err(); err != nil { … }
//
// Rows whose cells are all empty or whitespace are skipped, but still counted, so
// RowNumber stays the number Excel shows. Rows is not safe for concurrent use.
type Rows struct {
	row   int
	cells []string
	err   error
	done  bool

	xr *sheetRows // xlsx

	tr *tableRows // xls and html, read whole

	cr       *csv.Reader // csv
	csv      *csvState
	validate bool // check cells for invalid UTF-8 (undecoded utf-8 input)
}

// Next advances to the next non-blank row and reports whether there is one. It returns
// false at the end of the sheet or on an error; check Err afterwards.
func (r *Rows) Next() bool {
	if r.done {
		return false
	}
	var ok bool
	if r.xr != nil {
		ok = r.nextXLSX()
	} else if r.tr != nil {
		ok = r.nextTable()
	} else if r.cr != nil {
		ok = r.nextCSV()
	}
	if !ok {
		r.done, r.cells = true, nil
	}
	return ok
}

// Cells returns the current row's raw cell text, with trailing blank cells trimmed, so it
// is never empty after a successful Next. Inner cells keep their whitespace. Merged cells
// of an xlsx carry their value in the top-left cell only. The slice may be reused by the
// next call to Next; copy it to keep it (the strings themselves may be kept).
func (r *Rows) Cells() []string { return r.cells }

// Uncached lists the cells of the current row (0-based columns) that hold a formula
// without a cached value, as openpyxl and some tools write them: Cells has them empty,
// which does not mean the cell is. Their column may lie past the end of Cells (trimmed
// blank tail). nil for csv and for rows without such cells; see Workbook.Calc.
func (r *Rows) Uncached() []int {
	if r.xr == nil || len(r.xr.uncached) == 0 {
		return nil
	}
	return r.xr.uncached
}

// RowNumber returns the 1-based row number of the current row as Excel shows it: blank and
// missing rows are counted, and a csv record whose quoted cell spans several lines counts
// as one row.
func (r *Rows) RowNumber() int { return r.row }

// Err returns the error that stopped Next, if any. The message never contains cell text.
func (r *Rows) Err() error { return r.err }

// Close releases the rows' resources. It is safe to call more than once, and it does not
// close the Workbook.
func (r *Rows) Close() error {
	r.done, r.cells = true, nil
	if r.xr != nil {
		xr := r.xr
		r.xr = nil
		return safely(xr.Close)
	}
	r.cr, r.csv, r.tr = nil, nil, nil
	return nil
}

// trimBlankTail drops trailing cells that are empty or whitespace only. A row of nothing
// but blank cells comes back empty.
func trimBlankTail(cells []string) []string {
	n := len(cells)
	for n > 0 && isBlank(cells[n-1]) {
		n--
	}
	return cells[:n]
}

// isBlank reports whether s is empty or only whitespace (including the full-width space
// U+3000 and the no-break space that Excel users type or paste).
func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f':
		case c < 0x80:
			return false
		default:
			return strings.TrimSpace(s[i:]) == ""
		}
	}
	return true
}
