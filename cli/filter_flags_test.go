package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"shopcrm/data"
	"shopcrm/data/sqlite"
)

// briefFlags are the filter flags issue 19 names; customers and export both take them.
var briefFlags = []string{"goods", "min-trades", "max-trades", "min-total", "max-total", "min-avg", "max-avg",
	"first-after", "first-before", "last-after", "last-before", "min-days", "max-days", "platform", "province",
	"city", "source", "gender", "birthday-month", "tier", "segment", "tag", "dormant", "opted-out", "blacklisted",
	"has-phone", "has-wechat"}

func TestCustomersAndExportListEveryFilterFlagInTheirHelp(t *testing.T) {
	for _, cmd := range []string{"customers", "export"} {
		out, _, code := run(t, cmd, "--help")
		if code != exitOK {
			t.Fatalf("%s --help: exit %d", cmd, code)
		}
		for _, name := range briefFlags {
			if !strings.Contains(out, "--"+name+" ") && !strings.Contains(out, "--"+name+"\n") {
				t.Errorf("%s --help does not list --%s", cmd, name)
			}
		}
	}
}

// plainBuyers walks every trade of the archive and keeps, per buyer nick, what the
// counting rule makes of them: counting trades, total, and whether a counting trade's
// goods contain word; with the buyer's province.
type plainCLIBuyer struct {
	trades, total int64
	bought        bool
	province      string
}

func plainBuyers(t *testing.T, dir, word string) map[string]*plainCLIBuyer {
	t.Helper()
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	out := map[string]*plainCLIBuyer{}
	err = s.EachCustomer(context.Background(), data.CustomerFilter{}, func(c *data.Customer) error {
		out[c.Nick] = &plainCLIBuyer{province: c.Province} // buyers without trades too
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.EachTrade(context.Background(), data.CustomerFilter{}, func(tr *data.Trade, c *data.Customer) error {
		if c == nil || c.ID == 0 {
			return nil
		}
		b := out[c.Nick]
		switch net := tr.AmountFen - tr.RefundFen; {
		case tr.Status == data.StatusPaid && net > 0:
			b.trades++
			b.total += net
			b.bought = b.bought || strings.Contains(tr.Goods, word)
		case tr.Status == data.StatusPaid && tr.AmountFen < 0:
			b.total += tr.AmountFen
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// shopcrm customers and export with filter flags keep exactly the buyers a plain walk
// over the trades keeps.
func TestCustomersAndExportFilterFlagsMatchAPlainWalk(t *testing.T) {
	dir := t.TempDir()
	if _, errOut, code := run(t, "demo", "--data", dir, "--customers", "600", "--trades", "3000", "--seed", "19"); code != 0 {
		t.Fatal(errOut)
	}
	shop := plainBuyers(t, dir, "红茶")
	for _, tc := range []struct {
		flags []string
		keep  func(b *plainCLIBuyer) bool
	}{
		{[]string{"--goods", "红茶"}, func(b *plainCLIBuyer) bool { return b.bought }},
		{[]string{"--goods", "红茶", "--min-trades", "2", "--min-total", "200"},
			func(b *plainCLIBuyer) bool { return b.bought && b.trades >= 2 && b.total >= 20000 }},
		{[]string{"--max-trades", "1", "--max-total", "99.5", "--province", "浙江"},
			func(b *plainCLIBuyer) bool {
				return b.trades <= 1 && b.total <= 9950 && strings.HasPrefix(b.province, "浙江")
			}},
	} {
		var want []string
		for nick, b := range shop {
			if tc.keep(b) {
				want = append(want, nick)
			}
		}
		sort.Strings(want)
		if len(want) == 0 {
			t.Fatalf("%v: the plain walk keeps no buyer; the case tests nothing", tc.flags)
		}
		rows := runCSV(t, append([]string{"customers", "--data", dir, "--format", "csv"}, tc.flags...)...)
		var got []string
		for _, r := range rows[1:] {
			got = append(got, r[1])
		}
		sort.Strings(got)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("customers %v: got %d buyers, want %d", tc.flags, len(got), len(want))
		}
		path := filepath.Join(t.TempDir(), "out.xlsx")
		out, errOut, code := run(t, append([]string{"export", path, "--data", dir}, tc.flags...)...)
		if code != 0 || !strings.Contains(out, fmt.Sprintf("已导出 %d 位客户", len(want))) {
			t.Errorf("export %v: exit %d, %q %q; want %d customers", tc.flags, code, out, errOut, len(want))
		}
	}
}

// A wrong value is a wrong call with one sentence; bounds the wrong way round too.
func TestFilterFlagsRejectWrongValues(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"--min-total", "abc"}, {"--last-before", "2026-13-01"}, {"--gender", "x"}, {"--birthday-month", "13"},
		{"--platform", "ebay"}, {"--segment", "nope"}, {"--min-trades", "5", "--max-trades", "2"}, {"--tier", "不存在"},
	} {
		out, errOut, code := run(t, append([]string{"customers", "--data", dir}, args...)...)
		if code == exitOK || out != "" || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || strings.Contains(errOut, "cli.") {
			t.Errorf("%v: exit %d, out %q, err %q", args, code, out, errOut)
		}
	}
}

// shopcrm blacklist lists a buyer with the reason, customers shows it and filters on
// it, --remove takes them off.
func TestBlacklistCommand(t *testing.T) {
	dir := t.TempDir()
	if _, errOut, code := run(t, "demo", "--data", dir, "--customers", "30", "--trades", "60", "--seed", "3"); code != 0 {
		t.Fatal(errOut)
	}
	nick := runCSV(t, "customers", "--data", dir, "--format", "csv")[1][1]
	out, errOut, code := run(t, "blacklist", "--data", dir, "--nick", nick, "--reason", "恶意差评")
	if code != 0 || !strings.Contains(out, nick) || !strings.Contains(out, "恶意差评") {
		t.Fatalf("blacklist: exit %d, %q %q", code, out, errOut)
	}
	if rows := runCSV(t, "customers", "--data", dir, "--format", "csv", "--blacklisted"); len(rows) != 2 || rows[1][1] != nick {
		t.Errorf("--blacklisted: %v", rows)
	}
	if rows := runCSV(t, "customers", "--data", dir, "--format", "csv", "--blacklisted=false"); len(rows) != 30 {
		t.Errorf("--blacklisted=false: %d rows, want 29 and the header", len(rows))
	}
	if text, _, _ := run(t, "customers", "--data", dir, "--blacklisted"); !strings.Contains(text, "黑名单") || !strings.Contains(text, "恶意差评") {
		t.Errorf("the text list does not show the blacklisting:\n%s", text)
	}
	for _, bad := range [][]string{{"--nick", nick}, {"--nick", nick, "--reason", "x", "--remove"}, {"--reason", "x"}} {
		if _, _, code := run(t, append([]string{"blacklist", "--data", dir}, bad...)...); code != exitWrongCall {
			t.Errorf("blacklist %v: exit %d, want %d", bad, code, exitWrongCall)
		}
	}
	if out, _, code := run(t, "blacklist", "--data", dir, "--nick", nick, "--remove"); code != 0 || !strings.Contains(out, "移出") {
		t.Errorf("--remove: exit %d, %q", code, out)
	}
	if rows := runCSV(t, "customers", "--data", dir, "--format", "csv", "--blacklisted"); len(rows) != 1 {
		t.Errorf("after --remove: %v", rows)
	}
}
