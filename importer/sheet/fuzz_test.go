package sheet

import (
	"bytes"
	"encoding/xml"
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
			if w.Format() == FormatXLS && len(cells) > maxXLSColumns {
				t.Fatalf("row %d: got %d cells, more than an .xls can hold", last, len(cells))
			}
			if w.Format() != FormatXLSX {
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
// FuzzXLSX's mutations rarely get past the zip checksums. Besides the invariants every
// caller relies on, it checks that for every worksheet encoding/xml accepts as
// well-formed, our reader returns what the excelize-based reference reader returns.
func FuzzSheetXML(f *testing.F) {
	parts := baseParts(f)
	parts["xl/sharedStrings.xml"] = []byte(testSST)
	for _, s := range []string{
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1"><v>43101.39</v></c></row><row r="5"><c r="B5" t="inlineStr"><is><t>小王</t></is></c></row>`,
		`<row><c t="s"><v>7</v></c></row><row r="3"><c r="XFD3" t="b"><v>1</v></c></row>`,
		`<row r="1048576"><c r="A1048576"><f>1+1</f><v>2</v></c></row>`,
		`<row r="2"><c r="A0"><v>1</v></c></row><row r="1"><c t="str"><v>x</v></c></row>`,
		`<row r="1"><c r="A1" t="d"><v>2020-01-01T00:00:00</v></c><c r="B1" t="e"><v>#N/A</v></c></row>`,
		`<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>2</v></c><c r="C1" t="s"><v>3</v></c></row>`,
		`<row r="3"><c r="B3" s="x" t="s"><v>0</v></c><c><f aca="2"/><v>1</v></c></row><row r="2"><c r="A2"><v>back</v></c></row>`,
		`<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><sz val="x"/></rPr><t>a</t></r><t>b&#x4E2D;</t></is></c></row>`,
	} {
		f.Add([]byte(sheetHead + s + sheetTail))
	}
	f.Add([]byte(`<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r='1'><x:c r='A1'><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`))
	f.Fuzz(func(t *testing.T, sheetXML []byte) {
		data := zipParts(t, parts, map[string][]byte{"xl/worksheets/sheet1.xml": sheetXML})
		readFuzzed(t, data, "fuzz.xlsx")
		if !wellFormed(sheetXML) {
			return // excelize stops silently at the first syntax error; we report it
		}
		want, wantErr := refRead(t, data, "Sheet1")
		got, gotErr := ourRead(t, data, "Sheet1")
		if d := sameRows(got, want); d != "" || gotErr != wantErr {
			t.Errorf("against excelize: %s; error: got %v, want %v", d, gotErr, wantErr)
		}
	})
}

// wellFormed reports whether encoding/xml reads b to the end without a syntax error, in
// UTF-8 (excelize would convert other declared encodings; so do we, but not identically).
func wellFormed(b []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return false
		}
		if pi, ok := tok.(xml.ProcInst); ok && pi.Target == "xml" && bytes.Contains(pi.Inst, []byte("encoding")) {
			return false
		}
	}
	d = xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// FuzzSheetDiff builds well-formed worksheets from fuzzed choices (rows with and without
// numbers, going backwards too, cells with odd references, types, formulas, inline rich
// text, entities, CDATA, comments, namespace prefixes, unknown and nested elements), where
// FuzzSheetXML's byte mutations seldom stay well-formed, and checks that our reader and
// excelize agree on every one.
func FuzzSheetDiff(f *testing.F) {
	parts := baseParts(f)
	parts["xl/sharedStrings.xml"] = []byte(testSST)
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
	f.Add([]byte("row and cell choices: any bytes will do"))
	f.Add(bytes.Repeat([]byte{7, 200, 13, 91, 3}, 20))
	f.Fuzz(func(t *testing.T, choices []byte) {
		sheetXML := genSheet(choices)
		if !wellFormed(sheetXML) {
			t.Fatalf("generated a malformed sheet: %s", sheetXML)
		}
		data := zipParts(t, parts, map[string][]byte{"xl/worksheets/sheet1.xml": sheetXML})
		readFuzzed(t, data, "fuzz.xlsx")
		want, wantErr := refRead(t, data, "Sheet1")
		got, gotErr := ourRead(t, data, "Sheet1")
		if d := sameRows(got, want); d != "" || gotErr != wantErr {
			t.Errorf("against excelize: %s; error: got %v, want %v\nsheet: %s", d, gotErr, wantErr, sheetXML)
		}
	})
}

// genSheet turns fuzzer bytes into a well-formed worksheet.
func genSheet(choices []byte) []byte {
	i := 0
	pick := func(opts ...string) string {
		if i >= len(choices) {
			return opts[0]
		}
		c := choices[i]
		i++
		return opts[int(c)%len(opts)]
	}
	p := pick("", "x:")
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><` + p + `worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	b.WriteString(pick("", `<sheetPr><tabColor rgb="FF0000"/></sheetPr>`, `<!-- c -->`))
	b.WriteString("<" + p + "sheetData>")
	for i < len(choices) {
		b.WriteString("<" + p + "row" + pick(` r="1"`, ` r="2"`, "", ` r="5"`, ` r='3' spans="1:3"`, ` r="0"`, ` r="-1"`, ` r="9"`, ` r="1048577"`, ` r="x"`, ` x:r="4"`) + ">")
		for n := pick("1", "0", "2", "3")[0] - '0'; n > 0 && i < len(choices); n-- {
			b.WriteString("<" + p + "c" + pick("", ` r="A1"`, ` r="C1"`, ` r="B7"`, ` r="$D$2"`, ` r="aa3"`, ` r="A0"`, ` r="XFE1"`, ` r="1"`) +
				pick("", ` t="s"`, ` t="inlineStr"`, ` t="str"`, ` t="b"`, ` t="e"`, ` t="d"`, ` t="n"`) +
				pick("", ` s="1"`, ` s="x"`, ` s=""`))
			if pick("", "/") == "/" {
				b.WriteString("/>")
				continue
			}
			b.WriteString(">")
			for m := pick("1", "2", "0", "3")[0] - '0'; m > 0; m-- {
				b.WriteString(pick(
					"<"+p+"v>"+pick("0", "1", "2", " 3 ", "4", "5", "6", "99", "-1", "abc", "", "1.5E3", "&lt;x&gt;", "<![CDATA[a]]>b", "a<!-- c -->b", "a<u>hid</u>b", "&#x41;_x0042_", "\u3000")+"</"+p+"v>",
					"<"+p+"f"+pick("", ` t="shared" si="0"`, ` ca="1"`, ` aca="maybe"`)+">"+pick("", "1+1")+"</"+p+"f>",
					"<"+p+"f/>",
					"<"+p+"is>"+pick("", "<"+p+"t>in</"+p+"t>", "<t xml:space=\"preserve\"> a </t><t>b</t>", "<r><t>r1</t></r><r><rPr><b val=\"x\"/></rPr><t>r2</t></r>", "<r><t>q</t></r><rPh sb=\"z\"><t>ph</t></rPh><t>t</t>", "<r><rPr><sz val=\"11\"/></rPr><t>_x005F_x0041_</t></r>")+"</"+p+"is>",
					"<extLst><ext><"+p+"v>9</"+p+"v></ext></extLst>",
					"<foo/>",
					"<!-- note -->",
				))
			}
			b.WriteString("</" + p + "c>")
		}
		b.WriteString(pick("", "<extLst/>", "<"+p+"row/>"))
		b.WriteString("</" + p + "row>")
	}
	b.WriteString("</" + p + "sheetData>" + pick("", `<mergeCells><mergeCell ref="A1:B2"/></mergeCells>`, "<"+p+"row r=\"20\"><"+p+"c><"+p+"v>after</"+p+"v></"+p+"c></"+p+"row>") + "</" + p + "worksheet>")
	return []byte(b.String())
}
