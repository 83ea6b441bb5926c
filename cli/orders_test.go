package cli

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"shopcrm/data"
	"shopcrm/data/sqlite"
)

// unlinkedShop makes a data folder with a customer 小米粒 and three orders of a
// platform export without buyers, one of them already linked by hand.
func unlinkedShop(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	a := &data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒", Name: "李米"}
	if err := s.CreateCustomer(ctx, a); err != nil {
		t.Fatal(err)
	}
	tb := data.Customer{Platform: data.PlatformTaobao}
	at := func(day int) time.Time { return time.Date(2026, 5, day, 2, 0, 0, 0, time.UTC) } // 10:00 in China
	rows := []data.ImportRow{
		{Row: 2, Customer: tb, Trade: &data.Trade{OrderNo: "3304375611452180770", TradedAt: at(2), Goods: "西湖龙井, 250g", AmountFen: 12800}},
		{Row: 3, Customer: tb, Trade: &data.Trade{OrderNo: "3304375611452180771", TradedAt: at(3), Goods: "普洱", AmountFen: 26800}},
		{Row: 4, Customer: tb, Trade: &data.Trade{OrderNo: "3304375611452180772", TradedAt: at(4), Goods: "白茶", AmountFen: 9900, Status: data.StatusClosed}},
	}
	i := 0
	if _, err := s.Import(ctx, data.ImportOptions{FileName: "订单报表.xlsx"}, nil, func() (*data.ImportRow, error) {
		if i == len(rows) {
			return nil, io.EOF
		}
		i++
		return &rows[i-1], nil
	}); err != nil {
		t.Fatal(err)
	}
	o, err := s.FindOrderByNumber(ctx, data.PlatformTaobao, "3304375611452180771")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LinkOrder(ctx, o.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestOrdersCSVMatchesTheSpec(t *testing.T) {
	dir := unlinkedShop(t)
	out, errOut, code := run(t, "orders", "--data", dir, "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := "platform,order_no,traded_at,amount,status,goods,nick\n" +
		"taobao,3304375611452180772,2026-05-04 10:00:00,99.00,closed,白茶,\n" +
		"taobao,3304375611452180771,2026-05-03 10:00:00,268.00,paid,普洱,小米粒\n" +
		"taobao,3304375611452180770,2026-05-02 10:00:00,128.00,paid,\"西湖龙井, 250g\",\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	out, _, code = run(t, "orders", "--unlinked", "--data", dir, "--format", "csv")
	if code != 0 || strings.Contains(out, "小米粒") || strings.Count(out, "\n") != 3 {
		t.Errorf("--unlinked: exit %d, got\n%s\nwant the header and the two unlinked orders", code, out)
	}
	text, _, code := run(t, "orders", "--data", dir)
	if code != 0 || !strings.Contains(text, "未关联") || !strings.Contains(text, "共 3 笔订单，其中未关联 2 笔") {
		t.Errorf("text: exit %d, got\n%s", code, text)
	}
}

func TestLinkAttachesAndDetachesAnOrder(t *testing.T) {
	dir := unlinkedShop(t)
	customersRow := func() []string {
		t.Helper()
		rows := runCSV(t, "customers", "--data", dir, "--format", "csv")
		if len(rows) != 2 {
			t.Fatalf("got %d rows, want the header and 小米粒", len(rows))
		}
		return rows[1][6:8] // trades, total
	}
	if got := customersRow(); got[0] != "1" || got[1] != "268.00" {
		t.Fatalf("before: got %v, want 1 trade, 268.00", got)
	}
	// Pasted from a sheet: Excel's apostrophe and a space around the number.
	for i, want := range []string{"已关联到客户 小米粒", "本来就关联在客户 小米粒 名下"} {
		out, errOut, code := run(t, "link", "--data", dir, "--order", " '3304375611452180770", "--nick", "小米粒")
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("link #%d: exit %d, out %q, err %q; want %q", i+1, code, out, errOut, want)
		}
	}
	if got := customersRow(); got[0] != "2" || got[1] != "396.00" {
		t.Errorf("linked: got %v, want 2 trades, 396.00", got)
	}
	rows := runCSV(t, "orders", "--data", dir, "--format", "csv")
	if rows[3][1] != "3304375611452180770" || rows[3][6] != "小米粒" {
		t.Errorf("orders after linking: got %v, want …770 with nick 小米粒", rows[3])
	}
	out, errOut, code := run(t, "link", "--data", dir, "--order", "3304375611452180770", "--platform", "taobao", "--nick", "小米粒", "--unlink")
	if code != 0 || !strings.Contains(out, "已取消关联") {
		t.Errorf("unlink: exit %d, out %q, err %q", code, out, errOut)
	}
	if got := customersRow(); got[0] != "1" || got[1] != "268.00" {
		t.Errorf("unlinked: got %v, want 1 trade, 268.00", got)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--order", "404", "--nick", "小米粒"}, 1, "没有找到这个订单编号的订单"},
		{[]string{"--order", "3304375611452180772", "--nick", "没有这人"}, 1, "没有找到这个网名的客户"},
		{[]string{"--order", "3304375611452180772"}, 2, "用法"},
		{[]string{"--nick", "小米粒"}, 2, "用法"},
		{[]string{"--order", "3304375611452180772", "--nick", "小米粒", "--platform", "ebay"}, 2, "用法"},
	} {
		_, errOut, code := run(t, append([]string{"link", "--data", dir}, tc.args...)...)
		if code != tc.code || !strings.Contains(errOut, tc.want) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("link %v: exit %d, %q; want exit %d and one sentence with %q", tc.args, code, errOut, tc.code, tc.want)
		}
	}
}
