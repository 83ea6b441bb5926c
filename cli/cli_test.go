package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"strings"
	"testing"
	"time"

	"shopcrm/data"
	"shopcrm/data/sqlite"
	"shopcrm/i18n"
)

func TestMain(m *testing.M) {
	time.Local = time.FixedZone("CST", 8*3600)
	if err := i18n.Use(i18n.Chinese); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, &out, &errOut)
	return out.String(), errOut.String(), code
}

// runCSV runs a command that must succeed and returns its CSV output as rows.
func runCSV(t *testing.T, args ...string) [][]string {
	t.Helper()
	out, errOut, code := run(t, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// assertRows compares CSV rows with want, row by row.
func assertRows(t *testing.T, rows, want [][]string) {
	t.Helper()
	if len(rows) != len(want) {
		t.Fatalf("got %d rows, want %d:\n%v", len(rows), len(want), rows)
	}
	for i := range want {
		if strings.Join(rows[i], ",") != strings.Join(want[i], ",") {
			t.Errorf("row %d:\n got %v\nwant %v", i, rows[i], want[i])
		}
	}
}

func TestCustomersCSVMatchesTheSpec(t *testing.T) {
	dir := t.TempDir()
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c := &data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒", Name: "张三", Phone: "13800138000",
		Email: "zs@qq.com", City: "杭州", Tags: []string{"老客", "爱喝茶"}}
	if err := s.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	for _, tr := range []data.Trade{
		{AmountFen: 26800, TradedAt: time.Date(2026, 3, 1, 6, 30, 0, 0, time.UTC)},
		{AmountFen: 15850, TradedAt: time.Date(2026, 5, 2, 16, 0, 5, 0, time.UTC)},
		{AmountFen: 99900, Status: data.StatusUnpaid, TradedAt: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)},
	} {
		tr.CustomerID = c.ID
		if err := s.CreateTrade(ctx, &tr); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformJD, Name: "李四"}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	rows := runCSV(t, "customers", "--data", dir, "--format", "csv")
	want := [][]string{
		{"platform", "nick", "name", "phone", "email", "city", "trades", "total", "first_trade", "last_trade", "tier", "tags"},
		{"taobao", "小米粒", "张三", "13800138000", "zs@qq.com", "杭州", "2", "426.50", "2026-03-01 14:30:00", "2026-05-03 00:00:05", "高级客户", "老客;爱喝茶"},
		{"jd", "", "李四", "", "", "", "0", "0.00", "", "", "潜在客户", ""},
	}
	assertRows(t, rows, want)
}

func TestDemoFillsTheDataFolder(t *testing.T) {
	dir := t.TempDir()
	out, errOut, code := run(t, "demo", "--data", dir, "--customers", "50", "--trades", "120", "--seed", "1")
	if code != 0 || !strings.Contains(out, "50 位客户") {
		t.Fatalf("exit %d, out %q, err %q", code, out, errOut)
	}
	out, _, _ = run(t, "customers", "--data", dir)
	if !strings.Contains(out, "共 50 位客户") {
		t.Errorf("customers after demo: %q", out)
	}
}

func TestDataFolderFromTheEnvironment(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("SHOPCRM_DATA", dir)
	if _, _, code := run(t, "demo", "--customers", "3", "--trades", "0"); code != 0 {
		t.Fatal("demo failed")
	}
	if _, err := os.Stat(dir + "/" + sqlite.DBFileName); err != nil {
		t.Errorf("SHOPCRM_DATA was not used: %v", err)
	}
}

func TestFailuresSayOneClearSentence(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown command", []string{"frobnicate"}, 2, "未知命令「frobnicate」"},
		{"unknown format", []string{"customers", "--data", t.TempDir(), "--format", "xml"}, 2, "不支持的格式「xml」"},
		{"bad demo size", []string{"demo", "--data", t.TempDir(), "--customers", "0"}, 1, "填写有误"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errOut, code := run(t, tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.want) {
				t.Errorf("got exit %d %q, want exit %d containing %q", code, errOut, tc.code, tc.want)
			}
			if strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
				t.Errorf("want one sentence, got %q", errOut)
			}
		})
	}
}

// The unknown-command message lists every command there is, so a command added to the
// map is offered without touching the translations.
func TestUnknownCommandListsEveryCommand(t *testing.T) {
	_, errOut, code := run(t, "frobnicate")
	if code != 2 {
		t.Fatalf("exit %d", code)
	}
	names := commandNames()
	if len(names) != len(commands) {
		t.Fatalf("listed %d of %d commands", len(names), len(commands))
	}
	if want := "可用命令：" + strings.Join(names, "、") + "。"; !strings.Contains(errOut, want) {
		t.Errorf("got %q, want it to contain %q", errOut, want)
	}
	commands["zz-later"] = command{}
	defer delete(commands, "zz-later")
	if _, errOut, _ := run(t, "frobnicate"); !strings.Contains(errOut, "、zz-later。") {
		t.Errorf("a later command is not offered: %q", errOut)
	}
}
