package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	"shopcrm/data"
	"shopcrm/data/sqlite"
)

func TestGroupsCSVMatchesTheSpec(t *testing.T) {
	dir := t.TempDir()
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	buyer := &data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒"}
	if err := s.CreateCustomer(ctx, buyer); err != nil {
		t.Fatal(err)
	}
	for _, tr := range []data.Trade{
		{AmountFen: 26800, TradedAt: time.Date(2026, 1, 1, 4, 0, 0, 0, time.UTC)},
		{AmountFen: 25000, TradedAt: time.Date(2026, 3, 1, 6, 30, 0, 0, time.UTC)},
		{AmountFen: 99900, Status: data.StatusUnpaid, TradedAt: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)},
	} {
		tr.CustomerID = buyer.ID
		if err := s.CreateTrade(ctx, &tr); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformJD, Name: "李四"}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	rows := runCSV(t, "groups", "--data", dir, "--as-of", "2026-09-08", "--format", "csv")
	// One buyer: averages are their own values, so R, F and M are all high; fewer than
	// five buyers use the fixed cut points (191 days → R2, 2 trades → F2, ¥518 → M3);
	// 191 days without an order is dormant.
	want := [][]string{
		{"platform", "nick", "trades", "total", "last_trade", "recency_days", "tier", "r", "f", "m", "rfm_segment", "dormant"},
		{"taobao", "小米粒", "2", "518.00", "2026-03-01 14:30:00", "191", "高级客户", "2", "2", "3", "重要价值", "1"},
		{"jd", "", "0", "0.00", "", "", "潜在客户", "", "", "", "", "0"},
	}
	assertRows(t, rows, want)

	// As of a day before the second trade only the first counts.
	out, _, _ := run(t, "groups", "--data", dir, "--as-of", "2026-02-01", "--format", "csv")
	if !strings.Contains(out, "taobao,小米粒,1,268.00,2026-01-01 12:00:00,31,普通客户") {
		t.Errorf("as of 2026-02-01:\n%s", out)
	}
	out, _, code := run(t, "groups", "--data", dir, "--as-of", "2026-09-08")
	if code != 0 || !strings.Contains(out, "重要价值") || !strings.Contains(out, "沉睡客户") {
		t.Errorf("text summary: exit %d\n%s", code, out)
	}
	_, errOut, code := run(t, "groups", "--data", dir, "--as-of", "9/8/2026")
	if code != 2 || !strings.Contains(errOut, "日期格式不对") {
		t.Errorf("bad date: exit %d %q", code, errOut)
	}
}

// --group names a saved group, a tier, a segment, the dormant buyers or a tag in use;
// any other name is refused instead of exporting nobody.
func TestExportGroupAcceptsSegmentsAndDormant(t *testing.T) {
	dir := t.TempDir()
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if err := s.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformTaobao, Nick: "阿花", Tags: []string{"双11名单"}}); err != nil {
		t.Fatal(err)
	}
	tea := data.CustomerFilter{Goods: "红茶", TotalFen: data.Range{}.AtLeast(30000)}
	if err := s.SaveGroup(ctx, &data.SavedGroup{Name: "红茶老客", Filter: tea}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		group string
		want  data.CustomerFilter
	}{
		{"VIP客户", data.CustomerFilter{Tier: "tier.vip"}},
		{"重要价值", data.CustomerFilter{Segment: "HHH"}},
		{"LLH", data.CustomerFilter{Segment: "LLH"}},
		{"沉睡客户", data.CustomerFilter{Dormant: true}},
		{"双11名单", data.CustomerFilter{Tag: "双11名单"}},
		{"红茶老客", tea},
		{" 红茶老客 ", tea},
	} {
		got, err := groupFilter(ctx, s, tc.group)
		if err != nil || got != tc.want {
			t.Errorf("%s: got %+v, %v; want %+v", tc.group, got, err, tc.want)
		}
	}
	if _, err := groupFilter(ctx, s, "没有这个"); err == nil {
		t.Error("an unknown group name was taken for a tag")
	}
}
