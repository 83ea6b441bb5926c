package data

import "testing"

// Fuzz targets of the value rules are seeded from the test tables. Run one with
//
//	go test -run '^$' -fuzz FuzzAmount -fuzztime 20s ./data/

func FuzzAmount(f *testing.F) {
	for _, tt := range amountTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ParseQuantity(s)
		fen, ok := ParseDecimal(s, 2)
		if !ok {
			if fen != 0 {
				t.Fatalf("ok=false with a value: got %v, want 0", fen)
			}
			return
		}
		again, ok := ParseDecimal(FormatYuan(fen), 2)
		if !ok || again != fen {
			t.Fatalf("FormatYuan round trip: got %v %v, want %v true", again, ok, fen)
		}
		if p, ok := ParseYuan(FormatYuan(fen)); ok != nil || p != fen {
			t.Fatalf("ParseYuan disagrees: got %v %v, want %v", p, ok, fen)
		}
		if milli, ok := ParseDecimal(s, 3); !ok || milli != fen*10 {
			t.Fatalf("ParseDecimal(s, 3): got %v %v, want %v true", milli, ok, fen*10)
		}
	})
}

func FuzzPhone(f *testing.F) {
	for _, tt := range phoneTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if isLandline(s) && (!ValidPhone(s) || NormalizePhone(s) != s) {
			t.Fatalf("isLandline takes %q, which NormalizePhone would change or ValidPhone refuse", s)
		}
		got, ok := ParsePhone(s)
		_ = IsMaskedPhone(s)
		if !ok {
			return
		}
		if !IsMaskedPhone(got) && !ValidPhone(got) {
			t.Fatalf("got %q, which ValidPhone refuses", got)
		}
		if n := NormalizePhone(got); n != got {
			t.Fatalf("NormalizePhone changes it: got %q, want %q", n, got)
		}
		if again, ok := ParsePhone(got); !ok || again != got {
			t.Fatalf("not idempotent: got %q %v, want %q true", again, ok, got)
		}
	})
}
