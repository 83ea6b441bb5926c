package sheet

import (
	"encoding/binary"
	"errors"
	"math"
	"unicode/utf16"
)

// BIFF8 record ids read by the .xls reader ([MS-XLS] 2.3).
const (
	recFormula    = 0x0006
	recEOF        = 0x000A
	recDateMode   = 0x0022
	recCodePage   = 0x0042
	recFilePass   = 0x002F
	recContinue   = 0x003C
	recBoundSheet = 0x0085
	recMulRK      = 0x00BD
	recRString    = 0x00D6
	recXF         = 0x00E0
	recSST        = 0x00FC
	recLabelSST   = 0x00FD
	recNumber     = 0x0203
	recLabel      = 0x0204
	recBoolErr    = 0x0205
	recString     = 0x0207
	recRK         = 0x027E
	recFormat     = 0x041E
	recBOF        = 0x0809
)

// BOF versions of Excel 97–2003 (BIFF8) and of Excel 5.0/95 (BIFF5).
const (
	biffVersion8 = 0x0600
	biffVersion5 = 0x0500
)

var errBIFF = errors.New("damaged BIFF record")

// biffReader walks the records of a workbook stream.
type biffReader struct {
	b   []byte
	pos int
}

// next returns the next record. ok=false at the end of the stream; err when a record
// runs past the end.
func (r *biffReader) next() (id uint16, data []byte, ok bool, err error) {
	if r.pos+4 > len(r.b) {
		return 0, nil, false, nil
	}
	id = binary.LittleEndian.Uint16(r.b[r.pos:])
	n := int(binary.LittleEndian.Uint16(r.b[r.pos+2:]))
	start := r.pos + 4
	if start+n > len(r.b) {
		return 0, nil, false, errBIFF
	}
	r.pos = start + n
	return id, r.b[start : start+n], true, nil
}

// continues collects data followed by the CONTINUE records right after it: the parts
// of one logical record that Excel split at 8,224 bytes.
func (r *biffReader) continues(data []byte) [][]byte {
	segs := [][]byte{data}
	for r.pos+4 <= len(r.b) && binary.LittleEndian.Uint16(r.b[r.pos:]) == recContinue {
		_, d, ok, err := r.next()
		if !ok || err != nil {
			break
		}
		segs = append(segs, d)
	}
	return segs
}

// segReader reads little-endian values across the segments of a continued record.
// Character data split by a CONTINUE starts its new segment with an option byte that
// says whether the rest is 8-bit or 16-bit ([MS-XLS] 2.5.294); other data runs on.
type segReader struct {
	segs [][]byte
	i    int
	pos  int
}

func (s *segReader) avail() int {
	for s.i < len(s.segs) && s.pos >= len(s.segs[s.i]) {
		s.i, s.pos = s.i+1, 0
	}
	if s.i >= len(s.segs) {
		return 0
	}
	return len(s.segs[s.i]) - s.pos
}

// bytes reads n bytes, which may cross segments, into a fresh slice.
func (s *segReader) bytes(n int) ([]byte, error) {
	if n < 0 {
		return nil, errBIFF
	}
	out := make([]byte, 0, min(n, 1<<16))
	for n > 0 {
		a := s.avail()
		if a == 0 {
			return nil, errBIFF
		}
		k := min(a, n)
		out = append(out, s.segs[s.i][s.pos:s.pos+k]...)
		s.pos += k
		n -= k
	}
	return out, nil
}

// skip passes n bytes, across segments.
func (s *segReader) skip(n int) error {
	for n > 0 {
		a := s.avail()
		if a == 0 {
			return errBIFF
		}
		k := min(a, n)
		s.pos += k
		n -= k
	}
	return nil
}

func (s *segReader) u8() (byte, error) {
	b, err := s.bytes(1)
	if err != nil {
		return 0, err
	}
	return b[0], nil
}

func (s *segReader) u16() (int, error) {
	b, err := s.bytes(2)
	if err != nil {
		return 0, err
	}
	return int(binary.LittleEndian.Uint16(b)), nil
}

func (s *segReader) u32() (int, error) {
	b, err := s.bytes(4)
	if err != nil {
		return 0, err
	}
	return int(binary.LittleEndian.Uint32(b)), nil
}

// chars reads n characters, 16-bit when high is set, else 8-bit (Latin-1: each byte is
// the low byte of a UTF-16 unit). At a segment boundary the option byte of the next
// segment decides the width of what follows.
func (s *segReader) chars(n int, high bool) (string, error) {
	units := make([]uint16, 0, min(n, 1<<16))
	for n > 0 {
		if s.i < len(s.segs) && s.pos >= len(s.segs[s.i]) {
			s.i, s.pos = s.i+1, 0
			if s.i >= len(s.segs) || len(s.segs[s.i]) == 0 {
				return "", errBIFF
			}
			high = s.segs[s.i][0]&1 != 0
			s.pos = 1
		}
		if s.i >= len(s.segs) {
			return "", errBIFF
		}
		seg := s.segs[s.i]
		width := 1
		if high {
			width = 2
		}
		k := min(n, (len(seg)-s.pos)/width)
		if k == 0 {
			return "", errBIFF // half a character before the boundary
		}
		for j := 0; j < k; j++ {
			if high {
				units = append(units, binary.LittleEndian.Uint16(seg[s.pos:]))
			} else {
				units = append(units, uint16(seg[s.pos]))
			}
			s.pos += width
		}
		n -= k
	}
	return string(utf16.Decode(units)), nil
}

// unicodeString reads an XLUnicodeRichExtendedString ([MS-XLS] 2.5.293): a character
// count (16-bit, or 8-bit for the short form), option flags, the characters, then rich
// text runs and phonetic data, which are skipped.
func (s *segReader) unicodeString(shortCount bool) (string, error) {
	var n int
	var err error
	if shortCount {
		var b byte
		b, err = s.u8()
		n = int(b)
	} else {
		n, err = s.u16()
	}
	if err != nil {
		return "", err
	}
	flags, err := s.u8()
	if err != nil {
		return "", err
	}
	runs, ext := 0, 0
	if flags&0x08 != 0 {
		if runs, err = s.u16(); err != nil {
			return "", err
		}
	}
	if flags&0x04 != 0 {
		if ext, err = s.u32(); err != nil {
			return "", err
		}
	}
	str, err := s.chars(n, flags&0x01 != 0)
	if err != nil {
		return "", err
	}
	if err := s.skip(4 * runs); err != nil {
		return "", err
	}
	return str, s.skip(ext)
}

// rkValue decodes an RK number ([MS-XLS] 2.5.217): a 30-bit integer or the high 30 bits
// of a double, optionally divided by 100.
func rkValue(rk uint32) float64 {
	var v float64
	if rk&0x02 != 0 {
		v = float64(int32(rk) >> 2)
	} else {
		v = math.Float64frombits(uint64(rk&0xFFFFFFFC) << 32)
	}
	if rk&0x01 != 0 {
		v /= 100
	}
	return v
}
