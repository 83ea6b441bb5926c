package sqlite

import (
	"context"
	"maps"
	"testing"

	"shopcrm/data"
)

// holdIndexing keeps the background job (indexes left for later, the search index)
// from running until the returned function is called, which runs it to the end.
func holdIndexing(s *Store) (release func()) {
	s.closing.Store(true)
	return func() {
		s.closing.Store(false)
		s.indexSoon()
		s.background.Wait()
	}
}

func searchCounts(t *testing.T, s *Store, queries ...string) map[string]int {
	t.Helper()
	got := map[string]int{}
	for _, q := range queries {
		_, n, err := s.FindCustomers(context.Background(), data.CustomerFilter{Query: q})
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		got[q] = n
	}
	return got
}

func pendingKeys(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM settings WHERE key = ?`, searchPendingKey).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSearchWhileImportedCustomersAreIndexed(t *testing.T) {
	defer func(old int) { searchChunk = old }(searchChunk)
	searchChunk = 2 // several indexing transactions
	s := openTestStore(t)
	ctx := context.Background()
	if _, err := s.Import(ctx, data.ImportOptions{}, nil, rowsOf(archiveRows()...)); err != nil {
		t.Fatal(err)
	}
	checkSearch(t, s, "first import")

	release := holdIndexing(s)
	newRow := func(n int, nick, name, addr string) data.ImportRow {
		return data.ImportRow{Row: n, Customer: data.Customer{Platform: data.PlatformTaobao, Nick: nick, Name: name, City: "宁波", Address: addr}}
	}
	_, err := s.Import(ctx, data.ImportOptions{}, nil, rowsOf(
		newRow(2, "zhang_san_01", "张三", "新华路 12 号"),
		newRow(3, "li_si_02", "李四", "解放路 3 号"),
		newRow(4, "wang_wu_03", "王五", "中山路 8 号"),
		data.ImportRow{Row: 5, Customer: data.Customer{Platform: data.PlatformTaobao, Nick: "花花", Address: "龙井路 1 号"}}, // indexed earlier
	))
	if err != nil {
		t.Fatal(err)
	}
	if pendingKeys(t, s) != 1 {
		t.Fatal("the import's new customers are not marked for indexing")
	}
	queries := []string{"zhang_san", "李四", "中山路", "龙井路", "杭州", "宁波", "人民路", "赵六", "孙七", "xyz"}
	want := map[string]int{"zhang_san": 1, "李四": 1, "中山路": 1, "龙井路": 1, "杭州": 2, "宁波": 3}
	base := searchCounts(t, s, queries...)
	for _, q := range queries {
		if base[q] != want[q] {
			t.Errorf("before indexing, search %q: got %d, want %d", q, base[q], want[q])
		}
	}

	// The seller edits, deletes and adds customers before the index has them.
	zhang, err := s.FindCustomerByNick(ctx, data.PlatformTaobao, "zhang_san_01")
	if err != nil {
		t.Fatal(err)
	}
	zhang.Address = "人民路 5 号"
	if err := s.UpdateCustomer(ctx, zhang); err != nil {
		t.Fatal(err)
	}
	li, err := s.FindCustomerByNick(ctx, data.PlatformTaobao, "li_si_02")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteCustomer(ctx, li.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformOther, Name: "赵六", City: "宁波"}); err != nil {
		t.Fatal(err)
	}
	// One added by hand has a search row but no index entry: deleting it must not
	// take out of the index what was never put in.
	sun := &data.Customer{Platform: data.PlatformOther, Name: "孙七", City: "宁波"}
	if err := s.CreateCustomer(ctx, sun); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteCustomer(ctx, sun.ID); err != nil {
		t.Fatal(err)
	}
	// A further import changes a customer still waiting for the index.
	if _, err := s.Import(ctx, data.ImportOptions{}, nil, rowsOf(newRow(2, "wang_wu_03", "王五", "中山路 9 号"))); err != nil {
		t.Fatal(err)
	}
	edited := map[string]int{"zhang_san": 1, "中山路": 1, "龙井路": 1, "杭州": 2, "宁波": 3, "人民路": 1, "赵六": 1}
	if got := searchCounts(t, s, queries...); !maps.Equal(got, withZeros(edited, queries)) {
		t.Errorf("after edits, before indexing: got %v, want %v", got, edited)
	}

	release()
	if pendingKeys(t, s) != 0 {
		t.Error("search.pending is still set after the indexing finished")
	}
	checkSearch(t, s, "after indexing")
	if got := searchCounts(t, s, queries...); !maps.Equal(got, withZeros(edited, queries)) {
		t.Errorf("after indexing: got %v, want %v", got, edited)
	}
}

// withZeros is want with a 0 for every query it does not name.
func withZeros(want map[string]int, queries []string) map[string]int {
	out := map[string]int{}
	for _, q := range queries {
		out[q] = want[q]
	}
	return out
}

func TestIndexingResumesWhenTheStoreOpensAgain(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	holdIndexing(s) // Close comes before the job runs
	if _, err := s.Import(context.Background(), data.ImportOptions{}, nil, rowsOf(archiveRows()...)); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.background.Wait()
	if pendingKeys(t, s) != 0 {
		t.Error("Open did not finish the indexing a closed store left")
	}
	checkSearch(t, s, "after reopening")
	if got := searchCounts(t, s, "13900139000", "小米"); got["13900139000"] != 1 || got["小米"] != 1 {
		t.Errorf("search after reopening: %v", got)
	}
}
