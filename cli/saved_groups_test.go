package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shopcrm/data"
	"shopcrm/data/sqlite"
)

// importTeaSheet imports a small order sheet through shopcrm import (the real reader,
// column mapping and store).
func importTeaSheet(t *testing.T, dir, name, body string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := run(t, "import", path, "--data", dir, "--platform", "taobao"); code != 0 {
		t.Fatalf("import %s: exit %d: %s", name, code, errOut)
	}
}

// saveGroup keeps a filter under a name in the archive at dir.
func saveGroupIn(t *testing.T, dir, name string, f data.CustomerFilter) {
	t.Helper()
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SaveGroup(t.Context(), &data.SavedGroup{Name: name, Filter: f}); err != nil {
		t.Fatal(err)
	}
}

const teaSheetHead = "订单编号,买家会员名,订单付款时间,宝贝标题,实付金额\n"

// teaShop: 阿花 bought 红茶 for ¥350 in two orders, 小米粒 红茶 for ¥120, 老张 龙井 for ¥500.
func teaShop(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	importTeaSheet(t, dir, "orders-1.csv", teaSheetHead+
		"A1,阿花,2026-01-02 10:00,正山小种红茶,200\n"+
		"A2,阿花,2026-02-02 10:00,正山小种红茶,150\n"+
		"B1,小米粒,2026-01-05 10:00,祁门红茶 罐装,120\n"+
		"C1,老张,2026-01-06 10:00,西湖龙井,500\n")
	saveGroupIn(t, dir, "红茶老客", data.CustomerFilter{Goods: "红茶", TotalFen: data.Range{}.AtLeast(30000)})
	saveGroupIn(t, dir, "买过两次", data.CustomerFilter{Trades: data.Range{}.AtLeast(2)})
	return dir
}

// nicks is the nick column of a customers CSV, header left out.
func csvNicks(rows [][]string) string {
	var out []string
	for _, r := range rows[1:] {
		out = append(out, r[1])
	}
	return strings.Join(out, ",")
}

func TestGroupsSavedListsEveryGroupWithItsCountAndValue(t *testing.T) {
	empty := t.TempDir()
	out, errOut, code := run(t, "groups", "--saved", "--data", empty)
	if code != 0 || !strings.Contains(out, "还没有保存的分组") {
		t.Errorf("no saved group: exit %d %q %q", code, out, errOut)
	}
	assertRows(t, runCSV(t, "groups", "--saved", "--data", empty, "--format", "csv"), [][]string{{"name", "customers", "total"}})

	dir := teaShop(t)
	assertRows(t, runCSV(t, "groups", "--saved", "--data", dir, "--format", "csv"), [][]string{
		{"name", "customers", "total"},
		{"买过两次", "1", "350.00"},
		{"红茶老客", "1", "350.00"},
	})
	out, errOut, code = run(t, "groups", "--saved", "--data", dir)
	if code != 0 || !strings.Contains(out, "红茶老客") || !strings.Contains(out, "¥350.00") || !strings.Contains(out, "客户数") {
		t.Errorf("text: exit %d %q %q", code, out, errOut)
	}
	if _, errOut, code := run(t, "groups", "--saved", "--as-of", "2026-01-01", "--data", dir); code != exitWrongCall || errOut == "" {
		t.Errorf("--saved with --as-of: exit %d %q", code, errOut)
	}
}

func TestCustomersAndExportTakeASavedGroup(t *testing.T) {
	dir := teaShop(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--group", "红茶老客"}, "阿花"},
		{[]string{"--group", "买过两次", "--goods", "红茶"}, "阿花"},
		{[]string{"--group", "红茶老客", "--min-total", "400"}, ""},   // bounds narrow
		{[]string{"--group", "红茶老客", "--max-total", "400"}, "阿花"}, // and combine
		{[]string{"--goods", "红茶", "--max-total", "300"}, "小米粒"},  // no group: the flags alone
		{[]string{"--group", "红茶老客", "--search", "小米"}, ""},       // and the search
	} {
		rows := runCSV(t, append([]string{"customers", "--data", dir, "--format", "csv"}, tc.args...)...)
		if got := csvNicks(rows); got != tc.want {
			t.Errorf("%v: got %q, want %q", tc.args, got, tc.want)
		}
	}
	path := filepath.Join(t.TempDir(), "红茶老客.xlsx")
	if out, errOut, code := run(t, "export", path, "--data", dir, "--group", "红茶老客"); code != 0 || !strings.Contains(out, "已导出 1 位客户") {
		t.Errorf("export: exit %d %q %q", code, out, errOut)
	}

	// An unknown name fails with one sentence; conditions that cannot both hold are a wrong call.
	for _, cmd := range [][]string{{"customers"}, {"export", filepath.Join(t.TempDir(), "x.xlsx")}} {
		out, errOut, code := run(t, append(cmd, "--data", dir, "--group", "不存在的分组")...)
		if code != exitFailed || out != "" || !strings.Contains(errOut, "没有叫「不存在的分组」的分组") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v unknown group: exit %d %q %q", cmd, code, out, errOut)
		}
	}
	if _, errOut, code := run(t, "customers", "--data", dir, "--group", "红茶老客", "--goods", "龙井"); code != exitWrongCall || !strings.Contains(errOut, "--group") {
		t.Errorf("conflicting goods: exit %d %q", code, errOut)
	}
}

// A saved group is live: an import that brings a buyer over its bounds, and a new
// buyer who matches, make them members.
func TestSavedGroupFollowsAnImport(t *testing.T) {
	dir := teaShop(t)
	importTeaSheet(t, dir, "orders-2.csv", teaSheetHead+
		"B2,小米粒,2026-03-01 10:00,祁门红茶,200\n"+ // 小米粒: ¥120 → ¥320 of 红茶
		"C2,老张,2026-03-02 10:00,西湖龙井,100\n"+ // 老张 spent more, but never on 红茶
		"D1,新客,2026-03-03 10:00,红茶礼盒,400\n")
	assertRows(t, runCSV(t, "groups", "--saved", "--data", dir, "--format", "csv"), [][]string{
		{"name", "customers", "total"},
		{"买过两次", "3", "1270.00"},
		{"红茶老客", "3", "1070.00"},
	})
	rows := runCSV(t, "customers", "--data", dir, "--format", "csv", "--group", "红茶老客")
	if got := csvNicks(rows); !sameNicks(got, "阿花,小米粒,新客") {
		t.Errorf("members after the import: %s", got)
	}
}

func sameNicks(a, b string) bool {
	x, y := strings.Split(a, ","), strings.Split(b, ",")
	if len(x) != len(y) {
		return false
	}
	seen := map[string]int{}
	for _, v := range x {
		seen[v]++
	}
	for _, v := range y {
		if seen[v]--; seen[v] < 0 {
			return false
		}
	}
	return true
}
