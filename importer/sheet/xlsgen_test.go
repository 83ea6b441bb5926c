package sheet

import (
	"bytes"
	"encoding/binary"
	"math"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// This file writes small BIFF8 workbooks for tests and fuzz seeds: a record builder and
// a minimal OLE2 compound file (512-byte sectors, one Workbook stream in the regular
// FAT), following [MS-XLS] and [MS-CFB]. Nothing in it is used by the reader.

// biffBuf builds a workbook stream record by record.
type biffBuf struct{ bytes.Buffer }

func (b *biffBuf) rec(id uint16, data ...[]byte) {
	var body []byte
	for _, d := range data {
		body = append(body, d...)
	}
	b.Write(le16(int(id)))
	b.Write(le16(len(body)))
	b.Write(body)
}

func le16(v int) []byte { return binary.LittleEndian.AppendUint16(nil, uint16(v)) }
func le32(v int) []byte { return binary.LittleEndian.AppendUint32(nil, uint32(v)) }
func f64(v float64) []byte {
	return binary.LittleEndian.AppendUint64(nil, math.Float64bits(v))
}

// cellHead is rw, col, ixfe.
func cellHead(row, col, xf int) []byte {
	return append(append(le16(row), le16(col)...), le16(xf)...)
}

// xlStr is an XLUnicodeString: 16-bit count, flags, characters (8-bit when every
// character is Latin-1, else UTF-16LE).
func xlStr(s string) []byte {
	u := utf16.Encode([]rune(s))
	out := le16(len(u))
	wide := false
	for _, c := range u {
		wide = wide || c > 0xFF
	}
	if !wide {
		out = append(out, 0)
		for _, c := range u {
			out = append(out, byte(c))
		}
		return out
	}
	out = append(out, 1)
	for _, c := range u {
		out = append(out, byte(c), byte(c>>8))
	}
	return out
}

// gbkStr is a BIFF5 string: a count (16-bit for cell text, else 8-bit) and GBK bytes.
func gbkStr(s string, label bool) []byte {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	if label {
		return append(le16(len(b)), b...)
	}
	return append([]byte{byte(len(b))}, b...)
}

// shortStr is a ShortXLUnicodeString (8-bit count), as in BOUNDSHEET.
func shortStr(s string) []byte {
	l := xlStr(s)
	return append([]byte{l[0]}, l[2:]...)
}

// xlsSpec describes a generated workbook.
type xlsSpec struct {
	sst      []string
	formats  map[int]string // custom number formats
	xfs      []int          // number format id of each XF
	date1904 bool
	encrypt  bool
	version  int // BOF version; 0 = BIFF8, biffVersion5 writes 8-bit GBK text (code page 936)
	sstLimit int // bytes of SST data a record; 0 = 40, which puts CONTINUE records everywhere
	sheets   []xlsSheetSpec
}

type xlsSheetSpec struct {
	name  string
	kind  byte     // BOUNDSHEET type: 0 worksheet, 2 chart
	cells [][]byte // complete records (id, length, data), written in order
}

// rec returns one complete record.
func rec(id uint16, data ...[]byte) []byte {
	var b biffBuf
	b.rec(id, data...)
	return b.Bytes()
}

// sstRecords writes the SST split into an SST and CONTINUE records of at most limit
// bytes of data each, splitting inside strings as Excel does (a new option byte starts
// a continued character array).
func sstRecords(strs []string, limit int) []byte {
	var out biffBuf
	cur := append(le32(len(strs)), le32(len(strs))...)
	id := uint16(recSST)
	flush := func() {
		out.rec(id, cur)
		id, cur = recContinue, nil
	}
	for _, s := range strs {
		u := utf16.Encode([]rune(s))
		wide := false
		for _, c := range u {
			wide = wide || c > 0xFF
		}
		if len(cur)+3 > limit {
			flush()
		}
		flag := byte(0)
		if wide {
			flag = 1
		}
		cur = append(cur, le16(len(u))...)
		cur = append(cur, flag)
		for i, c := range u {
			w := 1
			if wide {
				w = 2
			}
			if len(cur)+w > limit {
				flush()
				// Each continued part chooses its own width: write the rest 16-bit when any
				// remaining character needs it, else 8-bit.
				wide = false
				for _, r := range u[i:] {
					wide = wide || r > 0xFF
				}
				flag = 0
				if wide {
					flag = 1
				}
				cur = append(cur, flag)
				w = 1
				if wide {
					w = 2
				}
			}
			if w == 2 {
				cur = append(cur, byte(c), byte(c>>8))
			} else {
				cur = append(cur, byte(c))
			}
		}
	}
	flush()
	return out.Bytes()
}

// stream writes the workbook stream.
func (x xlsSpec) stream() []byte {
	ver := x.version
	if ver == 0 {
		ver = biffVersion8
	}
	bof := func(dt int) []byte { return rec(recBOF, le16(ver), le16(dt), make([]byte, 12)) }
	var g biffBuf
	g.Write(bof(0x0005))
	if x.encrypt {
		g.rec(recFilePass, le16(1), make([]byte, 52))
	}
	if x.date1904 {
		g.rec(recDateMode, le16(1))
	}
	if ver == biffVersion5 {
		g.rec(recCodePage, le16(936))
	}
	for id, code := range x.formats {
		if ver == biffVersion5 {
			g.rec(recFormat, le16(id), gbkStr(code, false))
		} else {
			g.rec(recFormat, le16(id), xlStr(code))
		}
	}
	for _, f := range x.xfs {
		g.rec(recXF, le16(0), le16(f), make([]byte, 16))
	}
	// BOUNDSHEET positions are known once the globals' length is: write them with
	// placeholders, then patch.
	bsAt := make([]int, len(x.sheets))
	for i, s := range x.sheets {
		bsAt[i] = g.Len() + 4
		name := shortStr(s.name)
		if ver == biffVersion5 {
			name = gbkStr(s.name, false)
		}
		g.rec(recBoundSheet, le32(0), []byte{0, s.kind}, name)
	}
	if len(x.sst) > 0 {
		limit := x.sstLimit
		if limit == 0 {
			limit = 40
		}
		g.Write(sstRecords(x.sst, limit))
	}
	g.rec(recEOF)
	out := g.Bytes()
	for i, s := range x.sheets {
		binary.LittleEndian.PutUint32(out[bsAt[i]:], uint32(len(out)))
		dt := 0x0010
		if s.kind == 2 {
			dt = 0x0020
		}
		out = append(out, bof(dt)...)
		for _, c := range s.cells {
			out = append(out, c...)
		}
		out = append(out, rec(recEOF)...)
	}
	return out
}

// compoundFile wraps a stream named name in an OLE2 compound file. The stream is padded
// to 4,096 bytes so that it lives in the regular FAT (smaller ones go to the mini stream,
// as Excel pads its Workbook streams too).
func compoundFile(name string, stream []byte) []byte {
	const sec = 512
	if len(stream) < 4096 {
		stream = append(stream, make([]byte, 4096-len(stream))...)
	}
	nStream := (len(stream) + sec - 1) / sec
	nFAT := 1
	for nFAT*128 < nFAT+1+nStream {
		nFAT++
	}
	const free, end, fatSect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
	fat := make([]uint32, nFAT*128)
	for i := range fat {
		fat[i] = free
	}
	for i := 0; i < nFAT; i++ {
		fat[i] = fatSect
	}
	dirSec := nFAT
	fat[dirSec] = end
	first := nFAT + 1
	for i := 0; i < nStream; i++ {
		fat[first+i] = uint32(first + i + 1)
	}
	fat[first+nStream-1] = end

	h := make([]byte, sec)
	copy(h, oleMagic)
	binary.LittleEndian.PutUint16(h[24:], 0x003E)
	binary.LittleEndian.PutUint16(h[26:], 3)
	binary.LittleEndian.PutUint16(h[28:], 0xFFFE)
	binary.LittleEndian.PutUint16(h[30:], 9)
	binary.LittleEndian.PutUint16(h[32:], 6)
	binary.LittleEndian.PutUint32(h[44:], uint32(nFAT))
	binary.LittleEndian.PutUint32(h[48:], uint32(dirSec))
	binary.LittleEndian.PutUint32(h[56:], 4096)
	binary.LittleEndian.PutUint32(h[60:], end)
	binary.LittleEndian.PutUint32(h[68:], end)
	for i := 0; i < 109; i++ {
		v := uint32(free)
		if i < nFAT {
			v = uint32(i)
		}
		binary.LittleEndian.PutUint32(h[76+4*i:], v)
	}
	out := append([]byte(nil), h...)
	for _, v := range fat {
		out = binary.LittleEndian.AppendUint32(out, v)
	}
	entry := func(name string, typ byte, child, start uint32, size int) []byte {
		e := make([]byte, 128)
		u := utf16.Encode([]rune(name))
		for i, c := range u {
			binary.LittleEndian.PutUint16(e[2*i:], c)
		}
		binary.LittleEndian.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66], e[67] = typ, 1
		binary.LittleEndian.PutUint32(e[68:], free)
		binary.LittleEndian.PutUint32(e[72:], free)
		binary.LittleEndian.PutUint32(e[76:], child)
		binary.LittleEndian.PutUint32(e[116:], start)
		binary.LittleEndian.PutUint32(e[120:], uint32(size))
		return e
	}
	dir := append(entry("Root Entry", 5, 1, end, 0), entry(name, 2, free, uint32(first), len(stream))...)
	dir = append(dir, make([]byte, sec-len(dir))...)
	out = append(out, dir...)
	out = append(out, stream...)
	if pad := len(out) % sec; pad != 0 {
		out = append(out, make([]byte, sec-pad)...)
	}
	return out
}

// xlsFile returns the workbook as an .xls file.
func (x xlsSpec) file() []byte { return compoundFile("Workbook", x.stream()) }
