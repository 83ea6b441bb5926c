package sheet

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzXLS fuzzes the legacy .xls reader. Mutations of a whole compound file rarely get
// past its sector chains, so the input is the Workbook stream, wrapped in a valid
// compound file before reading; the same bytes are also read as a file on their own,
// which covers the container, the HTML-table reader and content sniffing. Seeds are
// generated workbooks with every cell record, an encrypted and an Excel 95 one, HTML
// tables, and the first records of the real exports.
func FuzzXLS(f *testing.F) {
	seeds := []xlsSpec{sampleXLS(), {xfs: []int{0, 14}, date1904: true, sheets: []xlsSheetSpec{{name: "S", cells: [][]byte{
		rec(recNumber, cellHead(0, 0, 1), f64(41639.5)),
		rec(recFormula, cellHead(0, 1, 0), []byte{0, 0, 0, 0, 0, 0, 0xFF, 0xFF}, le16(0), le32(0), le16(0)),
		rec(recString, xlStr("续")),
	}}}}}
	enc := sampleXLS()
	enc.encrypt = true
	for _, x := range append(seeds, enc, excel95XLS()) {
		f.Add(x.stream())
	}
	f.Add([]byte(jdPage))
	f.Add([]byte(`<table><tr><td rowspan=3 colspan=2>a</td><td>b</td></tr><tr><td>c</td></tr></table>`))
	for _, rel := range []string{"mingri/TB2018_1783rows.xls", "mingri/JDdata_24541rows.xls", "messy/negatives_merged_title_cn.xls", "messy/times.xls"} {
		raw, err := os.ReadFile(filepath.Join(realData, rel))
		if err != nil {
			continue
		}
		if stream, err := workbookStream(raw); err == nil {
			f.Add(stream[:min(len(stream), 16<<10)])
		}
	}
	f.Fuzz(func(t *testing.T, stream []byte) {
		readFuzzed(t, compoundFile("Workbook", stream), "fuzz.xls")
		readFuzzed(t, stream, "fuzz.xls")
	})
}
