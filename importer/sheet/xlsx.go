package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// Zip bomb limits. A 100,000-row, 10-column order sheet unpacks to about 41 MB of XML
// (5.4 MB zipped), so Excel's own limit of 1,048,576 rows fits in maxUnzipBytes while a
// small file claiming gigabytes does not. Worksheets (xl/worksheets/*) are inflated as
// they are read, never held whole. The workbook, its relationships and the shared strings
// are held in memory; every part outside xl/worksheets/ counts toward maxInMemory (parts
// that are never read too, which keeps the rule simple), so a hostile file cannot make
// us hold more than that.
const (
	maxUnzipBytes int64 = 1 << 30
	maxInMemory   int64 = 512 << 20
)

// excelDefaultPassword is the password Excel uses to "encrypt" workbooks that are only
// write-protected; such files open without asking in Excel, so they should here too.
const excelDefaultPassword = "VelvetSweatshop"

// openZip opens a zip container as an xlsx/xlsm workbook.
func openZip(r io.ReaderAt, size int64) (*Workbook, error) {
	if err := checkZip(r, size); err != nil {
		return nil, err
	}
	w := &Workbook{format: FormatXLSX, zipSrc: r, zipSize: size}
	err := safely(func() error {
		zr, err := zip.NewReader(r, size)
		if err != nil {
			return err
		}
		w.pkg, err = openPackage(zr)
		if err != nil {
			return err
		}
		w.sheets = w.pkg.sheets
		return nil
	})
	if err == nil && len(w.sheets) == 0 {
		err = errors.New("workbook lists no sheets")
	}
	if err != nil {
		return nil, unreadable(err)
	}
	return w, nil
}

// openOLE handles an OLE2 compound file: either an encrypted xlsx (ECMA-376 encryption
// wraps the zip in OLE2) or a legacy BIFF .xls.
func openOLE(r io.ReaderAt, size int64, password string) (*Workbook, error) {
	raw := make([]byte, size)
	if _, err := io.ReadFull(io.NewSectionReader(r, 0, size), raw); err != nil {
		return nil, err
	}
	pw := password
	if pw == "" {
		pw = excelDefaultPassword
	}
	var plain []byte
	err := safely(func() error {
		var err error
		plain, err = excelize.Decrypt(raw, &excelize.Options{Password: pw})
		return err
	})
	switch {
	case errors.Is(err, excelize.ErrUnknownEncryptMechanism):
		// No EncryptionInfo stream: not an encrypted package.
		if hasOLEEntry(raw, "Workbook") || hasOLEEntry(raw, "Book") {
			return openXLS(raw)
		}
		return nil, fmt.Errorf("%w: OLE2 file without a workbook", ErrUnreadable)
	case err != nil:
		return nil, unreadable(err)
	case !bytes.HasPrefix(plain, []byte("PK\x03\x04")):
		// Decryption has no verifier check in excelize; a wrong key yields noise, not a zip.
		if password == "" {
			return nil, ErrPasswordRequired
		}
		return nil, ErrWrongPassword
	}
	w, err := openZip(bytes.NewReader(plain), int64(len(plain)))
	if w != nil {
		w.inMemory = true // the decrypted zip, not the file
	}
	return w, err
}

// checkZip refuses zips whose declared unpacked size is over the limits before anything is
// inflated (archive/zip stops any entry that inflates beyond its declared size).
func checkZip(r io.ReaderAt, size int64) error {
	var total, inMemory uint64
	err := safely(func() error {
		zr, err := zip.NewReader(r, size)
		if err != nil {
			return err
		}
		for _, f := range zr.File {
			n := f.UncompressedSize64
			total += n
			name := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
			if !strings.HasPrefix(name, "xl/worksheets/") {
				inMemory += n
			}
			if total > uint64(maxUnzipBytes) || inMemory > uint64(maxInMemory) {
				return fmt.Errorf("%w: workbook unpacks to more than %d MB", ErrTooLarge, maxUnzipBytes>>20)
			}
		}
		return nil
	})
	return unreadable(err)
}

// hasOLEEntry reports whether an OLE2 directory entry name (stored as UTF-16LE followed by
// a NUL) occurs in raw. It is a heuristic, good enough to tell an .xls from a .doc.
func hasOLEEntry(raw []byte, name string) bool {
	u := utf16.Encode([]rune(name + "\x00"))
	b := make([]byte, 0, 2*len(u))
	for _, c := range u {
		b = append(b, byte(c), byte(c>>8))
	}
	return bytes.Contains(raw, b)
}

// unreadable wraps a parser error as ErrUnreadable, keeping the cause for the log. An XML
// syntax error is cut down to its line number: its text can quote a piece of the file.
func unreadable(err error) error {
	if err == nil || errors.Is(err, ErrUnreadable) || errors.Is(err, ErrTooLarge) {
		return err
	}
	if errors.Is(err, errXML) {
		return fmt.Errorf("%w: %w", ErrUnreadable, err)
	}
	if se := (*xml.SyntaxError)(nil); errors.As(err, &se) {
		return fmt.Errorf("%w: XML syntax error on line %d", ErrUnreadable, se.Line)
	}
	return fmt.Errorf("%w: %w", ErrUnreadable, err)
}

// xlsxRows starts streaming one worksheet. The shared strings are read on the first call.
func (w *Workbook) xlsxRows(sheet string) (*Rows, error) {
	if w.pkg == nil {
		return nil, errors.New("sheet: workbook is closed")
	}
	part := w.pkg.sheetPart(sheet)
	if part == nil {
		return nil, fmt.Errorf("%w: the sheet's part is missing", ErrUnreadable)
	}
	if err := w.loadSharedStrings(); err != nil {
		return nil, err
	}
	var sr *sheetRows
	err := safely(func() error {
		rc, err := part.Open()
		if err != nil {
			return err
		}
		sr = &sheetRows{s: newXMLScanner(rc), sst: w.sst, rc: rc}
		return nil
	})
	if err != nil {
		return nil, unreadable(err)
	}
	return &Rows{xr: sr}, nil
}

// loadSharedStrings reads the shared string table once; a damaged one fails every sheet.
func (w *Workbook) loadSharedStrings() error {
	if w.sstDone {
		return w.sstErr
	}
	w.sstDone = true
	f := w.pkg.parts[partSharedString]
	if f == nil {
		w.sst = &sharedStrings{}
		return nil
	}
	w.sstErr = safely(func() error {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		defer rc.Close()
		w.sst, err = readSharedStrings(rc)
		return err
	})
	if w.sstErr != nil {
		w.sstErr = fmt.Errorf("shared strings: %w", unreadable(w.sstErr))
	}
	return w.sstErr
}

// nextXLSX advances to the next non-blank row. Next steps one sheet row at a time even
// across rows missing from the XML (Columns then returns nil), so counting Next calls
// gives the true sheet row number.
func (r *Rows) nextXLSX() (ok bool) {
	defer func() {
		if p := recover(); p != nil {
			r.err = fmt.Errorf("%w: sheet row %d: parser failed", ErrUnreadable, r.row)
			ok = false
		}
	}()
	for r.xr.Next() {
		r.row++
		cells, err := r.xr.Columns()
		if err != nil {
			r.err = fmt.Errorf("sheet row %d: %w", r.row, unreadable(err))
			return false
		}
		if cells = trimBlankTail(cells); len(cells) > 0 {
			r.cells = cells
			return true
		}
	}
	if err := r.xr.Err(); err != nil {
		r.err = fmt.Errorf("after sheet row %d: %w", r.row, unreadable(err))
	}
	return false
}
