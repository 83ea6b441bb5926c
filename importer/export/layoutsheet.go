package export

import (
	"github.com/xuri/excelize/v2"

	"shopcrm/importer/field"
)

// LayoutSheet is a very hidden sheet that records which field each column of the
// archive holds (sheet, header, field). Headers alone are not enough: an extra column
// may be named like a known field ("Billing Address1" kept beside the address), and
// must come back as the same extra field.
const LayoutSheet = "ShopCRM"

// writeLayoutSheet adds the hidden column map; the seller never sees it, and editing
// or reordering the visible columns keeps working because columns match by header.
func writeLayoutSheet(f *excelize.File, l Layout) error {
	if _, err := f.NewSheet(LayoutSheet); err != nil {
		return err
	}
	row := 1
	for _, part := range []struct {
		sheet string
		cols  []Column
	}{{CustomersSheet, l.Customers}, {TradesSheet, l.Trades}} {
		for _, c := range part.cols {
			k := c.Field
			if IsStat(k) {
				k = field.Ignore
			}
			cell, _ := excelize.CoordinatesToCellName(1, row)
			if err := f.SetSheetRow(LayoutSheet, cell, &[]string{part.sheet, c.Header, string(k)}); err != nil {
				return err
			}
			row++
		}
	}
	if err := f.SetSheetDimension(LayoutSheet, sheetRange(3, row-1)); err != nil {
		return err
	}
	return f.SetSheetVisible(LayoutSheet, false, true)
}
