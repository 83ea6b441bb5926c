package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/xuri/excelize/v2"

	"shopcrm/data"
	"shopcrm/data/sqlite"
	"shopcrm/i18n"
	"shopcrm/importer/export"
)

// messagesShop is a demo shop where some buyers are blacklisted, opted out, had a
// care message this week, or have no full phone.
func messagesShop(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if _, errOut, code := run(t, "demo", "--data", dir, "--customers", "300", "--trades", "1200"); code != exitOK {
		t.Fatalf("demo: %s", errOut)
	}
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	var cs []*data.Customer
	if err := s.EachCustomer(ctx, data.CustomerFilter{}, func(c *data.Customer) error { cs = append(cs, c); return nil }); err != nil {
		t.Fatal(err)
	}
	for i, c := range cs {
		switch {
		case i%9 == 0:
			err = s.Blacklist(ctx, c.ID, "恶意差评")
		case i%10 == 0:
			c.MarketingOptOut = true
			err = s.UpdateCustomer(ctx, c)
		case i%8 == 0:
			err = s.AddContact(ctx, &data.Contact{CustomerID: c.ID, Channel: data.ChannelWeChat, Care: string(data.KindBirthday)})
		case i%7 == 0:
			c.Phone = ""
			err = s.UpdateCustomer(ctx, c)
		case i%13 == 0:
			c.Phone = "138****1234"
			err = s.UpdateCustomer(ctx, c)
		case i%11 == 0:
			c.Phone = "13900001111" // one family's phone
			err = s.UpdateCustomer(ctx, c)
		case i%17 == 0:
			c.Phone = "0571-88886666" // a landline
			err = s.UpdateCustomer(ctx, c)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// plainSheet works out a message sheet through the store's plain reads (customers,
// their contacts and trades): the rows of the buyers keep says yes to, most valuable
// first, with body filled by hand, and those left out by reason.
func plainSheet(t *testing.T, dir string, keep func(*data.Customer) bool, body string) ([][]string, data.LeftOut) {
	t.Helper()
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	var left data.LeftOut
	var in []*data.Customer
	today := s.Now().In(time.Local)
	weekStart := time.Date(today.Year(), today.Month(), today.Day()-6, 0, 0, 0, 0, time.Local) // the cap: 1 a week
	err = s.EachCustomer(ctx, data.CustomerFilter{}, func(c *data.Customer) error {
		if !keep(c) {
			return nil
		}
		contacts, err := s.FindContacts(ctx, c.ID)
		care := 0
		for _, k := range contacts {
			if k.Care != "" && !k.At.Before(weekStart) {
				care++
			}
		}
		switch {
		case c.Blacklisted:
			left.Blacklisted++
		case c.MarketingOptOut:
			left.OptedOut++
		case care > 0:
			left.Capped++
		case c.Phone == "" || strings.Contains(c.Phone, "*") || strings.HasPrefix(c.Phone, "0"): // none, masked, a landline
			left.NoPhone++
		default:
			in = append(in, c)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(in, func(i, j int) bool {
		a, b := in[i].Stats, in[j].Stats
		if a.TotalFen != b.TotalFen {
			return a.TotalFen > b.TotalFen
		}
		if a.TradeCount != b.TradeCount {
			return a.TradeCount > b.TradeCount
		}
		return in[i].ID < in[j].ID
	})
	rows := [][]string{{"手机号", "姓名", "内容"}}
	phones := map[string]bool{}
	for _, c := range in {
		if phones[c.Phone] {
			left.SamePhone++ // one text per number: the more valuable buyer has it
			continue
		}
		phones[c.Phone] = true
		trades, err := s.FindTrades(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		goods, last := "宝贝", data.Trade{}
		for _, tr := range trades {
			if tr.Status == data.StatusPaid && tr.NetFen() > 0 && tr.TradedAt.After(last.TradedAt) {
				last, goods = *tr, tr.Goods
			}
		}
		name := c.Name
		if name == "" {
			name = c.Nick
		}
		f := data.MessageFields{Nick: c.Nick, Name: c.Name, Goods: goods, Holiday: "春节"}
		if !last.TradedAt.IsZero() {
			f.LastPurchase = data.Date(last.TradedAt).Format(data.DateLayout)
		}
		rows = append(rows, []string{c.Phone, name, data.FillTemplate(body, f)})
	}
	return rows, left
}

func readSheet(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(export.MessagesSheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// shopcrm messages writes one row per buyer of the group (or greeting) with a full
// phone and their filled message, and prints how many it wrote and whom it left out
// and why, as a plain walk over the shop works them out.
func TestMessagesCommandWritesTheSheet(t *testing.T) {
	dir := messagesShop(t)
	for _, tc := range []struct {
		name string
		args []string
		keep func(*data.Customer) bool
		body string
	}{
		{"a group with its own text", []string{"--min-trades", "2", "--text", "{姓名}您好，{商品}上新了（上次 {上次购买}）"},
			func(c *data.Customer) bool { return c.Stats.TradeCount >= 2 }, "{姓名}您好，{商品}上新了（上次 {上次购买}）"},
		{"a holiday greeting with its template", []string{"--holiday", "春节"},
			func(*data.Customer) bool { return true }, lang.L("template.holiday")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, left := plainSheet(t, dir, tc.keep, tc.body)
			if left.Blacklisted == 0 || left.OptedOut == 0 || left.Capped == 0 || left.NoPhone == 0 || left.SamePhone == 0 {
				t.Fatalf("the shop does not try every reason: %+v", left)
			}
			path := filepath.Join(t.TempDir(), "短信.xlsx")
			out, errOut, code := run(t, append([]string{"messages", "--data", dir, "--out", path}, tc.args...)...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			got := readSheet(t, path)
			assertRows(t, got, want)
			for _, line := range []string{fmt.Sprintf("已写出 %d 位买家的短信", len(want)-1), i18n.LeftOutText(left)} {
				if !strings.Contains(out, line) {
					t.Errorf("output %q does not say %q", out, line)
				}
			}
		})
	}
}

func TestMessagesCommandRejectsWrongCalls(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"messages", "--data", dir},                                      // no --out
		{"messages", "--data", dir, "--out", "x.xlsx", "--holiday", "x"}, // unknown holiday
		{"messages", "--data", dir, "--out", "x.xlsx", "--template", "x"},
		{"messages", "--data", dir, "--out", "x.xlsx", "--holiday", "春节", "--tag", "老客"},
	} {
		if _, errOut, code := run(t, args...); code != exitWrongCall || strings.TrimSpace(errOut) == "" {
			t.Errorf("%v: exit %d, %q; want a wrong call with a sentence", args, code, errOut)
		}
	}
}
