package sheet

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	shakinm "github.com/shakinm/xlsReader/xls"
)

// cellKey is a cell's 0-based row and column.
type cellKey struct{ row, col int }

// ourCells reads every sheet of path with this package.
func ourCells(t *testing.T, path string) map[string]map[cellKey]string {
	t.Helper()
	w, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	out := map[string]map[cellKey]string{}
	for _, s := range w.Sheets() {
		rows, err := readAll(t, w, s)
		if err != nil {
			t.Fatal(err)
		}
		cells := map[cellKey]string{}
		for _, r := range rows {
			for c, v := range r.Cells {
				if !isBlank(v) {
					cells[cellKey{r.N - 1, c}] = v
				}
			}
		}
		out[s] = cells
	}
	return out
}

// serialOf turns a date this package wrote back into an Excel day number.
func serialOf(s string) (float64, bool) {
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02", "15:04:05"} {
		if tm, err := time.Parse(layout, s); err == nil {
			if layout == "15:04:05" {
				return float64(tm.Hour()*3600+tm.Minute()*60+tm.Second()) / 86400, true
			}
			return tm.Sub(excelEpoch1900).Hours() / 24, true
		}
	}
	return 0, false
}

// sameNumber reports whether our text for a numeric cell is the second reader's number:
// equal to 15 significant digits (what Excel shows), or the same instant to the second
// when we wrote it as a date. shakinm reads a negative RK integer as unsigned 30 bits
// (-1184955 as 1072556869, and ×100 ones likewise; in some files only): our negative
// value is also accepted when it is exactly that misreading's negative.
func sameNumber(ours string, v float64, rk bool) bool {
	if d, ok := serialOf(ours); ok {
		return math.Abs(d-v) <= 1.0/86400
	}
	f, err := strconv.ParseFloat(ours, 64)
	if err != nil {
		return false
	}
	same := func(a, b float64) bool { return a == b || math.Abs(a-b) <= 1e-14*math.Abs(b) }
	if rk && f < 0 && (same(f, v-(1<<30)) || same(f, (math.Round(v*100)-(1<<30))/100)) {
		return true
	}
	return same(f, v)
}

// latin1 decodes shakinm's 8-bit ("compressed") strings, which it returns as raw
// Latin-1 bytes rather than UTF-8.
func latin1(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	r := make([]rune, len(s))
	for i := 0; i < len(s); i++ {
		r[i] = rune(s[i])
	}
	return string(r)
}

// garbled reports shakinm's shared-string misreading after a CONTINUE record: the
// right text followed by raw record bytes ("\x00mrsoft432\x02\x00…mrsoft433…").
func garbled(theirs, ours string) bool {
	return strings.ContainsRune(theirs, 0) && strings.Contains(theirs, ours)
}

// TestXLSMatchesSecondReaderOnRealFiles reads every real .xls with this package and with
// github.com/shakinm/xlsReader (v0.9.12, a separate BIFF8 implementation) and compares
// them cell by cell: strings exactly, numbers by value (dates back to day numbers),
// blanks as blanks, and no cell read by one reader alone. shakinm loses part of one
// file's shared string table (its CONTINUE handling): it panics on those cells or
// returns the right text run together with record bytes. They are counted, must all be
// string cells, and are checked by the answer key of the import test (an independent
// Python reader) instead.
func TestXLSMatchesSecondReaderOnRealFiles(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(realData, "*", "*.xls"))
	if len(files) == 0 {
		t.Skipf("no real .xls files under %s; the shared data folder is absent", realData)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			ours := ourCells(t, path)
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			wb, err := shakinm.OpenReader(bytes.NewReader(raw))
			if err != nil {
				t.Fatal(err)
			}
			compared, unreadable := 0, 0
			for i := 0; i < wb.GetNumberSheets(); i++ {
				sh, err := wb.GetSheet(i)
				if err != nil {
					t.Fatal(err)
				}
				mine, ok := ours[sh.GetName()]
				if !ok {
					t.Errorf("sheet %q: missing here", sh.GetName())
					continue
				}
				theirs := map[cellKey]bool{}
				for r, row := range sh.GetRows() {
					for c, cell := range row.GetCols() {
						k := cellKey{r, c}
						text, typ, ok := secondReaderCell(cell)
						if !ok {
							unreadable++
							theirs[k] = true
							if typ != "*record.LabelSSt" {
								t.Errorf("%v: the second reader failed on a %s cell", k, typ)
							}
							continue
						}
						got, have := mine[k]
						switch typ {
						case "*record.Number", "*record.Rk":
							theirs[k] = true
							if !have || !sameNumber(got, cell.GetFloat64(), typ == "*record.Rk") {
								t.Errorf("%v: got %q, second reader %v", k, got, cell.GetFloat64())
							}
						case "*record.LabelSSt", "*record.LabelBIFF8":
							if isBlank(text) {
								break
							}
							theirs[k] = true
							if text = latin1(text); got != text && have && garbled(text, got) {
								unreadable++
							} else if got != text {
								t.Errorf("%v: got %q, second reader %q", k, got, text)
							}
						default: // blanks
							if have {
								t.Errorf("%v: got %q where the second reader has a blank %s", k, got, typ)
							}
						}
						compared++
					}
				}
				for k, v := range mine {
					if !theirs[k] {
						t.Errorf("%v: got %q, which the second reader does not have", k, v)
					}
				}
			}
			t.Logf("%d cells compared, %d the second reader could not read", compared, unreadable)
		})
	}
}

// secondReaderCell reads one shakinm cell, turning its panics into ok=false.
func secondReaderCell(c interface {
	GetString() string
	GetType() string
}) (text, typ string, ok bool) {
	typ = c.GetType()
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return c.GetString(), typ, true
}

// TestXLSRealHandChecks pins values checked by hand in the raw files: the buyer names
// of the Taobao export are 8-bit strings, so their count can be taken from the bytes
// themselves (1,783 "mrsoft"), and a few rows read with the Python reader of
// importer/testdata/xls_key.py --dump.
func TestXLSRealHandChecks(t *testing.T) {
	tests := []struct {
		file   string
		sheets int
		rows   int // non-blank rows of the first sheet, header included
		last   row
		second row
	}{
		{"mingri/TB2018_1783rows.xls", 1, 1784,
			row{1784, []string{"mrsoft1783", "0", "1", "Visual C#开发技术大全", "***", "1964********", "2018-04-01 07:16:23", "2018-04-01 07:15:57"}},
			row{2, []string{"mrsoft001", "748.5", "1", "PHP程序员开发资源库 php 从入门到精通 实例项目源码视频 包邮", "***", "182********", "2018-01-01 09:26:18", "2018-01-01 09:26:00"}}},
		{"mingri/JDdata_24541rows.xls", 1, 24542,
			row{24542, []string{"零基础学C语言（全彩版 附光盘小白手册）", "136885", "-1", "40.48", "2018-02-28"}},
			row{2, []string{"Java精彩编程200例（全彩版）", "112345", "-1", "46.28", "2018-03-01"}}},
		{"superstore/superstore.xls", 3, 9995, row{}, row{}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := realFile(t, tt.file)
			w, err := Open(path, OpenOptions{})
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			if len(w.Sheets()) != tt.sheets {
				t.Errorf("got sheets %q, want %d", w.Sheets(), tt.sheets)
			}
			rows, err := readAll(t, w, w.Sheets()[0])
			if err != nil || len(rows) != tt.rows {
				t.Fatalf("got %d rows (%v), want %d", len(rows), err, tt.rows)
			}
			if tt.last.N != 0 && (!reflect.DeepEqual(rows[len(rows)-1], tt.last) || !reflect.DeepEqual(rows[1], tt.second)) {
				t.Errorf("got second row %v and last %v, want %v and %v", rows[1], rows[len(rows)-1], tt.second, tt.last)
			}
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if n := bytes.Count(raw, []byte("mrsoft")); n > 0 {
				got := 0
				for _, r := range rows {
					if strings.HasPrefix(r.Cells[0], "mrsoft") {
						got++
					}
				}
				if got != n {
					t.Errorf("got %d buyers named mrsoft…, the file's bytes hold %d", got, n)
				}
			}
		})
	}
}
