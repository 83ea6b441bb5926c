package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"shopcrm/data"
)

// The archive takes the currency of its first import with money (a header suffix or
// a Currency column); a file in another currency is flagged before import and refused,
// never added; a row in another currency than the rest is a row problem.
func TestArchiveCurrencyIsSetOnceAndOtherCurrenciesAreNeverAdded(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	c := platformCases["shopee"]
	shopee := platformFile(t, c.header, c.rows)
	importFile(t, s, shopee, Options{})
	if v, _ := s.Setting(ctx, data.SettingCurrency, ""); v != "PHP" {
		t.Fatalf("archive currency %q after a Shopee PH import, want PHP", v)
	}

	pdd := platformCases["1688"]
	path := platformFile(t, pdd.header, pdd.rows)
	p, err := PreviewFile(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	file, archive, conflict, err := CurrencyCheck(ctx, s, p.Mapping)
	if err != nil || !conflict || file != "CNY" || archive != "PHP" {
		t.Errorf("preview: file %q archive %q conflict %v (%v); want CNY vs PHP flagged", file, archive, conflict, err)
	}
	before := snapshot(t, s)
	_, err = Import(ctx, s, path, Options{Location: cst})
	var ce *CurrencyError
	if !errors.As(err, &ce) || ce.File != "CNY" || ce.Archive != "PHP" {
		t.Fatalf("importing a CNY file into a PHP archive: %v, want a CurrencyError", err)
	}
	if after := snapshot(t, s); len(after) != len(before) {
		t.Error("the refused file changed the archive")
	}

	// A Shopify order file whose rows are in USD and one in EUR, into an empty archive.
	s2 := newStore(t)
	dir := t.TempDir()
	orders := filepath.Join(dir, "orders.csv")
	body := "Name,Email,Financial Status,Paid at,Currency,Total,Lineitem quantity,Lineitem name\n" +
		"#1,a@example.com,paid,2025-01-02 10:00:00 +0000,USD,10.00,1,Mug\n" +
		"#2,a@example.com,paid,2025-01-03 10:00:00 +0000,EUR,20.00,1,Cup\n" +
		"#3,a@example.com,paid,2025-01-04 10:00:00 +0000,USD,5.00,1,Spoon\n"
	if err := os.WriteFile(orders, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	res := importFile(t, s2, orders, Options{})
	if v, _ := s2.Setting(ctx, data.SettingCurrency, ""); v != "USD" {
		t.Errorf("archive currency %q, want USD from the Currency column", v)
	}
	wantStats(t, s2, data.PlatformShopify, "a@example.com", 2, 1500)
	found := false
	for _, is := range res.Issues {
		found = found || is.Row == 3 && is.Reason == data.IssueOtherCurrency && is.Column == "Currency"
	}
	if !found {
		t.Errorf("the EUR row is not reported: %+v", res.Issues)
	}
	wantOutcomes(t, res, data.Outcome{Kind: data.OutcomeRejected, Reason: data.IssueOtherCurrency, Rows: 1, Orders: 1})
	// An archive with trades and no currency set is CNY: a USD file is refused.
	if _, err := Import(ctx, newStoreWithTrade(t), orders, Options{Location: cst}); !errors.Is(err, ErrOtherCurrency) {
		t.Errorf("a USD file into an archive of CNY trades: %v, want ErrOtherCurrency", err)
	}
}

// newStoreWithTrade is an archive with one trade typed by hand and no currency set.
func newStoreWithTrade(t *testing.T) Store {
	s := newStore(t)
	c := &data.Customer{Platform: data.PlatformTaobao, Nick: "阿花"}
	ctx := context.Background()
	if err := s.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateTrade(ctx, &data.Trade{CustomerID: c.ID, TradedAt: time.Date(2025, 1, 1, 0, 0, 0, 0, cst), AmountFen: 100}); err != nil {
		t.Fatal(err)
	}
	return s
}
