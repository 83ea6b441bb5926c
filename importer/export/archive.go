package export

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"shopcrm/data"
	"shopcrm/importer/field"
)

// Archive writes the workbook to w: sheet 1 (CustomersSheet) one row per customer,
// sheet 2 (TradesSheet) one row per trade, each in the layout's column order.
//
// customers and trades are iterators, so 200k customers never sit in memory: each
// calls yield once per row, in order, and returns yield's error if any (a nil iterator
// writes a sheet with just its header). A trade row is written with its owner
// customer's identity (platform, nick, name, phone) so the sheet re-imports to the
// right customer.
//
// Cells are typed: every text value (phones, order numbers, QQ, nicks, extra fields)
// is a string cell, never a number and never a formula, so "=1+1" stays those
// characters; times are Excel dates in loc, the seller's zone (nil means time.Local),
// to the second; a full solar birthday is a date, "MM-DD" and lunar ones are text;
// money is numeric yuan with a ¥ format. Characters XML cannot carry (control
// characters other than tab and line breaks) are dropped. A sheet that would pass
// Excel's row limit fails with ErrTooManyRows.
//
// Sheet XML beyond 16 MB is spooled to temporary files, and the zip goes straight to
// w, so memory stays flat however many rows there are. Each sheet's rows are read (the
// iterator and the cell values) on a goroutine of their own while this one writes the
// previous ones, so both halves of the work have a core.
func Archive(w io.Writer, layout Layout, loc *time.Location,
	customers func(yield func(*data.Customer) error) error,
	trades func(yield func(t *data.Trade, owner *data.Customer) error) error) error {
	return ArchiveProgress(w, layout, loc, customers, trades, nil)
}

// Progress is told, after every few hundred rows, how many rows (customers and trades,
// headers not counted) the workbook has so far.
type Progress func(rows int)

// ArchiveProgress is Archive reporting its progress to progress (nil for none).
func ArchiveProgress(w io.Writer, layout Layout, loc *time.Location,
	customers func(yield func(*data.Customer) error) error,
	trades func(yield func(t *data.Trade, owner *data.Customer) error) error,
	progress Progress) (err error) {
	if err := check(CustomersSheet, layout.Customers); err != nil {
		return err
	}
	if err := check(TradesSheet, layout.Trades); err != nil {
		return err
	}
	if loc == nil {
		loc = time.Local
	}
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("export: clean up: %w", cerr)
		}
	}()
	st, err := archiveSheets(f)
	if err != nil {
		return err
	}
	done := 0
	report := func(rows int) {
		done += rows
		if progress != nil {
			progress(done)
		}
	}
	refs := map[string]string{} // each sheet's used range, put in by the zip writer

	cs, err := newSheetWriter(f, CustomersSheet, layout.Customers, st, loc)
	if err != nil {
		return err
	}
	err = cs.stream(func(put func(func(field.Key) any) error) error {
		if customers == nil {
			return nil
		}
		return customers(func(c *data.Customer) error {
			if c == nil {
				return nil
			}
			return put(func(k field.Key) any { return customerValue(c, k) })
		})
	}, report)
	if err != nil {
		return fmt.Errorf("export customers: %w", err)
	}
	if err := cs.close(refs); err != nil {
		return err
	}

	ts, err := newSheetWriter(f, TradesSheet, layout.Trades, st, loc)
	if err != nil {
		return err
	}
	tc := newTradeColumns(layout.Trades)
	err = ts.stream(func(put func(func(field.Key) any) error) error {
		if trades == nil {
			return nil
		}
		return trades(func(t *data.Trade, owner *data.Customer) error {
			if t == nil {
				return nil
			}
			return put(func(k field.Key) any { return tc.tradeValue(t, owner, k) })
		})
	}, report)
	if err != nil {
		return fmt.Errorf("export trades: %w", err)
	}
	if err := ts.close(refs); err != nil {
		return err
	}
	if err := writeLayoutSheet(f, layout); err != nil {
		return fmt.Errorf("export: %w", err)
	}

	return writeThrough(f, w, refs)
}

// archiveSheets names the archive's two sheets and makes the cell styles.
func archiveSheets(f *excelize.File) (*styles, error) {
	if err := f.SetSheetName(f.GetSheetName(0), CustomersSheet); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	if _, err := f.NewSheet(TradesSheet); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	st, err := newStyles(f)
	if err != nil {
		return nil, fmt.Errorf("export: styles: %w", err)
	}
	return st, nil
}

// writeThrough writes the workbook to w with the first sheet active. File.Write
// builds the whole zip in a bytes.Buffer before copying it to w; a zip writer of our
// own on w makes it write straight through, and the buffer it hands us stays empty.
// That writer also puts each streamed sheet's used range (refs) in its XML.
func writeThrough(f *excelize.File, w io.Writer, refs map[string]string) error {
	f.SetActiveSheet(0)
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return &dimensionZip{Writer: zip.NewWriter(w), refs: refs} })
	if err := f.Write(io.Discard); err != nil {
		return fmt.Errorf("export: write workbook: %w", err)
	}
	return nil
}

// ErrTooManyRows: a sheet would pass the 1,048,576 rows Excel can open; export a group
// instead of the whole archive.
var ErrTooManyRows = errors.New("export: more rows than an Excel sheet holds")

// sheetWriter streams the rows of one sheet.
type sheetWriter struct {
	f    *excelize.File
	sw   *excelize.StreamWriter
	name string
	cols []Column
	st   *styles
	loc  *time.Location
	rows int // rows written, header included
	used int // the last row with a cell
	row  []any
}

// newSheetWriter sets widths, column styles and the frozen header, which the stream
// writer only accepts before the first row, and writes the header row.
func newSheetWriter(f *excelize.File, name string, cols []Column, st *styles, loc *time.Location) (*sheetWriter, error) {
	if err := f.SetSheetDimension(name, dimensionPlaceholder); err != nil {
		return nil, fmt.Errorf("export %s: %w", name, err)
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", name, err)
	}
	s := &sheetWriter{f: f, sw: sw, name: name, cols: cols, st: st, loc: loc, row: make([]any, len(cols))}
	if len(cols) == 0 {
		return s, nil
	}
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, width(c)); err != nil {
			return nil, fmt.Errorf("export %s: %w", name, err)
		}
		// Empty cells take the column's format too, so a phone the seller types
		// into the sheet later stays text.
		if err := sw.SetColStyle(i+1, i+1, st.forKind(kindOf(c.Field))); err != nil {
			return nil, fmt.Errorf("export %s: %w", name, err)
		}
	}
	err = sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	})
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", name, err)
	}
	header := make([]excelize.Cell, len(cols))
	for i, c := range cols {
		header[i] = excelize.Cell{StyleID: st.header, Value: c.Header}
	}
	if err := s.write(header); err != nil {
		return nil, err
	}
	return s, nil
}

// write writes one row of cells; a cell without a value is left out.
func (s *sheetWriter) write(cells []excelize.Cell) error {
	if s.rows >= excelize.TotalRows {
		return ErrTooManyRows
	}
	s.rows++
	for i := range cells {
		if cells[i].Value == nil {
			s.row[i] = nil
		} else {
			s.row[i] = &cells[i] // a pointer: no copy of the cell on the heap
			s.used = s.rows
		}
	}
	if err := s.sw.SetRow("A"+strconv.Itoa(s.rows), s.row); err != nil {
		return fmt.Errorf("export %s row %d: %w", s.name, s.rows, err)
	}
	return nil
}

// cell turns a value into a typed, styled cell (one without a Value for an empty
// cell). A string always becomes a plain string cell and nothing here ever sets
// Cell.Formula, so "=1+1" or "@SUM(A1)" is shown as typed and never runs.
func (s *sheetWriter) cell(v any) excelize.Cell {
	switch v := v.(type) {
	case string:
		if v = xmlText(v); v == "" {
			return excelize.Cell{}
		}
		return excelize.Cell{StyleID: s.st.text, Value: v}
	case int:
		return excelize.Cell{StyleID: s.st.integer, Value: v}
	case yuan:
		// Exact: fen/100 is the double nearest the decimal, and excelize writes the
		// shortest digits that read back as that double ("19.99", never "19.989999").
		return excelize.Cell{StyleID: s.st.money, Value: float64(v) / 100}
	case dateTime:
		t := time.Time(v)
		if t.IsZero() {
			return excelize.Cell{}
		}
		t = t.In(s.loc)
		if !excelDate(t) {
			return excelize.Cell{StyleID: s.st.text, Value: t.Format(time.DateTime)}
		}
		// excelize writes the wall clock of the time it is given.
		return excelize.Cell{StyleID: s.st.dateTime, Value: time.Date(t.Year(), t.Month(), t.Day(),
			t.Hour(), t.Minute(), t.Second(), 0, time.UTC)}
	case dateOnly:
		t := time.Time(v)
		if !excelDate(t) {
			return excelize.Cell{StyleID: s.st.text, Value: t.Format(time.DateOnly)}
		}
		return excelize.Cell{StyleID: s.st.date, Value: t}
	}
	return excelize.Cell{}
}

// xmlText drops the characters XML 1.0 cannot carry (control characters other than
// tab, line feed and carriage return, lone surrogates, U+FFFE, U+FFFF), which
// excelize would otherwise turn into U+FFFD. The importer drops them too.
func xmlText(s string) string {
	for _, r := range s {
		if !xmlChar(r) {
			return strings.Map(func(r rune) rune {
				if xmlChar(r) {
					return r
				}
				return -1
			}, s)
		}
	}
	return s
}

func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// excelDate reports whether Excel's 1900 date system can show t as a date.
func excelDate(t time.Time) bool {
	return t.Year() >= 1900 && t.Year() <= 9999
}

// close adds the filter over the header and every written row, then finishes the
// sheet, and notes its used range in refs. The filter has to go in before Flush:
// Flush writes the sheet's tail.
func (s *sheetWriter) close(refs map[string]string) error {
	refs[sheetPath(s.sw.SheetID)] = sheetRange(len(s.cols), s.used)
	if len(s.cols) > 0 {
		last, err := excelize.CoordinatesToCellName(len(s.cols), s.rows)
		if err != nil {
			return fmt.Errorf("export %s: %w", s.name, err)
		}
		if err := s.f.AutoFilter(s.name, "A1:"+last, nil); err != nil {
			return fmt.Errorf("export %s: filter: %w", s.name, err)
		}
	}
	if err := s.sw.Flush(); err != nil {
		return fmt.Errorf("export %s: %w", s.name, err)
	}
	return nil
}
