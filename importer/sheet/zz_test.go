package sheet

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

func benchRaw(b *testing.B, opts excelize.Options, colOpts bool) {
	x, _, _ := benchFiles(b)
	for b.Loop() {
		f, err := excelize.OpenFile(x, opts)
		if err != nil {
			b.Fatal(err)
		}
		rows, _ := f.Rows("Sheet1")
		n := 0
		for rows.Next() {
			var cells []string
			if colOpts {
				cells, _ = rows.Columns(excelize.Options{RawCellValue: true})
			} else {
				cells, _ = rows.Columns()
			}
			n += len(cells)
		}
		rows.Close()
		f.Close()
	}
}

func BenchmarkZZDefault(b *testing.B) { benchRaw(b, excelize.Options{}, true) }
func BenchmarkZZ64MB(b *testing.B) {
	benchRaw(b, excelize.Options{UnzipXMLSizeLimit: 64 << 20, UnzipSizeLimit: 1 << 30}, true)
}
func BenchmarkZZRawOpen(b *testing.B) {
	benchRaw(b, excelize.Options{RawCellValue: true}, false)
}
