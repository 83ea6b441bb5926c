package sheet

import (
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Excel 5.0/95 (BIFF5) workbooks store text as 8-bit strings in the code page their
// CODEPAGE record names (936 for Chinese Windows, which old ERP exporters still write);
// BIFF8 stores UTF-16. The cell records are otherwise the same.

// codePage returns the text encoding of a Windows code page; Windows-1252 for one it
// does not know, as Excel does.
func codePage(cp int) encoding.Encoding {
	switch cp {
	case 936:
		return simplifiedchinese.GB18030 // a superset of GBK
	case 950:
		return traditionalchinese.Big5
	case 932:
		return japanese.ShiftJIS
	case 949:
		return korean.EUCKR
	case 874:
		return charmap.Windows874
	case 1250:
		return charmap.Windows1250
	case 1251:
		return charmap.Windows1251
	case 1253:
		return charmap.Windows1253
	case 1254:
		return charmap.Windows1254
	case 1255:
		return charmap.Windows1255
	case 1256:
		return charmap.Windows1256
	case 1257:
		return charmap.Windows1257
	case 1258:
		return charmap.Windows1258
	case 10000, 0x8000:
		return charmap.Macintosh
	}
	return charmap.Windows1252
}

// bytesText reads n bytes of 8-bit text in the workbook's code page.
func (b *xlsBook) bytesText(s *segReader, n int) (string, error) {
	raw, err := s.bytes(n)
	if err != nil {
		return "", err
	}
	out, err := b.text.NewDecoder().Bytes(raw)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// string reads a sheet name (short) or a number format: BIFF8's ShortXLUnicodeString or
// XLUnicodeString, or in BIFF5 bytes after an 8-bit count for both.
func (b *xlsBook) string(s *segReader, short bool) (string, error) {
	if !b.biff5 {
		return s.unicodeString(short)
	}
	n, err := s.u8()
	if err != nil {
		return "", err
	}
	return b.bytesText(s, int(n))
}

// label reads the text of a LABEL, RSTRING or STRING record: 16-bit count, then BIFF8
// flags and characters, or BIFF5 bytes.
func (b *xlsBook) label(s *segReader) (string, error) {
	if !b.biff5 {
		return s.labelText()
	}
	n, err := s.u16()
	if err != nil {
		return "", err
	}
	return b.bytesText(s, n)
}
