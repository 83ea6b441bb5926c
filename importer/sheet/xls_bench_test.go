package sheet

import (
	"bytes"
	"fmt"
	"testing"
)

// benchXLS is an order export of 40,000 orders of 8 columns (order
// number and buyer as shared strings, amounts as RK and NUMBER, pay times under a date
// format, a quantity as MULRK), the shared strings split at Excel's 8,224-byte records.
func benchXLS(rows int) []byte {
	x := xlsSpec{xfs: []int{0, 22}, sstLimit: 8224, sst: []string{"订单编号", "买家会员名", "实付金额", "付款时间", "数量", "邮费", "备注", "状态"}}
	var cells [][]byte
	for c := range 8 {
		cells = append(cells, rec(recLabelSST, cellHead(0, c, 0), le32(c)))
	}
	for r := 1; r <= rows; r++ {
		x.sst = append(x.sst, fmt.Sprintf("22600000%010d", r), fmt.Sprintf("买家_%d", r%5000))
		n := len(x.sst)
		cells = append(cells,
			rec(recLabelSST, cellHead(r, 0, 0), le32(n-2)),
			rec(recLabelSST, cellHead(r, 1, 0), le32(n-1)),
			rec(recRK, cellHead(r, 2, 0), le32((r%100000)<<2|3)),
			rec(recNumber, cellHead(r, 3, 1), f64(45000+float64(r)/1000)),
			rec(recMulRK, le16(r), le16(4), le16(0), le32(1<<2|2), le16(0), le32(0x40240000), le16(5)),
			rec(recLabelSST, cellHead(r, 6, 0), le32(6)),
			rec(recLabelSST, cellHead(r, 7, 0), le32(7)),
		)
	}
	x.sheets = []xlsSheetSpec{{name: "订单", cells: cells}}
	return x.file()
}

// BenchmarkReadXLS40k opens a 40,000-row .xls and reads every row and cell.
func BenchmarkReadXLS40k(b *testing.B) {
	file := benchXLS(40000)
	b.SetBytes(int64(len(file)))
	b.ReportAllocs()
	for b.Loop() {
		w, err := OpenReader(bytes.NewReader(file), int64(len(file)), "orders.xls", OpenOptions{})
		if err != nil {
			b.Fatal(err)
		}
		rows, err := w.Rows("订单")
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			n += len(rows.Cells())
		}
		if n != 8*40001 || rows.Err() != nil {
			b.Fatalf("got %d cells (%v), want %d", n, rows.Err(), 8*40001)
		}
		w.Close()
	}
}
