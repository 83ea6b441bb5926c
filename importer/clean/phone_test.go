package clean

import (
	"testing"

	"shopcrm/data"
)

// cellPhoneTests are phone cells as spreadsheets hold them, which data.ParsePhone
// alone does not read: formula wrappers, number cells, several phones, labels.
var cellPhoneTests = []struct {
	name string
	in   string
	want string
	ok   bool
}{
	{"excel formula wrapper", `="15863836573"`, "15863836573", true},
	{"number cell with .0", "13800138000.0", "13800138000", true},
	{"exact E-notation", "1.3800138000E+10", "13800138000", true},
	{"lossy E-notation", "1.3800138E+10", "", false},
	{"two phones with a slash", "13800138000/13900139000", "13800138000", true},
	{"two phones with a full-width comma", "13800138000，13900139000", "13800138000", true},
	{"two phones with 、", "13800138000、13900139000", "13800138000", true},
	{"two phones on two lines", "13800138000\n13900139000", "13800138000", true},
	{"two phones with a space", "13800138000 13900139000", "13800138000", true},
	{"empty first of two", "-/13900139000", "13900139000", true},
	{"label", "手机：13800138000", "13800138000", true},
	{"placeholder", "null", "", false},
}

func TestPhone(t *testing.T) {
	tests := cellPhoneTests
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Phone(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %q %v, want %q %v", got, ok, tt.want, tt.ok)
			}
			if ok && !data.IsMaskedPhone(got) && !data.ValidPhone(got) {
				t.Errorf("got %q which data.ValidPhone refuses", got)
			}
			if ok && data.NormalizePhone(got) != got {
				t.Errorf("data.NormalizePhone changes it: got %q, want %q", data.NormalizePhone(got), got)
			}
		})
	}
}

func TestPhoneCleanMobileDoesNotAllocate(t *testing.T) {
	if got := testing.AllocsPerRun(100, func() { _, _ = Phone("13800138000") }); got != 0 {
		t.Errorf("got %v allocs, want 0", got)
	}
}
