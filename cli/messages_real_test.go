package cli

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestMessagesFromARealArchive: a hand-kept 客户信息表 of 300 buyers (姓名, 手机号 …,
// every phone a distinct mainland mobile, per a python3 count over the raw file)
// imported as it comes gives a holiday greeting's message sheet of exactly its 300
// phones and names, each with its own filled message; the expectation is read from
// the raw file's cells, not through the importer.
func TestMessagesFromARealArchive(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "data", "messy", "customer_archive_300rows.xlsx")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("real test files are not here: %v", err)
	}
	raw, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	cells, err := raw.GetRows(raw.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range cells[0] {
		col[strings.TrimSpace(h)] = i
	}
	var want []string
	for _, r := range cells[1:] {
		name, phone := r[col["姓名"]], r[col["手机号"]]
		want = append(want, strings.Join([]string{phone, name, name + "您好，春节快乐！"}, "|"))
	}
	if len(want) != 300 {
		t.Fatalf("the raw file has %d buyers, the python3 count 300", len(want))
	}

	dir := t.TempDir()
	if _, errOut, code := run(t, "import", path, "--data", dir); code != exitOK {
		t.Fatalf("import: %s", errOut)
	}
	out := filepath.Join(t.TempDir(), "春节.xlsx")
	stdout, errOut, code := run(t, "messages", "--data", dir, "--out", out, "--holiday", "spring_festival", "--text", "{姓名}您好，{节日}快乐！")
	if code != exitOK {
		t.Fatalf("messages: %s", errOut)
	}
	if !strings.Contains(stdout, "已写出 300 位买家的短信") || strings.Contains(stdout, "未包含") {
		t.Errorf("output %q, want 300 rows and no one left out", stdout)
	}
	rows := readSheet(t, out)
	var got []string
	for _, r := range rows[1:] {
		got = append(got, strings.Join(r, "|"))
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sheet rows differ from the raw file's buyers:\n got %d rows, first %q\nwant %d rows, first %q", len(got), got[:min(3, len(got))], len(want), want[:3])
	}
}
