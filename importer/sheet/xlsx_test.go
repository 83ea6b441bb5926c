package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// row is one returned row, for comparing whole sheets.
type row struct {
	N     int
	Cells []string
}

// readAll reads every row of one sheet, copying the cells as callers must.
func readAll(t testing.TB, w *Workbook, sheet string) ([]row, error) {
	t.Helper()
	rows, err := w.Rows(sheet)
	if err != nil {
		t.Fatalf("Rows(%q): %v", sheet, err)
	}
	defer rows.Close()
	var got []row
	for rows.Next() {
		got = append(got, row{rows.RowNumber(), append([]string(nil), rows.Cells()...)})
	}
	return got, rows.Err()
}

// writeXLSX builds a workbook in a temp dir. build fills it; password, when set, encrypts.
func writeXLSX(t testing.TB, build func(f *excelize.File), password string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	build(f)
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(path, excelize.Options{Password: password}); err != nil {
		t.Fatal(err)
	}
	return path
}

func set(t testing.TB, f *excelize.File, sheet, cell string, v any) {
	t.Helper()
	if err := f.SetCellValue(sheet, cell, v); err != nil {
		t.Fatal(err)
	}
}

func TestXLSXRows(t *testing.T) {
	tests := []struct {
		name  string
		build func(t *testing.T, f *excelize.File)
		want  []row
	}{
		{
			name: "raw values: numbers, serial dates, text phones and booleans stay unformatted",
			build: func(t *testing.T, f *excelize.File) {
				set(t, f, "Sheet1", "A1", "交易日期")
				set(t, f, "Sheet1", "B1", "联系电话")
				set(t, f, "Sheet1", "C1", "成交价格")
				set(t, f, "Sheet1", "D1", "老客户")
				set(t, f, "Sheet1", "A2", time.Date(2018, 1, 1, 9, 21, 36, 0, time.UTC))
				set(t, f, "Sheet1", "B2", "15812345678")
				set(t, f, "Sheet1", "C2", 1234.5)
				set(t, f, "Sheet1", "D2", true)
			},
			want: []row{
				{1, []string{"交易日期", "联系电话", "成交价格", "老客户"}},
				{2, []string{"43101.39", "15812345678", "1234.5", "1"}},
			},
		},
		{
			name: "rows missing from the sheet keep true row numbers",
			build: func(t *testing.T, f *excelize.File) {
				set(t, f, "Sheet1", "B4", "顾客网名")
				set(t, f, "Sheet1", "B5", "小王")
				set(t, f, "Sheet1", "B9", "小李")
			},
			want: []row{{4, []string{"", "顾客网名"}}, {5, []string{"", "小王"}}, {9, []string{"", "小李"}}},
		},
		{
			name: "blank and whitespace-only rows are skipped but counted",
			build: func(t *testing.T, f *excelize.File) {
				set(t, f, "Sheet1", "A1", "a")
				set(t, f, "Sheet1", "A2", "   ")
				set(t, f, "Sheet1", "B2", "\u3000")
				set(t, f, "Sheet1", "A3", "")
				set(t, f, "Sheet1", "A4", "b")
			},
			want: []row{{1, []string{"a"}}, {4, []string{"b"}}},
		},
		{
			name: "trailing blank cells are trimmed, inner ones and inner spaces kept",
			build: func(t *testing.T, f *excelize.File) {
				set(t, f, "Sheet1", "A1", "收货地址 ")
				set(t, f, "Sheet1", "C1", "x")
				set(t, f, "Sheet1", "D1", " ")
			},
			want: []row{{1, []string{"收货地址 ", "", "x"}}},
		},
		{
			name: "merged cells carry the value in the top-left cell only",
			build: func(t *testing.T, f *excelize.File) {
				set(t, f, "Sheet1", "A1", "客户信息表")
				if err := f.MergeCell("Sheet1", "A1", "C2"); err != nil {
					t.Fatal(err)
				}
				set(t, f, "Sheet1", "A3", "姓名")
				set(t, f, "Sheet1", "B3", "手机号")
			},
			want: []row{{1, []string{"客户信息表"}}, {3, []string{"姓名", "手机号"}}},
		},
		{
			name: "hidden rows are read like any other",
			build: func(t *testing.T, f *excelize.File) {
				set(t, f, "Sheet1", "A1", "a")
				set(t, f, "Sheet1", "A2", "hidden")
				if err := f.SetRowVisible("Sheet1", 2, false); err != nil {
					t.Fatal(err)
				}
			},
			want: []row{{1, []string{"a"}}, {2, []string{"hidden"}}},
		},
		{
			name:  "an empty sheet has no rows",
			build: func(t *testing.T, f *excelize.File) {},
			want:  nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeXLSX(t, func(f *excelize.File) { tt.build(t, f) }, "")
			w, err := Open(path, OpenOptions{})
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			got, err := readAll(t, w, "Sheet1")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestXLSXWorkbook(t *testing.T) {
	path := writeXLSX(t, func(f *excelize.File) {
		if err := f.SetSheetName("Sheet1", "订单"); err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"客户", "Sheet 3"} {
			if _, err := f.NewSheet(s); err != nil {
				t.Fatal(err)
			}
		}
		set(t, f, "客户", "A1", "x")
	}, "")
	w, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	t.Run("sheet names come in workbook order", func(t *testing.T) {
		if got, want := w.Sheets(), []string{"订单", "客户", "Sheet 3"}; !reflect.DeepEqual(got, want) {
			t.Errorf("got %v, want %v", got, want)
		}
	})
	t.Run("format is xlsx with no encoding or separator", func(t *testing.T) {
		if got := [3]any{w.Format(), w.Encoding(), w.Separator()}; got != [3]any{"xlsx", "", rune(0)} {
			t.Errorf("got %v, want %v", got, [3]any{"xlsx", "", rune(0)})
		}
	})
	t.Run("a second sheet reads on its own", func(t *testing.T) {
		got, err := readAll(t, w, "客户")
		if want := []row{{1, []string{"x"}}}; err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("got %v (%v), want %v", got, err, want)
		}
	})
	t.Run("an unknown sheet is ErrNoSuchSheet", func(t *testing.T) {
		if _, err := w.Rows("Sheet1"); !errors.Is(err, ErrNoSuchSheet) {
			t.Errorf("got %v, want %v", err, ErrNoSuchSheet)
		}
	})
}

func TestXLSXWriteProtectedOpensWithoutPassword(t *testing.T) {
	// Excel encrypts write-protected workbooks with this fixed password and opens them
	// without asking; so must we.
	path := writeXLSX(t, func(f *excelize.File) { set(t, f, "Sheet1", "A1", "x") }, "VelvetSweatshop")
	w, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatalf("got %v, want no error", err)
	}
	defer w.Close()
	got, err := readAll(t, w, "Sheet1")
	if want := []row{{1, []string{"x"}}}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("got %v (%v), want %v", got, err, want)
	}
}

func TestXLSXPassword(t *testing.T) {
	path := writeXLSX(t, func(f *excelize.File) { set(t, f, "Sheet1", "A1", "秘密") }, "pw123")
	tests := []struct {
		name     string
		password string
		want     error
	}{
		{"no password asks for one", "", ErrPasswordRequired},
		{"a wrong password is refused", "nope", ErrWrongPassword},
		{"the right password reads", "pw123", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := Open(path, OpenOptions{Password: tt.password})
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if err != nil {
				return
			}
			defer w.Close()
			got, err := readAll(t, w, "Sheet1")
			if want := []row{{1, []string{"秘密"}}}; err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("got %v (%v), want %v", got, err, want)
			}
		})
	}
}

func TestOpenRefuses(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		path string
		opt  OpenOptions
		want error
	}{
		{"a file over MaxBytes is too large", write("big.csv", make([]byte, 1000)), OpenOptions{MaxBytes: 999}, ErrTooLarge},
		{"a zip without a workbook is unreadable", write("notes.xlsx", zipOf(t, "readme.txt", []byte("hi"))), OpenOptions{}, ErrUnreadable},
		{"a truncated zip is unreadable", write("cut.xlsx", zipOf(t, "a", []byte("hi"))[:30]), OpenOptions{}, ErrUnreadable},
		{"a zip declaring gigabytes is too large", write("bomb.xlsx", zipBomb(t, "xl/worksheets/sheet1.xml", 4<<30)), OpenOptions{}, ErrTooLarge},
		{"a zip declaring a huge in-memory part is too large", write("img.xlsx", zipBomb(t, "xl/media/image1.png", 600<<20)), OpenOptions{}, ErrTooLarge},
		{"an OLE2 file that is neither xls nor encrypted is unreadable", write("x.xls", append(append([]byte{}, oleMagic...), make([]byte, 600)...)), OpenOptions{}, ErrUnreadable},
		{"binary bytes are unreadable", write("pic.csv", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), OpenOptions{}, ErrUnreadable},
		{"a page named .xls without a table asks for .xlsx", write("old.xls", []byte(`<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>`)), OpenOptions{}, ErrLegacyXLS},
		{"an HTML page named .csv is unreadable", write("login.csv", []byte("\n<!DOCTYPE html><html></html>")), OpenOptions{}, ErrUnreadable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := Open(tt.path, tt.opt)
			if err == nil {
				w.Close()
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
	t.Run("a missing file reports the OS error", func(t *testing.T) {
		if _, err := Open(filepath.Join(dir, "nope.xlsx"), OpenOptions{}); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("got %v, want %v", err, os.ErrNotExist)
		}
	})
}

// zipOf returns a zip holding one file.
func zipOf(t testing.TB, name string, content []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	fw, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(content)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// zipBomb returns a tiny zip whose one entry claims to unpack to size bytes.
func zipBomb(t testing.TB, name string, size uint64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	fw, err := zw.CreateRaw(&zip.FileHeader{
		Name: name, Method: zip.Store, CompressedSize64: 3, UncompressedSize64: size,
	})
	if err != nil {
		t.Fatal(err)
	}
	fw.Write([]byte("abc"))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
