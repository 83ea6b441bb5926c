package sqlite

import (
	"context"
	"slices"
	"sort"
	"strings"
	"testing"

	"shopcrm/data"
)

// idRow is one sheet row for the identity tests: a customer and, with an order
// number or goods, a trade on day d.
func idRow(n int, c data.Customer, order string, d int) data.ImportRow {
	if c.Platform == "" {
		c.Platform = data.PlatformTaobao
	}
	return data.ImportRow{Row: n, Customer: c, Source: &data.RowSource{Columns: map[string]string{"name": "姓名", "phone": "手机"}},
		Trade: &data.Trade{OrderNo: order, TradedAt: at(d, 10), Goods: "茶", AmountFen: int64(1000 * n), Quantity: 1}}
}

// customersNow lists every customer, by id.
func customersNow(t *testing.T, s *Store) []*data.Customer {
	t.Helper()
	cs, _, err := s.FindCustomers(context.Background(), data.CustomerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].ID < cs[j].ID })
	return cs
}

// TestIdentityRules: each rule of "who is who" as a class, each case with the
// customers a person would count by hand; importing the same rows again changes
// nothing.
func TestIdentityRules(t *testing.T) {
	tb := data.PlatformTaobao
	tests := []struct {
		name      string
		rows      []data.ImportRow
		customers int
		unlinked  int   // orders kept without a buyer (their rows name none but by masked values)
		dups      []int // rows listed as possible duplicates
		others    []int // rows reported for a second phone
		check     func(t *testing.T, cs []*data.Customer)
	}{
		{name: "four buyers masked alike are four unlinked orders, never one customer",
			rows: []data.ImportRow{
				idRow(2, data.Customer{Nick: "蔡**"}, "A1", 1), idRow(3, data.Customer{Nick: "蔡**"}, "A2", 2),
				idRow(4, data.Customer{Nick: "蔡**"}, "A3", 3), idRow(5, data.Customer{Nick: "蔡**"}, "A4", 4)},
			unlinked: 4},
		{name: "a masked nick t**1 with a masked phone is never a key",
			rows: []data.ImportRow{
				idRow(2, data.Customer{Nick: "t**1", Phone: "138****5678"}, "B1", 1),
				idRow(3, data.Customer{Nick: "t**1", Phone: "138****5678"}, "B2", 2)},
			unlinked: 2},
		{name: "a Douyin masked phone 1********35 and name 生*** are never keys",
			rows: []data.ImportRow{
				idRow(2, data.Customer{Name: "生***", Phone: "1********35"}, "C1", 1),
				idRow(3, data.Customer{Name: "生***", Phone: "1********35"}, "C2", 2)},
			unlinked: 2},
		{name: "a masked address does not make two orders one buyer",
			rows: []data.ImportRow{
				idRow(2, data.Customer{Phone: "1387677****", Address: "广东省 湛江市 赤坎区 街道****"}, "D1", 1),
				idRow(3, data.Customer{Phone: "1387677****", Address: "广东省 湛江市 赤坎区 街道****"}, "D2", 2)},
			unlinked: 2},
		{name: "a phone-only buyer has no masked phone for a name",
			rows:      []data.ImportRow{idRow(2, data.Customer{Phone: "13812345678"}, "", 1)},
			customers: 1,
			check: func(t *testing.T, cs []*data.Customer) {
				if cs[0].Name != "" || cs[0].DisplayName() != "138****5678" {
					t.Errorf("name %q, shown as %q: want no name, shown as 138****5678", cs[0].Name, cs[0].DisplayName())
				}
			}},
		{name: "two 张伟 at different addresses are two customers, the second listed",
			rows: []data.ImportRow{
				idRow(2, data.Customer{Name: "张伟", Address: "杭州市西湖区文三路1号"}, "", 1),
				idRow(3, data.Customer{Name: "张伟", Address: "成都市武侯区人民南路9号"}, "", 2)},
			customers: 2, dups: []int{3}},
		{name: "two 张伟 with masked phones that cannot be one are two customers",
			rows: []data.ImportRow{
				idRow(2, data.Customer{Name: "张伟", Phone: "138****5678"}, "E1", 1),
				idRow(3, data.Customer{Name: "张伟", Phone: "139****0000"}, "E2", 2)},
			customers: 2, dups: []int{3}},
		{name: "a name only one customer carries, with nothing against it, joins them",
			rows: []data.ImportRow{
				idRow(2, data.Customer{Nick: "leilei", Name: "李雷", Phone: "13900001111", City: "杭州"}, "F1", 1),
				idRow(3, data.Customer{Name: "李雷", Phone: "139****1111", City: "杭州"}, "F2", 2)},
			customers: 1},
		{name: "a name two customers carry makes a third, listed",
			rows: []data.ImportRow{
				idRow(2, data.Customer{Name: "王芳", City: "杭州"}, "G1", 1),
				idRow(3, data.Customer{Name: "王芳", City: "成都"}, "G2", 2),
				idRow(4, data.Customer{Name: "王芳"}, "G3", 3)},
			customers: 3, dups: []int{3, 4}},
		{name: "two buyers sharing the WeChat nickname 晴天 with their own phones",
			rows: []data.ImportRow{
				idRow(2, data.Customer{Platform: data.PlatformOther, Name: "晴天", Phone: "13700000001"}, "H1", 1),
				idRow(3, data.Customer{Platform: data.PlatformOther, Name: "晴天", Phone: "13700000002"}, "H2", 2)},
			customers: 2},
		{name: "the same nick with another phone keeps both phones and says so",
			rows: []data.ImportRow{
				idRow(2, data.Customer{Nick: "小米", Phone: "13800000001"}, "I1", 1),
				idRow(3, data.Customer{Nick: "小米", Phone: "13800000002"}, "I2", 2),
				idRow(4, data.Customer{Nick: "小米", Phone: "13800000002"}, "I3", 3)},
			customers: 1, others: []int{3},
			check: func(t *testing.T, cs []*data.Customer) {
				if cs[0].Phone != "13800000001" || cs[0].Extra[data.ExtraOtherPhones] != "13800000002" {
					t.Errorf("phone %q, other phones %q: want 13800000001 and 13800000002", cs[0].Phone, cs[0].Extra[data.ExtraOtherPhones])
				}
			}},
		{name: "a customer sheet without a platform and the shop's order sheet merge",
			rows: []data.ImportRow{
				{Row: 2, Customer: data.Customer{Platform: data.PlatformOther, Nick: "阿花", Name: "花花", Birthday: "1990-05-01"}},
				idRow(3, data.Customer{Platform: tb, Nick: "阿花"}, "J1", 1)},
			customers: 1,
			check: func(t *testing.T, cs []*data.Customer) {
				if cs[0].Platform != tb || cs[0].Name != "花花" || cs[0].Stats.TradeCount != 1 {
					t.Errorf("got %s %q with %d trades, want taobao 花花 with 1", cs[0].Platform, cs[0].Name, cs[0].Stats.TradeCount)
				}
			}},
		{name: "an order sheet first, then the customer sheet without a platform",
			rows: []data.ImportRow{
				idRow(2, data.Customer{Platform: tb, Nick: "阿花"}, "K1", 1),
				{Row: 3, Customer: data.Customer{Platform: data.PlatformOther, Nick: "阿花", Name: "花花"}}},
			customers: 1},
		{name: "an email names one buyer",
			rows: []data.ImportRow{
				idRow(2, data.Customer{Name: "Ann Lee", Email: "ann@example.com"}, "L1", 1),
				idRow(3, data.Customer{Name: "A. Lee", Email: "ann@example.com"}, "L2", 2)},
			customers: 1},
		{name: "a WeChat id names one buyer",
			rows: []data.ImportRow{
				idRow(2, data.Customer{Name: "晴天", WeChat: "qingtian_88"}, "M1", 1),
				idRow(3, data.Customer{Name: "小晴", WeChat: "qingtian_88"}, "M2", 2)},
			customers: 1},
	}
	for _, tt := range tests {
		for _, split := range []bool{false, true} {
			name := tt.name
			if split {
				name += " (one row per import)"
			}
			t.Run(name, func(t *testing.T) {
				s := openTestStore(t)
				ctx := context.Background()
				var dups, others []int
				imp := func(rows []data.ImportRow) *data.ImportResult {
					res, err := s.Import(ctx, data.ImportOptions{FileName: "f"}, nil, rowsOf(rows...))
					if err != nil {
						t.Fatal(err)
					}
					return res
				}
				batches := [][]data.ImportRow{tt.rows}
				if split {
					batches = nil
					for _, r := range tt.rows {
						batches = append(batches, []data.ImportRow{r})
					}
				}
				for _, b := range batches {
					res := imp(b)
					for _, is := range res.Issues {
						switch is.Reason {
						case data.IssuePossibleDuplicate:
							dups = append(dups, is.Row)
						case data.IssueOtherPhone:
							others = append(others, is.Row)
						}
					}
					if got, want := len(res.Duplicates), countReason(res.Issues, data.IssuePossibleDuplicate); got != want {
						t.Errorf("%d possible duplicates listed, %d reported", got, want)
					}
				}
				cs := customersNow(t, s)
				if len(cs) != tt.customers {
					t.Fatalf("got %d customers, want %d", len(cs), tt.customers)
				}
				var unlinked int
				if err := s.db.QueryRow(`SELECT count(*) FROM trades WHERE customer_id IS NULL`).Scan(&unlinked); err != nil || unlinked != tt.unlinked {
					t.Errorf("got %d unlinked orders (%v), want %d", unlinked, err, tt.unlinked)
				}
				if !slices.Equal(dups, tt.dups) || !slices.Equal(others, tt.others) {
					t.Errorf("possible duplicates on rows %v, second phones on rows %v; want %v and %v", dups, others, tt.dups, tt.others)
				}
				for _, c := range cs {
					if strings.ContainsAny(c.Nick+c.Name, "*＊") {
						t.Errorf("customer %d is named %q / %q: a masked value", c.ID, c.Nick, c.Name)
					}
				}
				if tt.check != nil {
					tt.check(t, cs)
				}
				if split {
					return // rows that disagree, each a file of its own: the later file's values win
				}
				res := imp(tt.rows)
				if after := customersNow(t, s); len(after) != tt.customers || res.CustomersCreated+res.CustomersUpdated+res.TradesCreated+res.TradesUpdated != 0 {
					t.Errorf("again: %d customers, %+v; want %d and nothing changed", len(after), res, tt.customers)
				}
			})
		}
	}
}

func countReason(issues []data.RowIssue, reason string) int {
	n := 0
	for _, is := range issues {
		if is.Reason == reason {
			n++
		}
	}
	return n
}
