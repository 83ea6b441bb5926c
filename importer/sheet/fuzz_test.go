package sheet

import (
	"bytes"
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
