package sheet

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

const benchRows = 100_000

var benchHeader = []string{"订单编号", "交易日期", "顾客网名", "真实姓名", "电子邮箱", "联系电话", "收货地址", "购买商品", "数量", "成交价格"}

// benchDir holds the generated benchmark files, made once per test binary run.
var (
	benchOnce sync.Once
	benchDir  string
	benchErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// benchRow returns row i of the synthetic order sheet: a few hundred repeating customers
// and goods, like a real shop, so shared strings repeat.
func benchRow(i int) []any {
	c := i % 7919
	return []any{
		fmt.Sprintf("%d", 100000000000000+i),
		time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * 7 * time.Minute),
		fmt.Sprintf("买家%d号", c),
		[]string{"王", "李", "张", "刘", "陈"}[c%5] + []string{"伟", "芳", "娜", "敏", "静", "丽"}[c%6],
		fmt.Sprintf("buyer%d@example.com", c),
		fmt.Sprintf("1%010d", 3800000000+c*7),
		fmt.Sprintf("广东省 深圳市 南山区 科技园路%d号 %d栋%d室", c%300, c%40, c%900),
		fmt.Sprintf("2020新款夏季韩版修身短袖T恤 款式%d 尺码%s", i%211, []string{"S", "M", "L", "XL"}[i%4]),
		1 + i%3,
		float64(1990+i%9000) / 100,
	}
}

// benchFiles writes the 100k-row sheet as xlsx (shared strings, as Excel writes it) and as
// UTF-8 and GBK csv.
func benchFiles(b *testing.B) (xlsx, csvUTF8, csvGBK string) {
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "sheet-bench-")
		if benchErr != nil {
			return
		}
		f := excelize.NewFile()
		defer f.Close()
		date, _ := f.NewStyle(&excelize.Style{NumFmt: 22})
		hdr := make([]any, len(benchHeader))
		for i, h := range benchHeader {
			hdr[i] = h
		}
		if benchErr = f.SetSheetRow("Sheet1", "A1", &hdr); benchErr != nil {
			return
		}
		var lines [][]string
		for i := 1; i <= benchRows; i++ {
			r := benchRow(i)
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if benchErr = f.SetSheetRow("Sheet1", cell, &r); benchErr != nil {
				return
			}
			line := make([]string, len(r))
			for j, v := range r {
				if t, ok := v.(time.Time); ok {
					v = t.Format("2006-01-02 15:04:05")
				}
				line[j] = fmt.Sprint(v)
			}
			lines = append(lines, line)
		}
		_ = f.SetColStyle("Sheet1", "B", date)
		if benchErr = f.SaveAs(filepath.Join(benchDir, "orders.xlsx")); benchErr != nil {
			return
		}
		for _, enc := range []string{"utf8", "gbk"} {
			var content []byte
			content = fmt.Appendf(content, "%s\r\n", joinCSV(benchHeader))
			for _, l := range lines {
				content = fmt.Appendf(content, "%s\r\n", joinCSV(l))
			}
			if enc == "gbk" {
				if content, benchErr = encodeGBK(content); benchErr != nil {
					return
				}
			}
			if benchErr = os.WriteFile(filepath.Join(benchDir, "orders-"+enc+".csv"), content, 0o600); benchErr != nil {
				return
			}
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return filepath.Join(benchDir, "orders.xlsx"), filepath.Join(benchDir, "orders-utf8.csv"), filepath.Join(benchDir, "orders-gbk.csv")
}

func joinCSV(cells []string) string { return strings.Join(cells, ",") }

func encodeGBK(b []byte) ([]byte, error) { return simplifiedchinese.GBK.NewEncoder().Bytes(b) }

// benchRead opens path and reads every row of its first sheet, touching every cell.
func benchRead(b *testing.B, path string) {
	b.ReportAllocs()
	for b.Loop() {
		w, err := Open(path, OpenOptions{})
		if err != nil {
			b.Fatal(err)
		}
		rows, err := w.Rows(w.Sheets()[0])
		if err != nil {
			b.Fatal(err)
		}
		n, size := 0, 0
		for rows.Next() {
			for _, c := range rows.Cells() {
				size += len(c)
			}
			n++
		}
		if err := rows.Err(); err != nil || n != benchRows+1 {
			b.Fatalf("got %d rows (%v), want %d", n, err, benchRows+1)
		}
		rows.Close()
		w.Close()
	}
}

// BenchmarkReadXLSX100k reads a 100,000-row order sheet through this package.
func BenchmarkReadXLSX100k(b *testing.B) {
	x, _, _ := benchFiles(b)
	benchRead(b, x)
}

// BenchmarkRawExcelizeRows100k is the floor: a bare excelize Rows loop with raw values.
func BenchmarkRawExcelizeRows100k(b *testing.B) {
	x, _, _ := benchFiles(b)
	b.ReportAllocs()
	for b.Loop() {
		f, err := excelize.OpenFile(x)
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		n, size := 0, 0
		for rows.Next() {
			cells, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				b.Fatal(err)
			}
			for _, c := range cells {
				size += len(c)
			}
			n++
		}
		if n != benchRows+1 {
			b.Fatalf("got %d rows, want %d", n, benchRows+1)
		}
		rows.Close()
		f.Close()
	}
}

// BenchmarkReadCSV100k reads the same sheet saved as UTF-8 csv.
func BenchmarkReadCSV100k(b *testing.B) {
	_, c, _ := benchFiles(b)
	benchRead(b, c)
}

// BenchmarkReadCSV100kGBK reads it saved as GBK, as Taobao and Excel on Chinese Windows do.
func BenchmarkReadCSV100kGBK(b *testing.B) {
	_, _, g := benchFiles(b)
	benchRead(b, g)
}

// BenchmarkBareCSV100k is the floor for csv: encoding/csv over a buffered file.
func BenchmarkBareCSV100k(b *testing.B) {
	_, c, _ := benchFiles(b)
	b.ReportAllocs()
	for b.Loop() {
		f, err := os.Open(c)
		if err != nil {
			b.Fatal(err)
		}
		r := csv.NewReader(bufio.NewReaderSize(f, 64<<10))
		r.FieldsPerRecord, r.ReuseRecord = -1, true
		n := 0
		for {
			rec, err := r.Read()
			if err != nil {
				break
			}
			_ = rec
			n++
		}
		f.Close()
		if n != benchRows+1 {
			b.Fatalf("got %d rows, want %d", n, benchRows+1)
		}
	}
}
