package data

import "testing"

var amountTests = []struct {
	name string
	in   string
	want int64
	ok   bool
}{
	{"yen sign and thousands", "¥1,280.00", 128000, true},
	{"full-width yuan sign", "￥128", 12800, true},
	{"yuan suffix", "128元", 12800, true},
	{"one decimal", "1280.5", 128050, true},
	{"two decimals", "99.99", 9999, true},
	{"tmall trailing .0", "21.0", 2100, true},
	{"full-width digits", "１２８．５", 12850, true},
	{"accounting negative", "(12.50)", -1250, true},
	{"full-width accounting negative", "（12.50）", -1250, true},
	{"minus", "-25", -2500, true},
	{"minus before the sign", "-¥25", -2500, true},
	{"minus after the sign", "¥-25", -2500, true},
	{"plus", "+25", 2500, true},
	{"unicode minus", "−25", -2500, true},
	{"spaces around and inside", " ¥ 1 280.00 元 ", 128000, true},
	{"RMB prefix", "RMB 128", 12800, true},
	{"CNY suffix", "12.50 CNY", 1250, true},
	{"dollar", "$19.99", 1999, true},
	{"trailing zeros beyond fen", "12.500", 1250, true},
	{"leading point", ".5", 50, true},
	{"trailing point", "128.", 12800, true},
	{"zero", "0", 0, true},
	{"zero with decimals", "0.00", 0, true},
	{"negative zero", "-0.0", 0, true},
	{"leading zeros", "007.5", 750, true},
	{"exact E-notation", "1.200E+3", 120000, true},
	{"negative exponent", "1.5E-1", 15, true},
	{"E-notation that lost digits", "1.2E+3", 0, false},
	{"lossy order number", "1.37359E+14", 0, false},
	{"three decimals", "12.345", 0, false},
	{"sub-fen unit price", "0.001", 0, false},
	{"ten-thousand grouping", "1,2800", 0, false},
	{"european decimal comma", "1.280,00", 0, false},
	{"double comma", "1,,280", 0, false},
	{"comma after point", "1.2,80", 0, false},
	{"two points", "1.2.3", 0, false},
	{"two signs", "--25", 0, false},
	{"sign and parentheses", "-(25)", 0, false},
	{"letters", "abc", 0, false},
	{"digits then letters", "12abc", 0, false},
	{"hex", "0x1F", 0, false},
	{"currency only", "¥", 0, false},
	{"empty", "", 0, false},
	{"placeholder", "-", 0, false},
	{"point only", ".", 0, false},
	{"a trillion yuan", "1000000000000", 0, false},
	{"just below a trillion yuan", "999999999999.99", 99999999999999, true},
	{"many trailing zeros", "1.000000000000000000000000000000", 100, true},
}

func TestParseDecimal(t *testing.T) {
	tests := amountTests
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseDecimal(tt.in, 2)
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %v %v, want %v %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestParseDecimalPlaces(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		places int
		want   int64
		ok     bool
	}{
		{"sub-fen unit price in tenths of a fen", "0.001", 3, 1, true},
		{"four places", "2.55", 4, 25500, true},
		{"integer only", "2.0", 0, 2, true},
		{"too many decimals for the places", "0.0001", 3, 0, false},
		{"negative places are refused", "1", -1, 0, false},
		{"more than six places are refused", "1", 7, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseDecimal(tt.in, tt.places)
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %v %v, want %v %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestParseQuantity(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int
		ok   bool
	}{
		{"digit", "2", 2, true},
		{"number cell", "2.0", 2, true},
		{"full-width digit", "２", 2, true},
		{"return line", "-1", -1, true},
		{"thousands", "1,000", 1000, true},
		{"counting word", "3件", 3, true},
		{"counting word with space", "12 个", 12, true},
		{"padded", " 5 ", 5, true},
		{"zero", "0", 0, true},
		{"fraction", "2.5", 0, false},
		{"money is not a count", "¥2", 0, false},
		{"garbage", "两件", 0, false},
		{"empty", "", 0, false},
		{"more than a million", "1000001", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseQuantity(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %v %v, want %v %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}
