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
	byRow map[int]map[int]string
}

// set places a cell; a later value for the same cell replaces an earlier one, as Excel
// does when a file repeats a cell record. Blank text is not stored.
func (b *tableBuilder) set(row, col int, text string) {
	if isBlank(text) {
		return
	}
	if b.byRow == nil {
		b.byRow = make(map[int]map[int]string)
	}
	cols := b.byRow[row]
	if cols == nil {
		cols = make(map[int]string)
		b.byRow[row] = cols
	}
	cols[col] = text
}

// build returns the table, rows in ascending order and numbered from 1.
func (b *tableBuilder) build() *table {
	t := &table{rows: make([]tableRow, 0, len(b.byRow))}
	for row, cols := range b.byRow {
		last := -1
		for c := range cols {
			last = max(last, c)
		}
		cells := make([]string, last+1)
		for c, v := range cols {
			cells[c] = v
		}
		t.rows = append(t.rows, tableRow{num: row + 1, cells: cells})
	}
	sortRows(t.rows)
	return t
}

// sortRows orders rows by number.
func sortRows(rows []tableRow) {
	slices.SortFunc(rows, func(a, b tableRow) int { return a.num - b.num })
}
