package data

import "testing"

func TestCurrency(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Currency
		ok   bool
	}{
		{"usd", "USD", true}, {" GBP ", "GBP", true}, {"人民币", "CNY", true}, {"￥", "CNY", true},
		{"US$", "USD", true}, {"$", "USD", true}, {"", "", false}, {"dollars?", "", false},
	} {
		got, ok := ParseCurrency(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseCurrency(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
	for _, tc := range []struct {
		c    Currency
		fen  int64
		want string
	}{
		{"", 12345, "¥123.45"}, {"CNY", 0, "¥0.00"}, {"GBP", -5, "-£0.05"}, {"USD", 100, "$1.00"}, {"CHF", 250, "CHF 2.50"},
	} {
		if got := tc.c.Format(tc.fen); got != tc.want {
			t.Errorf("%q.Format(%d) = %q, want %q", tc.c, tc.fen, got, tc.want)
		}
	}
}
