package export

import (
	"archive/zip"
	"bytes"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// The stream writer writes a sheet's <dimension> (the range its cells span, which some
// readers trust instead of reading every row) before the first row, when the range is
// not known yet. So the sheet is started with dimensionPlaceholder, a range no real
// sheet of ours spans, and the zip writer puts the real range in its place as the
// sheet's XML goes into the file.
const dimensionPlaceholder = "A1:XFD1048576"

// sheetPath is the part name excelize gives the worksheet with this sheet id in a
// workbook it created.
func sheetPath(sheetID int) string {
	return "xl/worksheets/sheet" + strconv.Itoa(sheetID) + ".xml"
}

// dimensionZip is a zip writer that, in the parts named in refs (the streamed sheets),
// writes the part's real range in place of the placeholder, and compresses them on
// every core (see parallelEntry).
type dimensionZip struct {
	*zip.Writer
	refs  map[string]string // part name → used range
	open  *dimensionFix
	entry *parallelEntry
}

// Create starts a part of the zip.
func (z *dimensionZip) Create(name string) (io.Writer, error) {
	if err := z.flush(); err != nil {
		return nil, err
	}
	if z.refs[name] == "" {
		return z.Writer.Create(name)
	}
	e, err := createParallel(z.Writer, name)
	if err != nil {
		return nil, err
	}
	z.entry, z.open = e, &dimensionFix{w: e, ref: z.refs[name]}
	return z.open, nil
}

// Close finishes the last part and the zip.
func (z *dimensionZip) Close() error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.Writer.Close()
}

func (z *dimensionZip) flush() error {
	if z.open == nil {
		return nil
	}
	err := z.open.flush()
	if cerr := z.entry.close(); err == nil {
		err = cerr
	}
	z.open, z.entry = nil, nil
	return err
}

// dimensionFix holds back the head of a sheet's XML until the placeholder went by,
// replaced; the rest passes straight through.
type dimensionFix struct {
	w    io.Writer
	ref  string
	head []byte
	done bool
}

// dimensionHead is how far into a sheet the placeholder can be: it follows the
// <worksheet> start tag (about 5 KB of namespaces) and the optional <sheetPr>.
const dimensionHead = 64 << 10

var placeholderAttr = []byte(`ref="` + dimensionPlaceholder + `"`)

func (d *dimensionFix) Write(p []byte) (int, error) {
	if d.done {
		return d.w.Write(p)
	}
	d.head = append(d.head, p...)
	if i := bytes.Index(d.head, placeholderAttr); i >= 0 {
		fixed := make([]byte, 0, len(d.head)+len(d.ref))
		fixed = append(fixed, d.head[:i]...)
		fixed = append(fixed, `ref="`+d.ref+`"`...)
		d.head = append(fixed, d.head[i+len(placeholderAttr):]...)
	} else if len(d.head) < dimensionHead {
		return len(p), nil
	}
	return len(p), d.flush()
}

func (d *dimensionFix) flush() error {
	if d.done {
		return nil
	}
	d.done = true
	_, err := d.w.Write(d.head)
	d.head = nil
	return err
}

// sheetRange is the range of a sheet whose cells span cols columns of rows 1 to rows
// ("A1" for a sheet without cells, as Excel writes it).
func sheetRange(cols, rows int) string {
	if cols == 0 || rows == 0 {
		return "A1"
	}
	last, _ := excelize.CoordinatesToCellName(cols, rows)
	if last == "A1" {
		return last
	}
	return "A1:" + last
}
