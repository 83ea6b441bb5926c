package sqlite

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"shopcrm/data"
)

// dumpArchive is every row of the tables a merge touches, as text, in a fixed order.
func dumpArchive(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	for _, table := range []string{"customers", "trades", "contacts", "follow_ups", "customer_tags", "customer_aliases", "customer_search"} {
		rows, err := s.db.Query(`SELECT * FROM "` + table + `" ORDER BY 1, 2`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out = append(out, table+fmt.Sprint(vals))
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// twoBuyers makes two customers who are one person: each with trades, a contact, a
// reminder and tags; the second has a birthday and another phone.
func twoBuyers(t *testing.T, s *Store) (kept, gone *data.Customer) {
	t.Helper()
	ctx := context.Background()
	kept = &data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒", Phone: "13800138000", City: "杭州", Tags: []string{"老客"}}
	gone = &data.Customer{Platform: data.PlatformOther, Name: "米粒", Phone: "13900139000", Birthday: "1990-05-01",
		Province: "浙江", Tags: []string{"老客", "微信"}, Extra: map[string]string{"会员卡": "A01"}}
	for i, c := range []*data.Customer{kept, gone} {
		if err := s.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
		for d := 1; d <= 2+i; d++ {
			tr := &data.Trade{CustomerID: c.ID, TradedAt: at(d, 10+i), Goods: "茶", Quantity: 1, AmountFen: int64(1000 * (d + i))}
			if err := s.CreateTrade(ctx, tr); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.AddContact(ctx, &data.Contact{CustomerID: c.ID, At: at(9, 9), Channel: data.ChannelWeChat, Summary: "问候"}); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateFollowUp(ctx, &data.FollowUp{CustomerID: c.ID, Due: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), Note: "回访"}); err != nil {
			t.Fatal(err)
		}
	}
	return kept, gone
}

// TestMergeThenUndoRestoresBothCustomers: a merge moves the gone customer's trades,
// contacts, reminders and tags to the kept one and fills the kept one's gaps; undoing
// it puts every row of both back exactly as it was.
func TestMergeThenUndoRestoresBothCustomers(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	kept, gone := twoBuyers(t, s)
	before := dumpArchive(t, s)
	backups, _ := s.Backups()

	m, err := s.MergeCustomers(ctx, kept.ID, gone.ID)
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := s.Backups(); len(after) != len(backups)+1 || after[0].Kind != data.BackupMerge {
		t.Errorf("got %d backups (newest %+v), want a merge backup first", len(after), after[0])
	}
	if _, err := s.FindCustomerByID(ctx, gone.ID); err == nil {
		t.Error("the merged customer is still there")
	}
	c, err := s.FindCustomerByID(ctx, kept.ID)
	if err != nil {
		t.Fatal(err)
	}
	// 1000+2000 of the kept, 2000+3000+4000 of the gone.
	if c.Stats.TradeCount != 5 || c.Stats.TotalFen != 12000 {
		t.Errorf("stats %+v, want 5 trades, 120.00", c.Stats)
	}
	if c.Phone != "13800138000" || c.Extra[data.ExtraOtherPhones] != "13900139000" || c.Birthday != "1990-05-01" ||
		c.Name != "米粒" || c.Province != "浙江" || c.City != "杭州" || c.Extra["会员卡"] != "A01" ||
		!slices.Equal(c.Tags, []string{"微信", "老客"}) && !slices.Equal(c.Tags, []string{"老客", "微信"}) {
		t.Errorf("merged customer %+v: want the kept phone, the other phone kept, gaps filled, tags joined", c)
	}
	contacts, _ := s.FindContacts(ctx, kept.ID)
	if len(contacts) != 2 {
		t.Errorf("got %d contacts, want both", len(contacts))
	}
	merges, err := s.FindMerges(ctx, kept.ID)
	if err != nil || len(merges) != 1 || merges[0].ID != m.ID || merges[0].GoneName != "米粒" {
		t.Fatalf("merges %+v, %v: want the one merge", merges, err)
	}

	if err := s.UndoMerge(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if after := dumpArchive(t, s); !slices.Equal(after, before) {
		t.Errorf("after undo the archive differs:\n got %v\nwant %v", after, before)
	}
	if merges, _ := s.FindMerges(ctx, kept.ID); len(merges) != 0 {
		t.Errorf("an undone merge is still listed: %+v", merges)
	}
	if err := s.UndoMerge(ctx, m.ID); err != nil {
		t.Errorf("undoing twice: %v, want nothing to do", err)
	}
	if _, err := s.MergeCustomers(ctx, kept.ID, kept.ID); err == nil {
		t.Error("a customer was merged into themselves")
	}
}

// TestAnImportAfterAMergeFindsTheKeptCustomer: the merged customer's nick leads a
// later import to the customer they were merged into, not to a new duplicate.
func TestAnImportAfterAMergeFindsTheKeptCustomer(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	rows := []data.ImportRow{
		idRow(2, data.Customer{Nick: "mili", Phone: "13800000001"}, "N1", 1),
		idRow(3, data.Customer{Nick: "mili_2", Phone: "13800000002"}, "N2", 2)}
	if _, err := s.Import(ctx, data.ImportOptions{FileName: "a"}, nil, rowsOf(rows...)); err != nil {
		t.Fatal(err)
	}
	cs := customersNow(t, s)
	if _, err := s.MergeCustomers(ctx, cs[0].ID, cs[1].ID); err != nil {
		t.Fatal(err)
	}
	later := []data.ImportRow{idRow(4, data.Customer{Nick: "mili_2"}, "N3", 3)}
	res, err := s.Import(ctx, data.ImportOptions{FileName: "b"}, nil, rowsOf(later...))
	if err != nil {
		t.Fatal(err)
	}
	if cs := customersNow(t, s); len(cs) != 1 || res.CustomersCreated != 0 || cs[0].Stats.TradeCount != 3 {
		t.Errorf("got %d customers (%+v), want the one kept with 3 trades", len(cs), res)
	}
}
