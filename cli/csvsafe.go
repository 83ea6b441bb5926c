package cli

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// csvWriter writes CSV that spreadsheet programs cannot run: a text cell starting
// with = + - @ tab or carriage return gets a leading ' (OWASP's rule against CSV
// injection), so a buyer who names themselves "=HYPERLINK(…)" stays text when the
// seller opens the file in Excel or WPS. Plain numbers ("-12.50") are left as they are.
type csvWriter struct{ *csv.Writer }

func newCSVWriter(w io.Writer) csvWriter { return csvWriter{csv.NewWriter(w)} }

// Write writes one record, each cell made safe.
func (w csvWriter) Write(record []string) error {
	safe := make([]string, len(record))
	for i, cell := range record {
		safe[i] = SafeCSVCell(cell)
	}
	return w.Writer.Write(safe)
}

// SafeCSVCell is cell, prefixed with ' when a spreadsheet would read it as a formula.
func SafeCSVCell(cell string) string {
	if cell == "" || !strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return cell
	}
	if _, err := strconv.ParseFloat(cell, 64); err == nil && cell[0] != '\t' && cell[0] != '\r' {
		return cell
	}
	return "'" + cell
}
