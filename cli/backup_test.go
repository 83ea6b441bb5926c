package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shopcrm/data"
	"shopcrm/data/sqlite"
)

func TestBackupListCheckAndRestoreRoundTrip(t *testing.T) {
	dir := t.TempDir()
	if _, errOut, code := run(t, "demo", "--data", dir, "--customers", "20", "--trades", "40", "--seed", "2"); code != 0 {
		t.Fatal(errOut)
	}
	out, errOut, code := run(t, "backup", "--data", dir)
	if code != 0 || !strings.Contains(out, "已备份并校验") {
		t.Fatalf("backup: exit %d, %q %q", code, out, errOut)
	}
	list, _ := sqlite.ListBackups(dir)
	if len(list) != 1 {
		t.Fatalf("backups: got %d, want 1", len(list))
	}
	out, _, _ = run(t, "backup", "--list", "--data", dir)
	if !strings.Contains(out, list[0].Name()) || !strings.Contains(out, "手动") || !strings.Contains(out, "共 1 份备份") {
		t.Errorf("backup --list: %q", out)
	}
	if _, _, code := run(t, "demo", "--data", dir, "--customers", "5", "--trades", "0", "--seed", "3"); code != 0 {
		t.Fatal("second demo failed")
	}
	out, errOut, code = run(t, "check", "--data", dir)
	if code != 0 || !strings.Contains(out, "检查通过") {
		t.Fatalf("check: exit %d, %q %q", code, out, errOut)
	}
	out, errOut, code = run(t, "restore", list[0].Name(), "--data", dir)
	if code != 0 || !strings.Contains(out, "已从") {
		t.Fatalf("restore: exit %d, %q %q", code, out, errOut)
	}
	out, _, _ = run(t, "customers", "--data", dir)
	if !strings.Contains(out, "共 20 位客户") {
		t.Errorf("after restore: %q, want the 20 customers of the backup", lastLineOf(out))
	}
}

func lastLineOf(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

func TestDamagedDataIsReportedWithTheBackupToRestore(t *testing.T) {
	dir := t.TempDir()
	if _, _, code := run(t, "demo", "--data", dir, "--customers", "300", "--trades", "600", "--seed", "4"); code != 0 {
		t.Fatal("demo failed")
	}
	run(t, "backup", "--data", dir)
	list, _ := sqlite.ListBackups(dir)
	db := filepath.Join(dir, sqlite.DBFileName)
	b, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for i := 4096 * 2; i < len(b)-4096; i += 5 {
		b[i] ^= 0x33
	}
	os.WriteFile(db, b, 0o600)

	_, errOut, code := run(t, "check", "--data", dir)
	if code != 1 || !strings.Contains(errOut, "数据文件已损坏") || !strings.Contains(errOut, "shopcrm restore "+list[0].Name()) {
		t.Fatalf("check of a damaged file: exit %d, %q", code, errOut)
	}
	out, errOut, code := run(t, "restore", list[0].Name(), "--data", dir)
	if code != 0 {
		t.Fatalf("restore over a damaged file: exit %d, %q %q", code, out, errOut)
	}
	if out, _, code := run(t, "check", "--data", dir); code != 0 || !strings.Contains(out, "300 位客户") {
		t.Errorf("check after restore: exit %d %q", code, out)
	}
}

func TestSecondInstanceIsRefusedWithOneSentence(t *testing.T) {
	dir := t.TempDir()
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, errOut, code := run(t, "customers", "--data", dir)
	if code != 1 || !strings.Contains(errOut, "已经在运行") || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
		t.Errorf("second instance: exit %d, %q", code, errOut)
	}
}

func TestCSVNeverCarriesAFormula(t *testing.T) {
	dir := t.TempDir()
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	evil := []string{"=HYPERLINK(\"http://x\",\"点我\")", "+SUM(1,2)", "-2+3", "@cmd", "\t=2+2", "\r=3+3"}
	for i, nick := range evil {
		c := &data.Customer{Platform: data.PlatformTaobao, Nick: nick, Name: "名" + string(rune('A'+i)), Note: nick}
		if err := s.CreateCustomer(context.Background(), c); err != nil {
			t.Fatalf("%q: %v", nick, err)
		}
	}
	s.Close()
	rows := runCSV(t, "customers", "--data", dir, "--format", "csv")
	seen := 0
	for _, r := range rows[1:] {
		for _, cell := range r {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !isPlainNumber(cell) {
				t.Errorf("cell %q would run as a formula", cell)
			}
		}
		if strings.HasPrefix(r[1], "'") {
			seen++
		}
	}
	if seen == 0 {
		t.Fatalf("no nick was escaped; stored nicks may have been cleaned: %v", rows)
	}
}

func isPlainNumber(s string) bool {
	return SafeCSVCell(s) == s && s != "" && s[0] != '=' && s[0] != '@'
}

func TestSafeCSVCell(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"=1+1", "'=1+1"},
		{"+86 138 0013 8000", "'+86 138 0013 8000"},
		{"-", "'-"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"-12.50", "-12.50"},
		{"+8613800138000", "+8613800138000"},
		{"小米粒", "小米粒"},
		{"", ""},
		{"a=b", "a=b"},
	} {
		if got := SafeCSVCell(tc.in); got != tc.want {
			t.Errorf("SafeCSVCell(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCustomerTextListMasksPhonesUnlessTurnedOff(t *testing.T) {
	dir := t.TempDir()
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := s.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒", Phone: "13800138000"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out, _, _ := run(t, "customers", "--data", dir)
	if !strings.Contains(out, "138****8000") || strings.Contains(out, "13800138000") {
		t.Errorf("text list by default: %q, want the phone masked", out)
	}
	if out, _, _ := run(t, "customers", "--data", dir, "--format", "csv"); !strings.Contains(out, "13800138000") {
		t.Errorf("csv is for machines and keeps the whole phone: %q", out)
	}
	s, _ = sqlite.Open(dir)
	s.SetSetting(ctx, data.SettingMaskPhones, "0")
	s.Close()
	if out, _, _ := run(t, "customers", "--data", dir); !strings.Contains(out, "13800138000") {
		t.Errorf("with masking off: %q, want the whole phone", out)
	}
}
