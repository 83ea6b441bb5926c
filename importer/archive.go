package importer

import (
	"shopcrm/importer/export"
	"shopcrm/importer/field"
	"shopcrm/importer/sheet"
)

// archiveColumns reads the hidden column map of a ShopCRM export (sheet → header →
// field), or nil for any other workbook. With it an exported archive re-imports
// exactly, extra columns named like known fields included.
func archiveColumns(wb *sheet.Workbook) map[string]map[string]field.Key {
	found := false
	for _, s := range wb.Sheets() {
		found = found || s == export.LayoutSheet
	}
	if !found {
		return nil
	}
	rows, err := wb.Rows(export.LayoutSheet)
	if err != nil {
		return nil
	}
	defer rows.Close()
	out := map[string]map[string]field.Key{}
	for rows.Next() {
		c := rows.Cells()
		if len(c) < 3 {
			continue
		}
		if out[c[0]] == nil {
			out[c[0]] = map[string]field.Key{}
		}
		out[c[0]][c[1]] = field.Key(c[2])
	}
	if rows.Err() != nil {
		return nil
	}
	return out
}

// applyArchiveColumns maps the columns named in an archive's column map as the
// export wrote them; columns the seller added since keep their recognised field.
func applyArchiveColumns(m *Mapping, cols map[string]field.Key) {
	for i, h := range m.Headers {
		if k, ok := cols[h]; ok {
			m.Fields[i] = k
		}
	}
}

// visibleSheets drops the hidden column map from the sheets a seller can choose.
func visibleSheets(names []string) []string {
	var out []string
	for _, n := range names {
		if n != export.LayoutSheet {
			out = append(out, n)
		}
	}
	return out
}
