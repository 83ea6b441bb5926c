package importer

import (
	"shopcrm/importer/clean"
	"shopcrm/importer/field"
	"shopcrm/importer/sheet"
)

// tradeDateFields are the columns a trade's time is read from.
var tradeDateFields = map[field.Key]bool{field.PaidAt: true, field.CreatedAt: true, field.TradedAt: true}

// decideDayOrder decides, for the whole of each trade-date column, whether its dates
// are written day first: "12/02/2026" is 12 February in a column that also holds
// "25/01/2026", and 2 December in one that holds "01/25/2026". Any value above 12 in
// the first place decides for day first, one above 12 in the second for month first;
// a column that holds neither follows the sheet's other date columns, else stays
// month first (the rule of data.ParseTime). The sheet is read once more only when its
// first rows (sample) hold such dates; a column that holds both orders is left to the
// value-by-value rule. It returns the day-first columns, nil for none.
func decideDayOrder(wb *sheet.Workbook, name string, m *Mapping, sample [][]string) (map[int]bool, error) {
	var cols []int
	for i, k := range m.Fields {
		if tradeDateFields[k] {
			cols = append(cols, i)
		}
	}
	if !anyDayMonth(sample, cols) {
		return nil, nil
	}
	rows, err := wb.Rows(name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	dayFirst, monthFirst := map[int]bool{}, map[int]bool{}
	for rows.Next() {
		if rows.RowNumber() <= m.HeaderRow {
			continue
		}
		cells := rows.Cells()
		for _, i := range cols {
			if i >= len(cells) {
				continue
			}
			if a, b, ok := clean.DayMonth(cells[i]); ok {
				dayFirst[i] = dayFirst[i] || a > 12
				monthFirst[i] = monthFirst[i] || b > 12
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sheetDayFirst, sheetMonthFirst := false, false
	for _, i := range cols {
		sheetDayFirst = sheetDayFirst || dayFirst[i] && !monthFirst[i]
		sheetMonthFirst = sheetMonthFirst || monthFirst[i] && !dayFirst[i]
	}
	out := map[int]bool{}
	for _, i := range cols {
		decided := dayFirst[i] || monthFirst[i]
		if dayFirst[i] && !monthFirst[i] || !decided && sheetDayFirst && !sheetMonthFirst {
			out[i] = true
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// anyDayMonth reports whether a date column of the sample rows holds a date written
// with its year last.
func anyDayMonth(sample [][]string, cols []int) bool {
	for _, r := range sample {
		for _, i := range cols {
			if i < len(r) {
				if _, _, ok := clean.DayMonth(r[i]); ok {
					return true
				}
			}
		}
	}
	return false
}
