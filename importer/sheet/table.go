package sheet

import "slices"

// table is a sheet read whole into memory: the legacy .xls and HTML-table readers build
// one, because their formats cannot be streamed row by row (BIFF cells may come in any
// order, an HTML table's rowspans reach into later rows). Both formats are small by
// nature: an .xls holds at most 65,536 rows.
type table struct {
	rows []tableRow // ascending row numbers, blank rows left out
}

// tableRow is one non-blank row: its 1-based number as the seller sees it and its cells
// with trailing blanks trimmed.
type tableRow struct {
	num   int
	cells []string
}

// tableRows iterates a table for Rows.
type tableRows struct {
	t *table
	i int
}

// nextTable advances to the next non-blank row of an in-memory table.
func (r *Rows) nextTable() bool {
	for r.tr.i < len(r.tr.t.rows) {
		row := r.tr.t.rows[r.tr.i]
		r.tr.i++
		if cells := trimBlankTail(row.cells); len(cells) > 0 {
			r.row, r.cells = row.num, cells
			return true
		}
	}
	return false
}

// tableBuilder collects cells placed by (row, column), in any order, into a table.
type tableBuilder struct {
	rows [][]string // by 0-based row index; nil for a row without cells
}

// set places a cell; a later value for the same cell replaces an earlier one, as Excel
// does when a file repeats a cell record. Empty text is not stored; whitespace is, as
// the xlsx reader keeps it (Rows trims blank tails and skips blank rows). The callers
// bound row and col (65,536 × 256 for .xls, the HTML limits for tables).
func (b *tableBuilder) set(row, col int, text string) {
	if text == "" {
		return
	}
	if row >= len(b.rows) {
		b.rows = slices.Grow(b.rows, row+1-len(b.rows))[:row+1]
	}
	cells := b.rows[row]
	if col >= len(cells) {
		cells = slices.Grow(cells, col+1-len(cells))[:col+1]
		b.rows[row] = cells
	}
	cells[col] = text
}

// build returns the table, rows in ascending order and numbered from 1.
func (b *tableBuilder) build() *table {
	t := &table{}
	for i, cells := range b.rows {
		if len(cells) > 0 {
			t.rows = append(t.rows, tableRow{num: i + 1, cells: cells})
		}
	}
	return t
}
