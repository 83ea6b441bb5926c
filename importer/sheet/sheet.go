// Package sheet reads spreadsheets (xlsx/xlsm, legacy xls, csv/txt, HTML tables saved as
// .xls) as streams of raw text rows.
//
// It knows nothing about customers or trades: it finds the format, the text encoding and
// the separator, and hands back each non-blank row as raw cell text together with the row
// number the seller sees in Excel, so that later stages can report "row 17" truthfully.
// Dates in xlsx stay Excel serial numbers ("43101.39"); converting them is the caller's job,
// and so is trimming header names.
//
// xlsx/xlsm workbooks are read by the package's own streaming SpreadsheetML reader: the
// worksheet is inflated from the zip and scanned as it is read (never unpacked whole, to
// memory or to temp files), and the shared strings are held in one compact table. It
// returns exactly the raw cell values excelize's Rows/Columns return (the package read
// through excelize before; the differential tests and fuzzers keep the two in step) at a
// fraction of the time and memory. excelize is still used to decrypt password-protected
// workbooks.
//
// Legacy .xls (BIFF8) workbooks and HTML tables saved with an .xls name (old JD and ERP
// exports) are read whole into memory. Their numeric cells come out as text the way the
// seller sees them: a cell with a date format as "2006-01-02 15:04:05", other numbers
// as exact decimals ("13800138000", never "1.38E+10"); formulas give their cached result.
package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// DefaultMaxBytes is the file size cap used when OpenOptions.MaxBytes is zero. A 500,000-row
// order export is well below it, as xlsx and as csv.
const DefaultMaxBytes int64 = 200 << 20

// Format names returned by Workbook.Format.
const (
	FormatXLSX = "xlsx"
	FormatXLS  = "xls"  // Excel 97–2003 (BIFF8)
	FormatHTML = "html" // an HTML table, usually saved with an .xls name
	FormatCSV  = "csv"
)

// Sentinel errors, checked with errors.Is. Returned errors wrap them with context but never
// with cell contents.
var (
	// ErrLegacyXLS means the file is an Excel 4.0 or older workbook, or a page saved with
	// an .xls name that holds no table; the seller should save it as .xlsx.
	ErrLegacyXLS = errors.New("Excel 4.0 or older workbook: save it as .xlsx and import again")
	// ErrEncryptedXLS means an .xls workbook is password-protected. Its RC4 encryption is
	// not read here: the seller removes the password in Excel or WPS, or saves as .xlsx.
	ErrEncryptedXLS = errors.New("password-protected .xls workbook")
	// ErrPasswordRequired means the workbook is encrypted and no password was given.
	ErrPasswordRequired = errors.New("workbook is password-protected")
	// ErrWrongPassword means the workbook is encrypted and the given password does not open it.
	ErrWrongPassword = errors.New("wrong workbook password")
	// ErrTooLarge means the file, or the unpacked workbook, is bigger than the allowed size.
	ErrTooLarge = errors.New("file too large")
	// ErrUnreadable means the file is damaged or not a spreadsheet at all.
	ErrUnreadable = errors.New("file is damaged or not a spreadsheet")
	// ErrNoSuchSheet means Rows was asked for a sheet the workbook does not have.
	ErrNoSuchSheet = errors.New("no such sheet")
	// ErrUnclosedQuote means a quoted csv cell swallowed following rows: a quote mark was
	// opened and never closed, so the rows after it would silently disappear.
	ErrUnclosedQuote = errors.New("csv quote mark opened and never closed")
)

// OpenOptions tune Open and OpenReader. The zero value is ready to use.
type OpenOptions struct {
	Password string // for encrypted xlsx
	MaxBytes int64  // file size cap; 0 (or negative) = DefaultMaxBytes
}

func (o OpenOptions) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// Workbook is an open spreadsheet. It is not safe for concurrent use; Close it when done.
type Workbook struct {
	format string
	sheets []string

	// xlsx
	pkg     *xlsxPackage
	sst     *sharedStrings // read by the first Rows call
	sstDone bool
	sstErr  error
	// inMemory: the zip is held in memory (a decrypted workbook), not read from the file
	inMemory bool
	zipSrc   io.ReaderAt // the zip, for Calc
	zipSize  int64
	calc     *excelize.File // opened by the first Calc
	calcErr  error

	// xls and html: every sheet read whole, in the order of sheets (xls: when first asked)
	tables []*table
	xls    *xlsBook
	xlsAt  []int // each sheet's substream offset

	// csv
	src       io.ReaderAt
	closer    io.Closer
	dataStart int64 // first byte after a BOM
	size      int64
	text      textEncoding
	comma     rune
	crOnly    bool // lines end in CR alone
}

// Open opens the spreadsheet at path. The format comes from the content, not the name: a
// zip is an xlsx/xlsm, an OLE2 compound file is an encrypted xlsx or a legacy .xls, an
// HTML page is read for its tables, anything else is read as delimited text. The size cap is checked before anything is read.
func Open(path string, opt OpenOptions) (*Workbook, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if fi.IsDir() {
		f.Close()
		return nil, fmt.Errorf("open %s: %w: is a folder", filepath.Base(path), ErrUnreadable)
	}
	w, err := open(f, fi.Size(), path, opt)
	if err != nil {
		f.Close()
		return nil, err
	}
	if w.format == FormatCSV || w.pkg != nil && !w.inMemory {
		w.closer = f // rows stream from the file
	} else if err := f.Close(); err != nil {
		w.Close()
		return nil, err
	}
	return w, nil
}

// OpenReader opens a spreadsheet held in r (size bytes). name is the file name; it only
// names the csv sheet and tells an HTML page saved as .xls from other text. r must stay
// readable until the Workbook is closed; Close does not close r.
func OpenReader(r io.ReaderAt, size int64, name string, opt OpenOptions) (*Workbook, error) {
	return open(r, size, name, opt)
}

var (
	zipMagic = []byte("PK")
	oleMagic = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}
)

// open dispatches on the first bytes.
func open(r io.ReaderAt, size int64, name string, opt OpenOptions) (*Workbook, error) {
	if size < 0 {
		return nil, fmt.Errorf("%w: negative size", ErrUnreadable)
	}
	if size > opt.maxBytes() {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, size, opt.maxBytes())
	}
	head := make([]byte, 8)
	n, err := r.ReadAt(head, 0)
	if err != nil && err != io.EOF {
		return nil, err
	}
	head = head[:n]
	switch {
	case len(head) >= 4 && bytes.HasPrefix(head, zipMagic) && head[2] < 9 && head[3] < 9:
		// PK\3\4, PK\5\6 (empty zip), PK\7\8 (spanned).
		return openZip(r, size)
	case bytes.Equal(head, oleMagic):
		return openOLE(r, size, opt.Password)
	case isOldBIFF(head):
		return nil, ErrLegacyXLS
	default:
		return openCSV(r, size, name)
	}
}

// isOldBIFF reports whether head is the BOF record of an Excel 2.x–4.0 workbook, which is
// a bare BIFF stream rather than a compound file: id 0x0009, 0x0209, 0x0409 or 0x0809
// and a length of 4 to 16 bytes. Text never starts with a NUL in its second byte.
func isOldBIFF(head []byte) bool {
	if len(head) < 4 || head[0] != 0x09 || head[3] != 0 {
		return false
	}
	return (head[1] == 0 || head[1] == 2 || head[1] == 4 || head[1] == 8) && (head[2] == 4 || head[2] == 6 || head[2] == 8 || head[2] == 16)
}

// Format reports "xlsx", "xls", "html" or "csv".
func (w *Workbook) Format() string { return w.format }

// Sheets lists the sheet names in workbook order. A csv has one sheet, named after the file
// without its extension.
func (w *Workbook) Sheets() []string { return append([]string(nil), w.sheets...) }

// Encoding reports the text encoding detected for a csv: "utf-8", "utf-8-bom", "gb18030",
// "utf-16le" or "utf-16be" (the last two only with a BOM, as Excel's "Unicode text" writes).
// It is "" for the other formats.
func (w *Workbook) Encoding() string {
	if w.format != FormatCSV {
		return ""
	}
	return w.text.name
}

// Separator reports the csv field separator detected (',', '\t' or ';'); 0 for xlsx.
func (w *Workbook) Separator() rune { return w.comma }

// Rows starts streaming a sheet from its first row; each call starts afresh. The Workbook
// must stay open while the Rows are read.
func (w *Workbook) Rows(sheet string) (*Rows, error) {
	if !slices.Contains(w.sheets, sheet) {
		return nil, fmt.Errorf("%w: %q", ErrNoSuchSheet, sheet)
	}
	switch w.format {
	case FormatXLSX:
		return w.xlsxRows(sheet)
	case FormatXLS, FormatHTML:
		if w.tables == nil {
			return nil, errors.New("sheet: workbook is closed")
		}
		i := slices.Index(w.sheets, sheet)
		t := w.tables[i]
		if w.format == FormatXLS {
			var err error
			if t, err = w.xlsTable(i); err != nil {
				return nil, err
			}
		}
		return &Rows{tr: &tableRows{t: t}}, nil
	}
	return w.csvRows(), nil
}

// Close releases the file. It is safe to call more than once.
func (w *Workbook) Close() error {
	var first error
	w.pkg, w.sst, w.tables, w.xls = nil, nil, nil, nil
	if w.calc != nil {
		first = w.calc.Close()
		w.calc = nil
	}
	w.zipSrc = nil
	if w.closer != nil {
		if err := w.closer.Close(); err != nil && first == nil {
			first = err
		}
		w.closer = nil
	}
	return first
}

// safely runs fn, turning a panic inside a parser into ErrUnreadable. Hostile files must
// produce an error, never a crash of the whole app.
func safely(fn func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: parser failed", ErrUnreadable)
		}
	}()
	return fn()
}

// sheetName names the single sheet of a csv after its file.
func sheetName(name string) string {
	base := filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	base = strings.TrimSuffix(base, filepath.Ext(base))
	if base == "" || base == "." || base == "/" {
		return "Sheet1"
	}
	return base
}
