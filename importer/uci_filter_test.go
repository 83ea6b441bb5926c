package importer

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"shopcrm/data"
)

// The goods filter on the whole UCI Online Retail file: the buyers with a counting
// invoice (net above zero) holding a line of the given Description, and a total at
// or above a bound, are exactly those a plain reading of the raw file finds.
func TestUCIGoodsFilterMatchesAPlainReading(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 541,909 rows")
	}
	gz := realFile(t, "uci/online_retail_full.csv.gz")
	const word, bound = "REGENCY CAKESTAND", 500000 // £5,000.00
	invoices := map[string]int64{}
	owner := map[string]string{}
	holds := map[string]bool{}
	eachUCILine(t, gz, func(no, id, desc string, pence int64) {
		invoices[no] += pence
		if id != "" {
			owner[no] = id
		}
		if strings.Contains(strings.ToUpper(desc), word) {
			holds[no] = true
		}
	})
	key := uciKey(t, gz)
	bought := map[string]bool{}
	for no, id := range owner {
		if holds[no] && invoices[no] > 0 {
			bought[id] = true
		}
	}
	var wantAll, wantRich []string
	for id := range bought {
		wantAll = append(wantAll, id)
		if key[id][1] >= bound {
			wantRich = append(wantRich, id)
		}
	}
	sort.Strings(wantAll)
	sort.Strings(wantRich)

	path := filepath.Join(t.TempDir(), "online_retail_full.csv")
	gunzip(t, gz, path)
	s := newStore(t)
	importFile(t, s, path, Options{})
	ctx := context.Background()
	for _, tc := range []struct {
		f    data.CustomerFilter
		want []string
	}{
		{data.CustomerFilter{Goods: strings.ToLower(word)}, wantAll},
		{data.CustomerFilter{Goods: word, TotalFen: data.Range{}.AtLeast(bound)}, wantRich},
	} {
		var got []string
		if err := s.EachCustomer(ctx, tc.f, func(c *data.Customer) error { got = append(got, c.Nick); return nil }); err != nil {
			t.Fatal(err)
		}
		sort.Strings(got)
		if len(tc.want) == 0 || fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%+v: got %d buyers, want %d", tc.f, len(got), len(tc.want))
		}
		if n, _, err := s.CountFiltered(ctx, tc.f); err != nil || n != len(tc.want) {
			t.Errorf("%+v: CountFiltered %d, %v; want %d", tc.f, n, err, len(tc.want))
		}
	}
	t.Logf("%d buyers of %q, %d of them with a total of £%d or more", len(wantAll), word, len(wantRich), bound/100)
}
