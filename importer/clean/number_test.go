package clean

import "testing"

// cellAmountTests are the number cells a spreadsheet writes that data.ParseDecimal
// alone would not read: binary floats read back with 17 digits.
var cellAmountTests = []struct {
	name string
	in   string
	want int64
	ok   bool
}{
	{"xlsx float read back with 17 digits", "133.63999999999999", 13364, true},
	{"xlsx float just above", "2.5500000000000003", 255, true},
	{"negative xlsx float", "-77.349999999999994", -7735, true},
	{"long fraction that is not a float artifact", "12.3456789012345", 0, false},
}

func TestAmount(t *testing.T) {
	tests := cellAmountTests
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Amount(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %v %v, want %v %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestLossy(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"taobao order number", "1.37359E+14", true},
		{"shorter mantissa", "1.37E+14", true},
		{"lower-case e", "1.37359e14", true},
		{"phone with dropped digits", "1.3800138E+10", true},
		{"no fraction", "1E+5", true},
		{"text-cell apostrophe", "'1.37359E+14", true},
		{"every digit kept", "1.3800138000E+10", false},
		{"negative exponent loses no integer digits", "1.5E-3", false},
		{"plain number", "137359000000000", false},
		{"text", "EXPRESS", false},
		{"stock code with an E", "85123E", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Lossy(tt.in); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
