package sheet

import (
	"encoding/binary"
	"fmt"
	"math"
)

// xlsCell is the position and format of a cell record: rw, col and ixfe, the first six
// bytes of every BIFF8 cell record.
type xlsCell struct {
	row, col, xf int
}

func cellHeader(data []byte) (xlsCell, error) {
	if len(data) < 6 {
		return xlsCell{}, errBIFF
	}
	c := xlsCell{
		row: int(binary.LittleEndian.Uint16(data)),
		col: int(binary.LittleEndian.Uint16(data[2:])),
		xf:  int(binary.LittleEndian.Uint16(data[4:])),
	}
	if c.col >= maxXLSColumns {
		return c, fmt.Errorf("%w: column %d", errBIFF, c.col+1)
	}
	return c, nil
}

// xlsSheetReader reads one worksheet substream into a table.
type xlsSheetReader struct {
	book    *xlsBook
	r       *biffReader
	tb      tableBuilder
	pending *xlsCell // a formula whose string result comes in the next STRING record
}

// readSheet reads the worksheet substream that starts at pos. Embedded charts have
// their own BOF … EOF inside it; only the sheet's own records are cells.
func (b *xlsBook) readSheet(pos int) (*table, error) {
	if pos < 0 || pos >= len(b.stream) {
		return nil, fmt.Errorf("%w: sheet offset", errBIFF)
	}
	sr := &xlsSheetReader{book: b, r: &biffReader{b: b.stream, pos: pos}}
	depth := 0
	for {
		id, data, ok, err := sr.r.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			if depth == 0 {
				return nil, fmt.Errorf("%w: no BOF at the sheet offset", errBIFF)
			}
			break // a sheet cut short: keep what was read
		}
		switch {
		case id == recBOF:
			depth++
			continue
		case id == recEOF:
			depth--
		case depth == 0:
			return nil, fmt.Errorf("%w: no BOF at the sheet offset", errBIFF)
		case depth == 1:
			if err := sr.cell(id, data); err != nil {
				return nil, err
			}
		}
		if depth <= 0 {
			break
		}
	}
	return sr.tb.build(), nil
}

// cell applies one record of a worksheet substream.
func (sr *xlsSheetReader) cell(id uint16, data []byte) error {
	switch id {
	case recLabelSST:
		c, err := cellHeader(data)
		if err != nil || len(data) < 10 {
			return errBIFF
		}
		i := int(binary.LittleEndian.Uint32(data[6:]))
		if i >= len(sr.book.sst) {
			return fmt.Errorf("%w: shared string %d of %d", errBIFF, i, len(sr.book.sst))
		}
		sr.tb.set(c.row, c.col, sr.book.sst[i])
	case recLabel, recRString:
		c, err := cellHeader(data)
		if err != nil {
			return err
		}
		// LABEL is an XLUnicodeString; RSTRING starts with one and adds formatting runs.
		s := &segReader{segs: sr.r.continues(data[6:])}
		str, err := sr.book.label(s)
		if err != nil {
			return err
		}
		sr.tb.set(c.row, c.col, str)
	case recNumber:
		c, err := cellHeader(data)
		if err != nil || len(data) < 14 {
			return errBIFF
		}
		sr.tb.set(c.row, c.col, sr.book.numberText(c.xf, math.Float64frombits(binary.LittleEndian.Uint64(data[6:]))))
	case recRK:
		c, err := cellHeader(data)
		if err != nil || len(data) < 10 {
			return errBIFF
		}
		sr.tb.set(c.row, c.col, sr.book.numberText(c.xf, rkValue(binary.LittleEndian.Uint32(data[6:]))))
	case recMulRK:
		return sr.mulRK(data)
	case recBoolErr:
		c, err := cellHeader(data)
		if err != nil || len(data) < 8 {
			return errBIFF
		}
		sr.tb.set(c.row, c.col, boolErrText(data[6], data[7] != 0))
	case recFormula:
		return sr.formula(data)
	case recString:
		if sr.pending == nil {
			return nil // a STRING with no formula before it: nothing to place
		}
		c := *sr.pending
		sr.pending = nil
		s := &segReader{segs: sr.r.continues(data)}
		str, err := sr.book.label(s)
		if err != nil {
			return err
		}
		sr.tb.set(c.row, c.col, str)
	}
	return nil
}

// labelText reads the count, flags and characters of an XLUnicodeString, ignoring what
// follows them.
func (s *segReader) labelText() (string, error) {
	n, err := s.u16()
	if err != nil {
		return "", err
	}
	flags, err := s.u8()
	if err != nil {
		return "", err
	}
	return s.chars(n, flags&0x01 != 0)
}

// mulRK places a MULRK record: several RK numbers in consecutive columns of one row.
func (sr *xlsSheetReader) mulRK(data []byte) error {
	if len(data) < 6 || (len(data)-6)%6 != 0 {
		return errBIFF
	}
	c, err := cellHeader(data) // the third field is the first XF of the list; read again below
	if err != nil {
		return err
	}
	n := (len(data) - 6) / 6
	if c.col+n > maxXLSColumns {
		return fmt.Errorf("%w: MULRK beyond the last column", errBIFF)
	}
	for i := 0; i < n; i++ {
		p := 4 + 6*i
		xf := int(binary.LittleEndian.Uint16(data[p:]))
		rk := binary.LittleEndian.Uint32(data[p+2:])
		sr.tb.set(c.row, c.col+i, sr.book.numberText(xf, rkValue(rk)))
	}
	return nil
}

// formula places a FORMULA record's cached result ([MS-XLS] 2.5.133): a number, or a
// marker saying the result is a string (in the STRING record that follows), a Boolean,
// an error or empty.
func (sr *xlsSheetReader) formula(data []byte) error {
	c, err := cellHeader(data)
	if err != nil || len(data) < 14 {
		return errBIFF
	}
	v := data[6:14]
	if v[6] != 0xFF || v[7] != 0xFF {
		sr.tb.set(c.row, c.col, sr.book.numberText(c.xf, math.Float64frombits(binary.LittleEndian.Uint64(v))))
		return nil
	}
	switch v[0] {
	case 0:
		sr.pending = &c
	case 1:
		sr.tb.set(c.row, c.col, boolErrText(v[2], false))
	case 2:
		sr.tb.set(c.row, c.col, boolErrText(v[2], true))
	}
	return nil
}

// boolErrText writes a Boolean or an error value as Excel shows it.
func boolErrText(v byte, isErr bool) string {
	if !isErr {
		if v != 0 {
			return "TRUE"
		}
		return "FALSE"
	}
	switch v {
	case 0x00:
		return "#NULL!"
	case 0x07:
		return "#DIV/0!"
	case 0x0F:
		return "#VALUE!"
	case 0x17:
		return "#REF!"
	case 0x1D:
		return "#NAME?"
	case 0x24:
		return "#NUM!"
	default:
		return "#N/A"
	}
}
