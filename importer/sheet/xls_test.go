package sheet

import (
	"bytes"
	"encoding/binary"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// openNamed opens b as a file called name.
func openNamed(t testing.TB, b []byte, name string) (*Workbook, error) {
	t.Helper()
	return OpenReader(bytes.NewReader(b), int64(len(b)), name, OpenOptions{})
}

// sampleXLS is a workbook with one of every cell record the reader knows: shared strings
// split across CONTINUE records (16-bit Chinese text, 8-bit text, a string whose
// characters change width at the split), an inline LABEL, numbers as NUMBER, RK (integer,
// float, ×100) and MULRK, dates and times under built-in and custom formats, Booleans and
// errors, formula results of every kind, an 11-digit phone and an 18-digit order number
// typed as numbers, an embedded chart's records inside the sheet, and a chart sheet.
func sampleXLS() xlsSpec {
	long := strings.Repeat("商品", 30) + "ABC" // crosses several 40-byte CONTINUE parts
	return xlsSpec{
		sst:     []string{"买家会员名", "实付金额", "付款时间", "tb_小王", long, "mrsoft001", "", "订单编号", "2260000000123456789"},
		formats: map[int]string{164: `yyyy\-mm\-dd\ hh:mm:ss`, 165: `0.00_);[Red](0.00)`, 166: `[$-804]yyyy"年"m"月"d"日"`, 167: `[h]:mm:ss`, 168: `hh:mm`},
		//     0  1   2    3    4    5    6    7
		xfs: []int{0, 14, 164, 165, 166, 167, 168, 49},
		sheets: []xlsSheetSpec{{name: "订单", cells: [][]byte{
			rec(recLabelSST, cellHead(0, 0, 0), le32(0)),
			rec(recLabelSST, cellHead(0, 1, 0), le32(1)),
			rec(recLabelSST, cellHead(0, 2, 0), le32(2)),
			rec(recLabelSST, cellHead(0, 3, 0), le32(7)),
			// row 2: text, RK×100 money, a date-time NUMBER, a text order number
			rec(recLabelSST, cellHead(1, 0, 0), le32(3)),
			rec(recRK, cellHead(1, 1, 0), le32(4628<<2|3)), // 46.28
			rec(recNumber, cellHead(1, 2, 2), f64(43101.39326388889)),
			rec(recLabelSST, cellHead(1, 3, 7), le32(8)),
			// row 3 blank (a BLANK record only); row 4: long string, MULRK
			rec(0x0201, cellHead(2, 0, 0)),
			rec(recLabelSST, cellHead(3, 0, 0), le32(4)),
			rec(recMulRK, le16(3), le16(1), le16(0), le32(-5<<2|2), le16(1), le32(42736<<2|2), le16(3), le32(1234<<2|2|1), le16(3)),
			// row 5: LABEL, phone and long id as numbers, bool, error
			rec(recLabel, cellHead(4, 0, 0), xlStr("王五 O'Brien")),
			rec(recNumber, cellHead(4, 1, 0), f64(13800138000)),
			rec(recNumber, cellHead(4, 2, 0), f64(226000000012345678)),
			rec(recBoolErr, cellHead(4, 3, 0), []byte{1, 0}),
			rec(recBoolErr, cellHead(4, 4, 0), []byte{0x2A, 1}),
			// row 6: formulas: number under a Chinese date format, string, bool, error, empty
			rec(recFormula, cellHead(5, 0, 4), f64(43466), le16(0), le32(0), le16(0)),
			rec(recFormula, cellHead(5, 1, 0), []byte{0, 0, 0, 0, 0, 0, 0xFF, 0xFF}, le16(0), le32(0), le16(0)),
			rec(recString, xlStr("公式结果")),
			rec(recFormula, cellHead(5, 2, 0), []byte{1, 0, 1, 0, 0, 0, 0xFF, 0xFF}, le16(0), le32(0), le16(0)),
			rec(recFormula, cellHead(5, 3, 0), []byte{2, 0, 0x07, 0, 0, 0, 0xFF, 0xFF}, le16(0), le32(0), le16(0)),
			rec(recFormula, cellHead(5, 4, 0), []byte{3, 0, 0, 0, 0, 0, 0xFF, 0xFF}, le16(0), le32(0), le16(0)),
			// an embedded chart: its records are not cells
			rec(recBOF, le16(biffVersion8), le16(0x0020), make([]byte, 12)),
			rec(recLabel, cellHead(6, 0, 0), xlStr("chart title")),
			rec(recEOF),
			// row 8: a time of day, a duration, a text-format number, a negative money
			rec(recNumber, cellHead(7, 0, 6), f64(0.3402777777777778)),
			rec(recNumber, cellHead(7, 1, 5), f64(1.5)),
			rec(recNumber, cellHead(7, 2, 7), f64(112345)),
			rec(recNumber, cellHead(7, 3, 3), f64(-25.128000000000004)),
		}}, {name: "图表", kind: 2}},
	}
}

func TestXLSCells(t *testing.T) {
	w, err := openNamed(t, sampleXLS().file(), "订单.xls")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if w.Format() != FormatXLS || !reflect.DeepEqual(w.Sheets(), []string{"订单"}) {
		t.Fatalf("got format %q sheets %q, want xls and the worksheet only", w.Format(), w.Sheets())
	}
	got, err := readAll(t, w, "订单")
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("商品", 30) + "ABC"
	want := []row{
		{1, []string{"买家会员名", "实付金额", "付款时间", "订单编号"}},
		{2, []string{"tb_小王", "46.28", "2018-01-01 09:26:18", "2260000000123456789"}},
		{4, []string{long, "-5", "2017-01-01", "12.34"}},
		{5, []string{"王五 O'Brien", "13800138000", "2.2600000001234566E+17", "TRUE", "#N/A"}},
		{6, []string{"2019-01-01", "公式结果", "TRUE", "#DIV/0!"}},
		{8, []string{"08:10:00", "1.5", "112345", "-25.128"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%v\nwant\n%v", got, want)
	}
}

func TestXLSDateSystems(t *testing.T) {
	for _, tt := range []struct {
		name     string
		date1904 bool
		v        float64
		want     string
	}{
		{"1900 system", false, 43101, "2018-01-01"},
		{"1904 system", true, 41639, "2018-01-01"},
		{"1900 system before March 1900", false, 1, "1900-01-01"},
		{"a date-only format with a time keeps the time", false, 43101.5, "2018-01-01 12:00:00"},
		{"a negative day is a number", false, -3, "-3"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			x := xlsSpec{xfs: []int{0, 14}, date1904: tt.date1904, sheets: []xlsSheetSpec{{name: "S", cells: [][]byte{
				rec(recNumber, cellHead(0, 0, 1), f64(tt.v)),
			}}}}
			w, err := openNamed(t, x.file(), "d.xls")
			if err != nil {
				t.Fatal(err)
			}
			got, err := readAll(t, w, "S")
			if err != nil || len(got) != 1 || got[0].Cells[0] != tt.want {
				t.Errorf("got %v (%v), want %q", got, err, tt.want)
			}
		})
	}
}

func TestXLSRefusals(t *testing.T) {
	good := sampleXLS().file()
	enc := sampleXLS()
	enc.encrypt = true
	old := sampleXLS()
	old.version = 0x0400
	badSST := sampleXLS()
	badSST.sheets[0].cells = append(badSST.sheets[0].cells, rec(recLabelSST, cellHead(9, 0, 0), le32(99)))
	wide := sampleXLS()
	wide.sheets[0].cells = append(wide.sheets[0].cells, rec(recNumber, cellHead(9, 300, 0), f64(1)))
	tests := []struct {
		name string
		file []byte
		want error
	}{
		{"a password-protected .xls says so", enc.file(), ErrEncryptedXLS},
		{"a workbook older than Excel 5.0 asks for .xlsx", old.file(), ErrLegacyXLS},
		{"a shared string index beyond the table is damage", badSST.file(), ErrUnreadable},
		{"a cell beyond column IV is damage", wide.file(), ErrUnreadable},
		{"a cut file is damage", good[:len(good)/2], ErrUnreadable},
		{"a stream of zeros is damage", compoundFile("Workbook", make([]byte, 100)), ErrUnreadable},
		{"a bare Excel 4.0 stream asks for .xlsx", append([]byte{0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00}, make([]byte, 200)...), ErrLegacyXLS},
		{"a bare Excel 2.1 stream asks for .xlsx", append([]byte{0x09, 0x00, 0x04, 0x00, 0x02, 0x00, 0x10, 0x00}, make([]byte, 200)...), ErrLegacyXLS},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := openNamed(t, tt.file, "x.xls")
			if err == nil { // a damaged sheet shows when it is read
				_, err = w.Rows(w.Sheets()[0])
				w.Close()
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}

// TestXLSDamagedSheetStopsOnlyItself: a workbook whose second sheet is damaged still
// gives its first sheet's rows.
func TestXLSDamagedSheetStopsOnlyItself(t *testing.T) {
	x := sampleXLS()
	x.sheets = append(x.sheets, xlsSheetSpec{name: "坏", cells: [][]byte{rec(recLabelSST, cellHead(0, 0, 0), le32(99))}})
	w, err := openNamed(t, x.file(), "x.xls")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.Rows("坏"); !errors.Is(err, ErrUnreadable) {
		t.Errorf("damaged sheet: got %v, want ErrUnreadable", err)
	}
	if rows, err := readAll(t, w, "订单"); err != nil || len(rows) != 6 {
		t.Errorf("first sheet: got %d rows (%v), want 6", len(rows), err)
	}
}

// TestXLSContentDecidesTheFormat: the name never decides how a file is read.
func TestXLSContentDecidesTheFormat(t *testing.T) {
	xlsx := zipOf(t, "readme.txt", []byte("hi")) // a zip: read as xlsx, whatever the name
	tests := []struct {
		name, file string
		body       []byte
		format     string
		err        error
	}{
		{"a real .xls named .csv", "orders.csv", sampleXLS().file(), FormatXLS, nil},
		{"a tab-separated text named .xls", "orders.xls", []byte("买家会员名\t实付金额\ntb_1\t10\n"), FormatCSV, nil},
		{"an HTML table named .xls", "orders.xls", []byte("<html><body><table><tr><td>买家</td></tr></table></body></html>"), FormatHTML, nil},
		{"a zip named .xls is read as xlsx", "orders.xls", xlsx, "", ErrUnreadable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := openNamed(t, tt.body, tt.file)
			if !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) {
				t.Fatalf("got %v, want %v", err, tt.err)
			}
			if err == nil {
				defer w.Close()
				if w.Format() != tt.format {
					t.Errorf("got format %q, want %q", w.Format(), tt.format)
				}
			}
		})
	}
}

// TestXLSExcel95: an Excel 5.0/95 workbook (BIFF5, a "Book" stream) with GBK text, as
// old Chinese ERP exporters write it, reads like a newer one.
func TestXLSExcel95(t *testing.T) {
	x := excel95XLS()
	for _, stream := range []string{"Book", "Workbook"} {
		w, err := openNamed(t, compoundFile(stream, x.stream()), "old.xls")
		if err != nil {
			t.Fatalf("%s: %v", stream, err)
		}
		if !reflect.DeepEqual(w.Sheets(), []string{"订单表"}) {
			t.Errorf("%s: got sheets %q", stream, w.Sheets())
		}
		got, err := readAll(t, w, "订单表")
		want := []row{{1, []string{"买家会员名", "付款时间"}}, {2, []string{"tb_小王", "2018-01-01"}}, {3, []string{"公式", "-7"}}}
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %v (%v), want %v", stream, got, err, want)
		}
		w.Close()
	}
}

// excel95XLS is a BIFF5 workbook with GBK text: labels, a date, a formula's string.
func excel95XLS() xlsSpec {
	return xlsSpec{version: biffVersion5, formats: map[int]string{164: "yyyy年m月d日"}, xfs: []int{0, 164},
		sheets: []xlsSheetSpec{{name: "订单表", cells: [][]byte{
			rec(recLabel, cellHead(0, 0, 0), gbkStr("买家会员名", true)),
			rec(recLabel, cellHead(0, 1, 0), gbkStr("付款时间", true)),
			rec(recLabel, cellHead(1, 0, 0), gbkStr("tb_小王", true)),
			rec(recNumber, cellHead(1, 1, 1), f64(43101)),
			rec(recFormula, cellHead(2, 0, 0), []byte{0, 0, 0, 0, 0, 0, 0xFF, 0xFF}, le16(0), le32(0), le16(0)),
			rec(recString, gbkStr("公式", true)),
			rec(recRK, cellHead(2, 1, 0), le32(-7<<2|2)),
		}}}}
}

// TestXLSLenientCounts: a shared string table announcing more strings than it holds
// (some non-Excel writers) is read for what it holds; whitespace cells inside a row are
// kept as the xlsx reader keeps them, and a row of only whitespace is skipped.
func TestXLSLenientCounts(t *testing.T) {
	stream := xlsSpec{sst: []string{"a", "b"}, sheets: []xlsSheetSpec{{name: "S", cells: [][]byte{
		rec(recLabelSST, cellHead(0, 0, 0), le32(1)),
		rec(recLabel, cellHead(0, 1, 0), xlStr("  ")),
		rec(recLabel, cellHead(0, 2, 0), xlStr("c")),
		rec(recLabel, cellHead(1, 0, 0), xlStr(" \u3000")),
	}}}}.stream()
	// Announce 5 unique strings instead of 2.
	for r := (&biffReader{b: stream}); ; {
		id, data, ok, _ := r.next()
		if !ok {
			t.Fatal("no SST record")
		}
		if id == recSST {
			binary.LittleEndian.PutUint32(data[4:], 5)
			break
		}
	}
	w, err := openNamed(t, compoundFile("Workbook", stream), "x.xls")
	if err != nil {
		t.Fatal(err)
	}
	got, err := readAll(t, w, "S")
	if want := []row{{1, []string{"b", "  ", "c"}}}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("got %v (%v), want %v", got, err, want)
	}
}
