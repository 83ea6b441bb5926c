package clean

import (
	"slices"
	"testing"
)

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"clean text is returned as is", "张三", "张三"},
		{"ascii spaces are trimmed", "  收货地址 ", "收货地址"},
		{"full-width space is trimmed", "\u3000张三\u3000", "张三"},
		{"nbsp is trimmed", "\u00a0张三\u00a0", "张三"},
		{"zero-width space and BOM are removed", "\ufeff张\u200b三\u200b", "张三"},
		{"zero-width joiner at the ends is trimmed", "\u200d张三\u200d", "张三"},
		{"zero-width joiner inside an emoji sequence is kept", "a👨\u200d👩b", "a👨\u200d👩b"},
		{"full-width letters and digits fold", "ＡＢＣ１２３ａｂｃ", "ABC123abc"},
		{"full-width punctuation folds", "（全彩版）：＠", "(全彩版):@"},
		{"internal runs of whitespace collapse", "广东省  东莞市\t\t友谊路", "广东省 东莞市 友谊路"},
		{"line breaks collapse to one space", "第一行\r\n第二行\n", "第一行 第二行"},
		{"control characters are dropped", "张\x00三\x7f", "张三"},
		{"whitespace only is empty", " \u3000\t ", ""},
		{"null is empty", "null", ""},
		{"NULL is empty", "NULL", ""},
		{"apostrophe null from Taobao exports is empty", "'null", ""},
		{"padded null is empty", " null ", ""},
		{"dash is empty", "-", ""},
		{"double dash is empty", "--", ""},
		{"full-width dash is empty", "－", ""},
		{"N/A is empty", "N/A", ""},
		{"#N/A is empty", "#N/A", ""},
		{"Excel error value is empty", "#VALUE!", ""},
		{"a word containing null is kept", "nullable", "nullable"},
		{"a negative number is kept", "-1", "-1"},
		{"invalid utf-8 becomes the replacement character", "a\xffb", "a\ufffdb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if got := Text(tt.want); got != tt.want {
				t.Errorf("not idempotent: got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTextCleanInputDoesNotAllocate(t *testing.T) {
	for _, in := range []string{"张三", "广东省 东莞市 友谊路122号", "2012-5-23 23:34", "13800138000", "Lineitem name"} {
		if got := testing.AllocsPerRun(100, func() { _ = Text(in) }); got != 0 {
			t.Errorf("%q: got %v allocs, want 0", in, got)
		}
	}
}

func TestEmpty(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"blank is empty", "", true},
		{"spaces are empty", "  ", true},
		{"placeholder is empty", "'null", true},
		{"zero is a value", "0", false},
		{"text is a value", "无", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Empty(tt.in); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestLines(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"single line is Text", "  备注 ", "备注"},
		{"crlf becomes lf and lines are cleaned", "Name:  Ann \r\n Zip:  02134 ", "Name: Ann\nZip: 02134"},
		{"blank lines at the ends are dropped", "\n\nabc\n\n", "abc"},
		{"inner blank line is kept", "a\n\nb", "a\n\nb"},
		{"lone cr is a line break", "a\rb", "a\nb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Lines(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHeader(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"trailing space is dropped", "收货地址 ", "收货地址"},
		{"spaces and case go", "Customer ID", "customerid"},
		{"full-width letters fold", "Ｅｍａｉｌ", "email"},
		{"hyphen goes", "E-mail", "email"},
		{"required star goes", "*手机号", "手机号"},
		{"colon goes", "姓名：", "姓名"},
		{"parentheses go", "成交价格（元）", "成交价格元"},
		{"underscore goes", "customer_id", "customerid"},
		{"BOM goes", "\ufeff订单编号", "订单编号"},
		{"shopify header", "Lineitem quantity", "lineitemquantity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Header(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTags(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"placeholder has no tags", "null", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tags(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOrderNo(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
		ok   bool
	}{
		{"plain number", "123456789012345678", "123456789012345678", true},
		{"shopify name keeps the hash", "#1411", "#1411", true},
		{"apostrophe goes", "'2012052312345", "2012052312345", true},
		{"formula wrapper goes", `="2012052312345"`, "2012052312345", true},
		{"number cell .0 goes", "1411.0", "1411", true},
		{"UCI cancellation keeps its letter", "C536379", "C536379", true},
		{"lossy E-notation is refused", "1.37359E+14", "", false},
		{"empty is refused", " ", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := OrderNo(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %q %v, want %q %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}
