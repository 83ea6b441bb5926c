package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// refRead is the reference reader: the excelize-based path this package used before it
// had its own scanner (excelize Rows + Columns with raw values, blank tails trimmed, blank
// rows skipped but counted). It returns the rows up to the first error and whether there
// was one.
func refRead(t testing.TB, data []byte, sheet string) ([]row, bool) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		RawCellValue: true, UnzipSizeLimit: maxUnzipBytes, UnzipXMLSizeLimit: 8 << 20, TmpDir: t.TempDir(),
	})
	if err != nil {
		return nil, true
	}
	defer f.Close()
	xr, err := f.Rows(sheet)
	if err != nil {
		return nil, true
	}
	defer xr.Close()
	var got []row
	n := 0
	for xr.Next() {
		n++
		cells, err := xr.Columns()
		if err != nil {
			return got, true
		}
		if cells = trimBlankTail(cells); len(cells) > 0 {
			got = append(got, row{n, cells})
		}
	}
	return got, xr.Error() != nil
}

// ourRead reads one sheet of data through this package: rows up to the first error and
// whether there was one.
func ourRead(t testing.TB, data []byte, sheet string) ([]row, bool) {
	t.Helper()
	w, err := OpenReader(bytes.NewReader(data), int64(len(data)), "book.xlsx", OpenOptions{})
	if err != nil {
		return nil, true
	}
	defer w.Close()
	rows, err := w.Rows(sheet)
	if err != nil {
		return nil, true
	}
	defer rows.Close()
	var got []row
	for rows.Next() {
		got = append(got, row{rows.RowNumber(), append([]string(nil), rows.Cells()...)})
	}
	if err := rows.Err(); err != nil {
		if !errors.Is(err, ErrUnreadable) {
			t.Errorf("got error %v, want one wrapping ErrUnreadable", err)
		}
		return got, true
	}
	return got, false
}

// sameRows compares our rows with excelize's and describes the first difference.
func sameRows(got, want []row) string {
	for i := range min(len(got), len(want)) {
		if !reflect.DeepEqual(got[i], want[i]) {
			return fmt.Sprintf("row %d: got %d %q, want %d %q", i, got[i].N, got[i].Cells, want[i].N, want[i].Cells)
		}
	}
	if len(got) != len(want) {
		return fmt.Sprintf("got %d rows, want %d", len(got), len(want))
	}
	return ""
}

// TestXLSXMatchesExcelizeOnRealFiles reads every sheet of every real workbook both ways.
func TestXLSXMatchesExcelizeOnRealFiles(t *testing.T) {
	if _, err := os.Stat(realData); err != nil {
		t.Skipf("shared data folder %s absent (%v): no real workbooks to compare", realData, err)
	}
	var files []string
	filepath.WalkDir(realData, func(p string, d fs.DirEntry, err error) error {
		if ext := strings.ToLower(filepath.Ext(p)); err == nil && (ext == ".xlsx" || ext == ".xlsm") {
			files = append(files, p)
		}
		return nil
	})
	if len(files) == 0 {
		t.Skip("no .xlsx/.xlsm files in the shared data folder")
	}
	for _, p := range files {
		rel, _ := filepath.Rel(realData, p)
		t.Run(rel, func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			w, err := OpenReader(bytes.NewReader(data), int64(len(data)), rel, OpenOptions{})
			if errors.Is(err, ErrPasswordRequired) {
				// The fixture's password (see TestRealEncryptedAndLegacy); compare the plain zip.
				if data, err = excelize.Decrypt(data, &excelize.Options{Password: "password"}); err != nil {
					t.Skipf("password-protected with an unknown password: %v", err)
				}
				w, err = OpenReader(bytes.NewReader(data), int64(len(data)), rel, OpenOptions{})
			}
			if err != nil {
				t.Fatal(err)
			}
			sheets := w.Sheets()
			w.Close()
			for _, s := range sheets {
				want, wantErr := refRead(t, data, s)
				got, gotErr := ourRead(t, data, s)
				if d := sameRows(got, want); d != "" || gotErr != wantErr {
					t.Errorf("sheet %q: %s; error: got %v, want %v", s, d, gotErr, wantErr)
				}
			}
		})
	}
}

// baseParts are the parts of a one-sheet workbook written by excelize, with a shared
// strings part, for tests that swap in their own worksheet or shared strings XML.
func baseParts(t testing.TB) map[string][]byte {
	t.Helper()
	base := excelize.NewFile()
	base.SetCellValue("Sheet1", "A1", "共享")
	buf, err := base.WriteToBuffer()
	base.Close()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		parts[zf.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return parts
}

// zipParts writes parts, replaced by those in over, as a zip.
func zipParts(t testing.TB, parts, over map[string][]byte) []byte {
	t.Helper()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	write := func(name string, content []byte) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(content)
	}
	for name, content := range parts {
		if c, ok := over[name]; ok {
			content = c
		}
		write(name, content)
	}
	for name, content := range over {
		if _, ok := parts[name]; !ok {
			write(name, content)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

const (
	sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>`
	sheetTail = `</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`
	sstHead   = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
	// testSST: 0 plain, 1 rich text with a phonetic run, 2 bstr escapes, 3 CDATA + entities,
	// 4 last <t> wins, 5 empty, 6 xml:space whitespace.
	testSST = sstHead +
		`<si><t>顾客</t></si>` +
		`<si><r><rPr><b/><sz val="11"/></rPr><t>王</t></r><r><t xml:space="preserve"> 小明</t></r><rPh sb="0" eb="1"><t>ワン</t></rPh><phoneticPr fontId="1"/></si>` +
		`<si><t>a_x000D_b_x005F_x0041_c_xD800_d_x00e9_</t></si>` +
		`<si><t><![CDATA[<b>&amp;]]>&lt;&#x4E2D;&#25991;&quot;&apos;</t></si>` +
		`<si><t>first</t><t>second</t></si>` +
		`<si/>` +
		`<si><t xml:space="preserve">  </t></si>` +
		`</sst>`
)

// TestXLSXHandMadeSheets covers what real writers put in worksheets, each case checked
// against the expected rows and against excelize.
func TestXLSXHandMadeSheets(t *testing.T) {
	parts := baseParts(t)
	tests := []struct {
		name    string
		sheet   string // between <sheetData> and </sheetData>, unless it starts with "<?xml"
		want    []row
		wantErr bool
	}{
		{
			name:  "shared strings: plain, rich runs without phonetics, bstr escapes, CDATA and entities",
			sheet: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v> 3 </v></c><c r="E1" t="s"><v>4</v></c></row>`,
			want:  []row{{1, []string{"顾客", "王 小明", "a\rb_x0041_cdé", "<b>&amp;<中文\"'", "second"}}},
		},
		{
			name:  "gaps: missing rows are counted, missing r follows the previous row and column",
			sheet: `<row r="2"><c r="B2"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row><row r="7"><c r="D7"><v>4</v></c></row>`,
			want:  []row{{2, []string{"", "1", "2"}}, {3, []string{"3"}}, {7, []string{"", "", "", "4"}}},
		},
		{
			name: "prefixes from the OpenXML SDK, odd quoting and whitespace, comments and PIs",
			sheet: `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><!-- made by .NET --><x:sheetData>` +
				`<x:row r = '1' spans="1:2"><x:c t='inlineStr'  r="A1" ><x:is><x:t>小王</x:t></x:is></x:c><?pi data?><x:c
				r="B1"><x:v>12</x:v></x:c></x:row>` +
				`</x:sheetData></x:worksheet>`,
			want: []row{{1, []string{"小王", "12"}}},
		},
		{
			name:  "inline rich text with phonetics, str, booleans, errors, dates and numbers stay raw",
			sheet: `<row r="1"><c r="A1" t="inlineStr"><is><r><t>张</t></r><r><rPr><i/></rPr><t>三</t></r><rPh><t>x</t></rPh></is></c><c r="B1" t="str"><v>=text</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="d"><v>2020-01-01T00:00:00</v></c><c r="F1" s="3"><v>43101.39</v></c><c r="G1"><v>1.5E-3</v></c></row>`,
			want:  []row{{1, []string{"张三", "=text", "1", "#N/A", "2020-01-01T00:00:00", "43101.39", "1.5E-3"}}},
		},
		{
			name:  "formulas: with a value, and an empty value that still takes its column",
			sheet: `<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f>""</f><v></v></c><c r="C1"><f>C2</f></c><c r="D1"><v>x</v></c></row>`,
			want:  []row{{1, []string{"2", "", "", "x"}}},
		},
		{
			name:  "self-closing cells and rows, blank rows skipped, trailing blanks trimmed",
			sheet: `<row r="1"><c r="A1"/><c r="B1"><v>b</v></c><c r="C1"/></row><row r="2"/><row r="3" ht="20"><c r="A3" t="inlineStr"><is><t xml:space="preserve">   </t></is></c></row><row r="4"><c r="C4"><v>c</v></c><c r="D4" t="inlineStr"><is><t> </t></is></c></row>`,
			want:  []row{{1, []string{"", "b"}}, {4, []string{"", "", "c"}}},
		},
		{
			name:  "entities, character references and CR line ends in values",
			sheet: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a&#13;b\r\nc\rd&#x9;&gt;</t></is></c><c r=\"B1\" t=\"str\"><v><![CDATA[x\r\ny]]></v></c></row>",
			want:  []row{{1, []string{"a\rb\nc\nd\t>", "x\ny"}}},
		},
		{
			name:  "unknown elements and extLst are skipped",
			sheet: `<row r="1"><extLst><ext uri="x"><foo/></ext></extLst><c r="A1"><v>1</v><extLst/></c></row>`,
			want:  []row{{1, []string{"1"}}},
		},
		{
			name:  "the last Excel row is read; $-anchored and lowercase references work",
			sheet: `<row r="1048576"><c r="$B$1048576"><v>1</v></c><c r="c1048576"><v>2</v></c></row>`,
			want:  []row{{1048576, []string{"", "1", "2"}}},
		},
		{
			name:    "a row beyond 1,048,576 is an error",
			sheet:   `<row r="1"><c r="A1"><v>1</v></c></row><row r="1048577"><c r="A1048577"><v>1</v></c></row>`,
			want:    nil, // excelize fails the row before it too: it meets the bad row ending row 1
			wantErr: true,
		},
		{
			name:  "a bad shared string index reads as empty, as in excelize",
			sheet: `<row r="1"><c r="A1" t="s"><v>99</v></c><c r="B1" t="s"><v>-1</v></c><c r="C1"><v>ok</v></c></row>`,
			want:  []row{{1, []string{"", "", "ok"}}},
		},
		{
			name:    "an invalid cell reference is an error",
			sheet:   `<row r="1"><c r="1A"><v>1</v></c></row>`,
			wantErr: true,
		},
		{
			name:    "an invalid row number is an error",
			sheet:   `<row r="x"><c><v>1</v></c></row>`,
			wantErr: true,
		},
		{
			name:    "an unknown entity is an error, not a truncation",
			sheet:   `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>&nbsp;</t></is></c></row>`,
			want:    []row{{1, []string{"1"}}},
			wantErr: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sheetXML := sheetHead + tt.sheet + sheetTail
			if strings.HasPrefix(tt.sheet, "<?xml") {
				sheetXML = tt.sheet
			}
			data := zipParts(t, parts, map[string][]byte{
				"xl/worksheets/sheet1.xml": []byte(sheetXML),
				"xl/sharedStrings.xml":     []byte(testSST),
			})
			got, gotErr := ourRead(t, data, "Sheet1")
			if d := sameRows(got, tt.want); d != "" || gotErr != tt.wantErr {
				t.Errorf("%s; error: got %v, want %v", d, gotErr, tt.wantErr)
			}
			if tt.name == "an unknown entity is an error, not a truncation" {
				return // excelize stops silently there: the reason for our own reader
			}
			want, wantErr := refRead(t, data, "Sheet1")
			if d := sameRows(got, want); d != "" || gotErr != wantErr {
				t.Errorf("against excelize: %s; error: got %v, want %v", d, gotErr, wantErr)
			}
		})
	}
}

// TestXLSXPackageLayout covers part names and sheet lookup as excelize does them.
func TestXLSXPackageLayout(t *testing.T) {
	parts := baseParts(t)
	sheet := []byte(sheetHead + `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` + sheetTail)
	t.Run("backslashes and the case of sharedStrings.xml do not matter", func(t *testing.T) {
		over := map[string][]byte{}
		for name, c := range parts {
			switch name {
			case "xl/sharedStrings.xml":
				name = `xl\SHAREDSTRINGS.XML`
			case "xl/worksheets/sheet1.xml":
				name, c = `xl\worksheets\sheet1.xml`, sheet
			}
			over[name] = c
		}
		data := zipParts(t, nil, over)
		got, gotErr := ourRead(t, data, "Sheet1")
		if want := []row{{1, []string{"共享"}}}; !reflect.DeepEqual(got, want) || gotErr {
			t.Errorf("got %v (error %v), want %v", got, gotErr, want)
		}
		want, wantErr := refRead(t, data, "Sheet1")
		if d := sameRows(got, want); d != "" || gotErr != wantErr {
			t.Errorf("against excelize: %s", d)
		}
	})
	t.Run("absolute relationship targets and Strict OOXML namespaces", func(t *testing.T) {
		wb := strings.ReplaceAll(string(parts["xl/workbook.xml"]), "http://schemas.openxmlformats.org/spreadsheetml/2006/main", strictSpreadsheetNS)
		wb = strings.ReplaceAll(wb, relationshipsNS, strictRelsNS)
		rels := strings.ReplaceAll(string(parts["xl/_rels/workbook.xml.rels"]), `Target="worksheets/sheet1.xml"`, `Target="/xl/worksheets/sheet1.xml"`)
		data := zipParts(t, parts, map[string][]byte{
			"xl/workbook.xml": []byte(wb), "xl/_rels/workbook.xml.rels": []byte(rels), "xl/worksheets/sheet1.xml": sheet,
		})
		got, gotErr := ourRead(t, data, "Sheet1")
		if want := []row{{1, []string{"共享"}}}; !reflect.DeepEqual(got, want) || gotErr {
			t.Errorf("got %v (error %v), want %v", got, gotErr, want)
		}
	})
	t.Run("a worksheet declaring another encoding is decoded from it", func(t *testing.T) {
		gbk, err := encodeGBK([]byte(`<?xml version="1.0" encoding="GBK"?>` + sheetHead[strings.Index(sheetHead, "\n")+1:] +
			`<row r="1"><c r="A1" t="inlineStr"><is><t>收货地址</t></is></c></row>` + sheetTail))
		if err != nil {
			t.Fatal(err)
		}
		data := zipParts(t, parts, map[string][]byte{"xl/worksheets/sheet1.xml": gbk})
		got, gotErr := ourRead(t, data, "Sheet1")
		if want := []row{{1, []string{"收货地址"}}}; !reflect.DeepEqual(got, want) || gotErr {
			t.Errorf("got %v (error %v), want %v", got, gotErr, want)
		}
		want, wantErr := refRead(t, data, "Sheet1")
		if d := sameRows(got, want); d != "" || gotErr != wantErr {
			t.Errorf("against excelize: %s", d)
		}
	})
	t.Run("a damaged shared strings part makes the sheet unreadable", func(t *testing.T) {
		data := zipParts(t, parts, map[string][]byte{"xl/sharedStrings.xml": []byte(sstHead + `<si><t>a</si></sst>`)})
		w, err := OpenReader(bytes.NewReader(data), int64(len(data)), "b.xlsx", OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		if _, err := w.Rows("Sheet1"); !errors.Is(err, ErrUnreadable) {
			t.Errorf("got %v, want %v", err, ErrUnreadable)
		}
	})
}

func TestXLSXErrorsDoNotQuoteCells(t *testing.T) {
	parts := baseParts(t)
	for _, s := range []string{
		`<row r="1"><c r="A1" t="inlineStr"><is><t>13812345678&phone;</t></is></c></row>`,
		`<row r="1"><c r="13812345678"><v>1</v></c></row>`,
		`<row r="13812345678"><c><v>1</v></c></row>`,
		`<row r="1"><c r="A1"><v>13812345678</c></row>`,
	} {
		data := zipParts(t, parts, map[string][]byte{"xl/worksheets/sheet1.xml": []byte(sheetHead + s + sheetTail)})
		w, err := OpenReader(bytes.NewReader(data), int64(len(data)), "b.xlsx", OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		rows, err := w.Rows("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
		}
		err = rows.Err()
		if !errors.Is(err, ErrUnreadable) || strings.Contains(err.Error(), "13812345678") || strings.Contains(err.Error(), "phone") {
			t.Errorf("sheet %s: got error %v, want ErrUnreadable without the cell text", s, err)
		}
		w.Close()
	}
}
