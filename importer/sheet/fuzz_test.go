package sheet

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// readFuzzed opens data as a file called name and reads every sheet, checking what every
// caller relies on. A panic anywhere fails the fuzzer.
func readFuzzed(t *testing.T, data []byte, name string) {
	w, err := OpenReader(bytes.NewReader(data), int64(len(data)), name, OpenOptions{MaxBytes: 1 << 20})
	if err != nil {
		return
	}
	defer w.Close()
	for _, s := range w.Sheets() {
		rows, err := w.Rows(s)
		if err != nil {
			continue
		}
		last := 0
		for rows.Next() {
			cells := rows.Cells()
			if len(cells) == 0 || isBlank(cells[len(cells)-1]) {
				t.Fatalf("row %d: got %d cells with a blank tail, want trimmed", rows.RowNumber(), len(cells))
			}
			if rows.RowNumber() <= last {
				t.Fatalf("got row number %d after %d, want increasing", rows.RowNumber(), last)
			}
			last = rows.RowNumber()
			if w.Format() == FormatCSV {
				for _, c := range cells {
					if !utf8.ValidString(c) {
						t.Fatalf("row %d: got invalid UTF-8 cell, want valid", last)
					}
				}
			}
		}
		rows.Close()
	}
}

// addFileSeed adds the first limit bytes of a real file, when the shared folder exists.
func addFileSeed(f *testing.F, rel string, limit int) {
	b, err := os.ReadFile(filepath.Join(realData, rel))
	if err != nil {
		return
	}
	f.Add(b[:min(len(b), limit)])
}

func FuzzCSV(f *testing.F) {
	for _, s := range []string{
		"a,b\n1,2\n",
		"\xef\xbb\xbf订单编号,金额\r\n1,2\r\n",
		"a\tb\n\"x\ny\"\tz\n",
		"a;b;c\n1,5;2;3\n",
		"a,\"open\n1,2\n",
		"\"\"\"\n,,,\n\n \n",
		"\xff\xfea\x00\t\x00b\x00\n\x00",
		"\xb6\xa9\xb5\xa5,\xc2\xf2\n",
		"<html><table>",
	} {
		f.Add([]byte(s))
	}
	for _, rel := range []string{
		"taobao/orderlist_201205241917154337.csv",
		"shopify/oks234_orders_export_1.csv",
		"tmall/tmall_order_report_original.csv",
		"mingri/JD_gbk.csv",
	} {
		addFileSeed(f, rel, 4096)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) >= 2 && (bytes.HasPrefix(data, zipMagic) || bytes.HasPrefix(data, oleMagic[:2])) {
			return // FuzzXLSX covers containers
		}
		readFuzzed(t, data, "fuzz.csv")
	})
}

func FuzzXLSX(f *testing.F) {
	x := excelize.NewFile()
	x.SetCellValue("Sheet1", "A1", "顾客网名")
	x.SetCellValue("Sheet1", "B3", 43101.39)
	x.MergeCell("Sheet1", "A5", "B6")
	x.SetCellValue("Sheet1", "A5", "合并")
	if buf, err := x.WriteToBuffer(); err == nil {
		f.Add(buf.Bytes())
	}
	x.Close()
	f.Add([]byte(strings.Repeat("PK\x03\x04", 8)))
	f.Add(append(append([]byte{}, oleMagic...), make([]byte, 1024)...))
	for _, rel := range []string{
		"messy/excelize_MergeCell.xlsx",
		"messy/excelize_OverflowNumericCell.xlsx",
		"messy/times.xlsx",
		"messy/excelize_encryptSHA1_password.xlsx",
	} {
		addFileSeed(f, rel, 1<<20)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		readFuzzed(t, data, "fuzz.xlsx")
	})
}

// FuzzSheetXML fuzzes the worksheet XML inside an otherwise valid workbook, where
// FuzzXLSX's mutations rarely get past the zip checksums.
func FuzzSheetXML(f *testing.F) {
	base := excelize.NewFile()
	base.SetCellValue("Sheet1", "A1", "共享")
	buf, err := base.WriteToBuffer()
	base.Close()
	if err != nil {
		f.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		f.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		parts[zf.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
	for _, s := range []string{
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1"><v>43101.39</v></c></row><row r="5"><c r="B5" t="inlineStr"><is><t>小王</t></is></c></row>`,
		`<row><c t="s"><v>7</v></c></row><row r="3"><c r="XFD3" t="b"><v>1</v></c></row>`,
		`<row r="1048576"><c r="A1048576"><f>1+1</f><v>2</v></c></row>`,
		`<row r="2"><c r="A0"><v>1</v></c></row><row r="1"><c t="str"><v>x</v></c></row>`,
		`<row r="1"><c r="A1" t="d"><v>2020-01-01T00:00:00</v></c><c r="B1" t="e"><v>#N/A</v></c></row>`,
	} {
		f.Add([]byte(head + s + `</sheetData></worksheet>`))
	}
	f.Fuzz(func(t *testing.T, sheetXML []byte) {
		var out bytes.Buffer
		zw := zip.NewWriter(&out)
		for name, content := range parts {
			if name == "xl/worksheets/sheet1.xml" {
				content = sheetXML
			}
			w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
			if err != nil {
				t.Fatal(err)
			}
			w.Write(content)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		readFuzzed(t, out.Bytes(), "fuzz.xlsx")
	})
}
