package sheet

import (
	"errors"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// ErrNoValue means a formula cell has no cached value and cannot be calculated.
var ErrNoValue = errors.New("formula without a value")

// Calc calculates the formula of a cell that has no cached value (see Rows.Uncached):
// row is the 1-based sheet row, col the 0-based column. The whole workbook is opened
// with excelize on the first call, so a file whose formulas all carry their values
// never pays for it. The result is the raw value (no number format); ErrNoValue when
// the formula cannot be calculated (unsupported function, a reference to another
// workbook) or calculates to nothing.
func (w *Workbook) Calc(sheet string, row, col int) (string, error) {
	if w.format != FormatXLSX || w.zipSrc == nil {
		return "", ErrNoValue
	}
	if w.calc == nil && w.calcErr == nil {
		w.calcErr = safely(func() error {
			var err error
			w.calc, err = excelize.OpenReader(io.NewSectionReader(w.zipSrc, 0, w.zipSize))
			return err
		})
	}
	if w.calcErr != nil {
		return "", fmt.Errorf("%w: %w", ErrNoValue, unreadable(w.calcErr))
	}
	cell, err := excelize.CoordinatesToCellName(col+1, row)
	if err != nil {
		return "", ErrNoValue
	}
	var v string
	err = safely(func() error {
		var err error
		v, err = w.calc.CalcCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		return err
	})
	if err != nil || v == "" || v[0] == '#' { // #DIV/0!, #NAME? …: an error, not a value
		return "", ErrNoValue
	}
	return v, nil
}
