package sheet

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func gbk(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func utf16le(t testing.TB, s string) []byte {
	t.Helper()
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// openBytes writes b to a temp file called name and opens it.
func openBytes(t testing.TB, name string, b []byte) *Workbook {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	w, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

func TestCSVRows(t *testing.T) {
	asciiThenGBK := strings.Repeat("a,b\n", 20000) + "顾客,小王\n" // non-ASCII only after 64 KB
	cutAtEdge := strings.Repeat("x", sampleSize-1) + ",王\n"    // 王 straddles the sample edge
	tests := []struct {
		name    string
		content []byte
		wantEnc string
		wantSep rune
		want    []row
	}{
		{
			name:    "utf-8 with comma",
			content: []byte("顾客网名,联系电话\n小王,15812345678\n"),
			wantEnc: "utf-8", wantSep: ',',
			want: []row{{1, []string{"顾客网名", "联系电话"}}, {2, []string{"小王", "15812345678"}}},
		},
		{
			name:    "utf-8 BOM is stripped from the first cell",
			content: []byte("\xef\xbb\xbf订单编号,金额\r\n1,2\r\n"),
			wantEnc: "utf-8-bom", wantSep: ',',
			want: []row{{1, []string{"订单编号", "金额"}}, {2, []string{"1", "2"}}},
		},
		{
			name:    "GBK is decoded as gb18030",
			content: gbk(t, "买家会员名,收货地址 \r\n闫韵434,广东省 东莞市\r\n"),
			wantEnc: "gb18030", wantSep: ',',
			want: []row{{1, []string{"买家会员名", "收货地址 "}}, {2, []string{"闫韵434", "广东省 东莞市"}}},
		},
		{
			name:    "GB18030 four-byte characters decode",
			content: append(gbk(t, "姓名\n"), 0x95, 0x32, 0x82, 0x36, '\n'), // U+20000 𠀀
			wantEnc: "gb18030", wantSep: ',',
			want: []row{{1, []string{"姓名"}}, {2, []string{"\U00020000"}}},
		},
		{
			name:    "tab separated, with commas inside cells",
			content: []byte("姓名\t地址\t金额\n张三\t北京,朝阳\t1,200\n李四\t上海\t3\n"),
			wantEnc: "utf-8", wantSep: '\t',
			want: []row{{1, []string{"姓名", "地址", "金额"}}, {2, []string{"张三", "北京,朝阳", "1,200"}}, {3, []string{"李四", "上海", "3"}}},
		},
		{
			name:    "semicolon separated with decimal commas",
			content: []byte("Name;Total;Qty\nA;1,5;2\nB;2,25;1\n"),
			wantEnc: "utf-8", wantSep: ';',
			want: []row{{1, []string{"Name", "Total", "Qty"}}, {2, []string{"A", "1,5", "2"}}, {3, []string{"B", "2,25", "1"}}},
		},
		{
			name:    "a quoted multi-line note is one row and later rows keep Excel's numbers",
			content: []byte("Name,Notes,Total\r\n#1001,\"call first\r\nleave at door\",10\r\n#1002,,20\r\n"),
			wantEnc: "utf-8", wantSep: ',',
			want: []row{{1, []string{"Name", "Notes", "Total"}}, {2, []string{"#1001", "call first\nleave at door", "10"}}, {3, []string{"#1002", "", "20"}}},
		},
		{
			name:    "blank lines and ghost rows are skipped but counted",
			content: []byte("a,b\n\n,,,\n , ,\u3000\nc,d\n,,,,,,\n\n"),
			wantEnc: "utf-8", wantSep: ',',
			want: []row{{1, []string{"a", "b"}}, {5, []string{"c", "d"}}},
		},
		{
			name:    "ragged rows and trailing empty cells",
			content: []byte("a,b,c\n1\n2,,3,,,\n"),
			wantEnc: "utf-8", wantSep: ',',
			want: []row{{1, []string{"a", "b", "c"}}, {2, []string{"1"}}, {3, []string{"2", "", "3"}}},
		},
		{
			name:    "stray quotes inside cells are kept",
			content: []byte("商品,数量\n5\"屏 手机,1\n\"引号\"\"内\",2\n"),
			wantEnc: "utf-8", wantSep: ',',
			want: []row{{1, []string{"商品", "数量"}}, {2, []string{"5\"屏 手机", "1"}}, {3, []string{"引号\"内", "2"}}},
		},
		{
			name:    "Excel unicode text is utf-16le with tabs",
			content: utf16le(t, "姓名\t手机\r\n王五\t13800000000\r\n"),
			wantEnc: "utf-16le", wantSep: '\t',
			want: []row{{1, []string{"姓名", "手机"}}, {2, []string{"王五", "13800000000"}}},
		},
		{
			name:    "old Mac CR-only line ends",
			content: []byte("姓名,电话\r张三,1\r\r李四,2\r"),
			wantEnc: "utf-8", wantSep: ',',
			want: []row{{1, []string{"姓名", "电话"}}, {2, []string{"张三", "1"}}, {4, []string{"李四", "2"}}},
		},
		{
			name:    "no trailing newline",
			content: []byte("a,b\nc,d"),
			wantEnc: "utf-8", wantSep: ',',
			want: []row{{1, []string{"a", "b"}}, {2, []string{"c", "d"}}},
		},
		{
			name:    "an empty file has no rows",
			content: nil,
			wantEnc: "utf-8", wantSep: ',',
			want: nil,
		},
		{
			name:    "a one-column list needs no separator",
			content: []byte("手机\n13800000000\n"),
			wantEnc: "utf-8", wantSep: ',',
			want: []row{{1, []string{"手机"}}, {2, []string{"13800000000"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := openBytes(t, "订单.csv", tt.content)
			if got := [3]any{w.Format(), w.Encoding(), w.Separator()}; got != [3]any{"csv", tt.wantEnc, tt.wantSep} {
				t.Errorf("got %q, want %q", got, [3]any{"csv", tt.wantEnc, tt.wantSep})
			}
			got, err := readAll(t, w, "订单")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}

	encodingTests := []struct {
		name    string
		content []byte
		want    string
		last    row
	}{
		{"GBK after 64 KB of ASCII is still found", gbk(t, asciiThenGBK), "gb18030", row{20001, []string{"顾客", "小王"}}},
		{"invalid bytes past the utf-8 sample become U+FFFD", []byte("名字,x\n" + strings.Repeat("ab,1\n", 20000) + "ab\xffc,1\n"), "utf-8", row{20002, []string{"ab\uFFFDc", "1"}}},
		{"a utf-8 character cut by the sample edge is not mistaken for GBK", []byte(cutAtEdge), "utf-8", row{1, []string{strings.Repeat("x", sampleSize-1), "王"}}},
	}
	for _, tt := range encodingTests {
		t.Run(tt.name, func(t *testing.T) {
			w := openBytes(t, "big.txt", tt.content)
			if got := w.Encoding(); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			got, err := readAll(t, w, "big")
			if err != nil || len(got) == 0 || !reflect.DeepEqual(got[len(got)-1], tt.last) {
				t.Errorf("got last row %.40v (err %v), want %.40v", got[len(got)-1:], err, tt.last)
			}
		})
	}
}

func TestCSVUnclosedQuote(t *testing.T) {
	swallow := "a,b\n1,\"open\n" + strings.Repeat("x,y\n", 300) + "z,\"closed\"\n"
	tests := []struct {
		name    string
		content string
		rows    int
		wantErr error
	}{
		{"a quote open at the end of the file is an error", "a,b\n1,\"note\n2,x\n3,y\n", 2, ErrUnclosedQuote},
		{"a quote swallowing hundreds of rows is an error", swallow, 1, ErrUnclosedQuote},
		{"a closed multi-line cell in the last row is fine", "a,b\n1,\"line1\nline2\"\r\n\r\n", 2, nil},
		{"a closed multi-line cell in the last row without newline is fine", "a,b\n1,\"line1\nline2\"", 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := openBytes(t, "q.csv", []byte(tt.content))
			got, err := readAll(t, w, "q")
			if len(got) != tt.rows || !errors.Is(err, tt.wantErr) {
				t.Errorf("got %d rows, err %v; want %d rows, err %v", len(got), err, tt.rows, tt.wantErr)
			}
			if err != nil && strings.Contains(err.Error(), "note") {
				t.Errorf("error %q leaks cell text", err)
			}
		})
	}
}

func TestCSVWorkbook(t *testing.T) {
	w := openBytes(t, "淘宝订单 2012.txt", []byte("a\tb\n"))
	t.Run("the one sheet is named after the file", func(t *testing.T) {
		if got, want := w.Sheets(), []string{"淘宝订单 2012"}; !reflect.DeepEqual(got, want) {
			t.Errorf("got %v, want %v", got, want)
		}
	})
	t.Run("another sheet name is ErrNoSuchSheet", func(t *testing.T) {
		if _, err := w.Rows("Sheet1"); !errors.Is(err, ErrNoSuchSheet) {
			t.Errorf("got %v, want %v", err, ErrNoSuchSheet)
		}
	})
	t.Run("Rows can be read twice", func(t *testing.T) {
		a, _ := readAll(t, w, "淘宝订单 2012")
		b, _ := readAll(t, w, "淘宝订单 2012")
		if !reflect.DeepEqual(a, b) || len(a) != 1 {
			t.Errorf("got %v then %v, want one equal row", a, b)
		}
	})
	t.Run("OpenReader reads from memory", func(t *testing.T) {
		b := gbk(t, "姓名,电话\n张三,1\n")
		w, err := OpenReader(bytes.NewReader(b), int64(len(b)), "x.csv", OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		got, err := readAll(t, w, "x")
		if want := []row{{1, []string{"姓名", "电话"}}, {2, []string{"张三", "1"}}}; err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("got %v (%v), want %v", got, err, want)
		}
	})
}

func TestDetectComma(t *testing.T) {
	tests := []struct {
		name   string
		sample string
		want   byte
	}{
		{"quoted commas do not count", "a\tb\n\"x,y,z\"\tq\n\"1,2\"\t3\n", '\t'},
		{"a title row above the header does not decide", "淘宝订单报表\nA;B;C\n1;2;3\n4;5;6\n", ';'},
		{"a separator cut off by the sample edge is left out", "a,b\nc,d\ne;f;g;h;i", ','},
		{"nothing to count falls back to comma", "x\ny\n", ','},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := detectComma([]byte(tt.sample), false); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
