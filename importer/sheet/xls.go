package sheet

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/richardlehane/mscfb"
	"golang.org/x/text/encoding"
)

// Legacy Excel 97–2003 workbooks (.xls, BIFF8) and Excel 5.0/95 ones (BIFF5) are read
// by the package's own record reader over github.com/richardlehane/mscfb's OLE2
// container reader. The two pure-Go .xls readers the module proxy serves were tried on
// the real Taobao and JD exports and both read them wrongly: extrame/xls v0.0.1 (2017,
// the only version served) returns the wrong shared string after a CONTINUE record
// (6,440 of 8,211 text cells of TB_2017_4103rows.xls: book titles where buyer names
// are, silently), and shakinm/xlsReader v0.9.12 loses half the shared strings of
// TB2018_1783rows.xls (panics or record bytes), reads negative RK integers as large
// positive ones, returns 8-bit strings undecoded and drops every formula cell. The
// differential test still reads every real file with shakinm/xlsReader, cell by cell.

// maxXLSColumns is BIFF8's column limit (IV). A record placing a cell beyond it is
// damage, not data, and would otherwise make a hostile file allocate huge rows.
const maxXLSColumns = 256

// xlsBook is what the globals substream of a BIFF8 workbook says about its cells.
type xlsBook struct {
	stream   []byte
	sst      []string
	xfFormat []int          // number format id of each XF record, in order
	formats  map[int]string // custom number formats by id
	kinds    map[int]dateKind
	date1904 bool
	sheets   []xlsSheetRef
	biff5    bool              // Excel 5.0/95: 8-bit strings in the workbook's code page
	text     encoding.Encoding // BIFF5's code page
}

// xlsSheetRef is a BOUNDSHEET record: a sheet's name and where its substream starts.
type xlsSheetRef struct {
	name string
	pos  int
	kind byte // 0 worksheet, 1 macro sheet, 2 chart, 6 VBA module
}

// openXLS reads the globals of a BIFF8 workbook held in raw (an OLE2 compound file); each
// sheet is read when its rows are first asked for, so a damaged sheet the seller does not
// import stops nothing. Any panic in the parsers becomes ErrUnreadable.
func openXLS(raw []byte) (*Workbook, error) {
	var w *Workbook
	err := safely(func() error {
		stream, err := workbookStream(raw)
		if err != nil {
			return err
		}
		book, err := readGlobals(stream)
		if err != nil {
			return err
		}
		w = &Workbook{format: FormatXLS, xls: book}
		for _, ref := range book.sheets {
			if ref.kind != 0 {
				continue // charts, macros and VBA hold no rows
			}
			w.sheets = append(w.sheets, ref.name)
			w.xlsAt = append(w.xlsAt, ref.pos)
		}
		w.tables = make([]*table, len(w.sheets))
		return nil
	})
	if err == nil && len(w.sheets) == 0 {
		err = errors.New("workbook lists no worksheets")
	}
	if errors.Is(err, ErrLegacyXLS) || errors.Is(err, ErrEncryptedXLS) {
		return nil, err
	}
	if err != nil {
		return nil, unreadable(err)
	}
	return w, nil
}

// workbookStream returns the workbook stream of the compound file: "Workbook" (Excel 97
// and later) or "Book" (Excel 5.0/95).
func workbookStream(raw []byte) ([]byte, error) {
	doc, err := mscfb.New(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	var book *mscfb.File
	for f, err := doc.Next(); ; f, err = doc.Next() {
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(f.Path) == 0 && (f.Name == "Workbook" || f.Name == "Book" && book == nil) {
			book = f
		}
	}
	if book == nil {
		return nil, errors.New("no workbook stream")
	}
	if book.Size < 0 || book.Size > int64(len(raw)) {
		return nil, fmt.Errorf("%w: workbook stream size", errBIFF)
	}
	return readStream(book, int(book.Size))
}

// streamChunk is how much of a stream readStream asks mscfb for at a time: mscfb merges
// the sector list of each read in time quadratic in its length, so one read of a whole
// 20 MB stream would take seconds.
const streamChunk = 64 << 10

// readStream reads size bytes of a compound file stream.
func readStream(r io.Reader, size int) ([]byte, error) {
	buf := make([]byte, size)
	for off := 0; off < size; {
		n, err := io.ReadFull(r, buf[off:min(off+streamChunk, size)])
		off += n
		if err != nil {
			return nil, err
		}
	}
	return buf, nil
}

// readGlobals reads the workbook globals: shared strings, number formats, XF records,
// the date system and the sheet list. A FILEPASS record means the file is encrypted.
func readGlobals(stream []byte) (*xlsBook, error) {
	b := &xlsBook{stream: stream, formats: map[int]string{}, kinds: map[int]dateKind{}}
	r := &biffReader{b: stream}
	id, data, ok, err := r.next()
	if err != nil || !ok || id != recBOF || len(data) < 4 {
		return nil, fmt.Errorf("%w: no BOF record", errBIFF)
	}
	switch binary.LittleEndian.Uint16(data) {
	case biffVersion8:
	case biffVersion5:
		b.biff5, b.text = true, codePage(1252)
	default:
		return nil, ErrLegacyXLS // older than Excel 5.0
	}
	for {
		id, data, ok, err := r.next()
		if err != nil {
			return nil, err
		}
		if !ok || id == recEOF {
			return b, nil
		}
		if err := b.globalRecord(r, id, data); err != nil {
			return nil, err
		}
	}
}

// globalRecord applies one record of the globals substream.
func (b *xlsBook) globalRecord(r *biffReader, id uint16, data []byte) error {
	switch id {
	case recFilePass:
		return ErrEncryptedXLS
	case recCodePage:
		if b.biff5 && len(data) >= 2 {
			b.text = codePage(int(binary.LittleEndian.Uint16(data)))
		}
	case recDateMode:
		b.date1904 = len(data) >= 2 && binary.LittleEndian.Uint16(data) == 1
	case recXF:
		if len(data) < 4 {
			return errBIFF
		}
		b.xfFormat = append(b.xfFormat, int(binary.LittleEndian.Uint16(data[2:])))
	case recFormat:
		s := &segReader{segs: r.continues(data)}
		ifmt, err := s.u16()
		if err != nil {
			return err
		}
		if b.formats[ifmt], err = b.string(s, false); err != nil {
			return err
		}
	case recBoundSheet:
		if len(data) < 8 {
			return errBIFF
		}
		s := &segReader{segs: [][]byte{data[6:]}}
		name, err := b.string(s, true)
		if err != nil {
			return err
		}
		pos := int(binary.LittleEndian.Uint32(data))
		b.sheets = append(b.sheets, xlsSheetRef{name: name, pos: pos, kind: data[5]})
	case recSST:
		return b.readSST(r.continues(data))
	}
	return nil
}

// readSST reads the shared string table, which CONTINUE records split.
func (b *xlsBook) readSST(segs [][]byte) error {
	s := &segReader{segs: segs}
	if _, err := s.u32(); err != nil { // total references, unused
		return err
	}
	n, err := s.u32()
	if err != nil {
		return err
	}
	size := 0
	for _, seg := range segs {
		size += len(seg)
	}
	if n > size/3+1 { // every string takes at least three bytes
		return fmt.Errorf("%w: shared string count", errBIFF)
	}
	b.sst = make([]string, 0, n)
	for range n {
		if s.avail() == 0 {
			break // fewer strings than announced: a cell pointing past them is the error
		}
		str, err := s.unicodeString(false)
		if err != nil {
			return fmt.Errorf("shared string %d: %w", len(b.sst), err)
		}
		b.sst = append(b.sst, str)
	}
	return nil
}

// xlsTable returns sheet i's table, reading it on first use.
func (w *Workbook) xlsTable(i int) (*table, error) {
	if w.tables[i] != nil {
		return w.tables[i], nil
	}
	var t *table
	err := safely(func() error {
		var err error
		t, err = w.xls.readSheet(w.xlsAt[i])
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("sheet %d: %w", i+1, unreadable(err))
	}
	w.tables[i] = t
	return t, nil
}
