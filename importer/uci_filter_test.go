package importer

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"shopcrm/data"
	"shopcrm/data/sqlite"
)

// What the customer list's filters ask of the UCI file, read plainly from its raw
// lines (uciKey) and never from the app.
//
// The counting rule is the answer key's: an invoice is one trade, its amount the sum of
// its lines (Quantity × UnitPrice, rounded to the penny, negative quantities
// included); it counts when that sum is above zero, so a cancellation ("C…", all
// lines negative) never counts, it only lowers the buyer's total. A buyer's trades,
// total, average and last trade are over their counting invoices; an invoice's time
// is its first line's InvoiceDate, read in the seller's zone.
//
// Goods: a trade's goods text is the product's, not the whole invoice. An order of
// many lines lists each line's description once, in file order, joined by "；", for
// as long as the text stays within the 6,000 bytes a trade keeps, less room for the
// count of the rest ("…+N"); every later line is only counted (PRODUCT.md, one trade
// per order however many lines). "Goods contains" can only see what is listed, and
// a seller reading the trade sees the same. uciInvoice.add applies that rule to the
// raw descriptions (whitespace runs collapsed, as any imported cell is; a description
// already contained in the text is not listed again), and also notes which phrases
// any line of the invoice holds, so the test shows how many buyers the cut hides.
// Matching is case-blind, as the filter's is.

// Limits of a trade's goods text (data.maxGoodsBytes = 3 × data.MaxTextLen), and the
// room kept for the "；…+N" count of the lines that no longer fit.
const (
	uciGoodsBytes = 3 * data.MaxTextLen
	uciCountRoom  = len("；…+") + 20
)

// uciPhrases are the goods the filters below look for: a full StockCode description,
// a short word many descriptions hold, another product family, and a phrase that 3 of
// its 243 buyers hold only on lines past their invoice's cut (a separate Python
// reading of the file finds the same 240 listed buyers).
var uciPhrases = []string{"WHITE HANGING HEART T-LIGHT HOLDER", "HEART", "REGENCY CAKESTAND", "TREASURE BOOK BOX"}

// uciInvoice is one invoice as the raw lines make it.
type uciInvoice struct {
	id, date string
	pence    int64
	listed   string // the goods text's listed descriptions
	full     bool   // a description no longer fitted: the rest are counted
	anyLine  map[string]bool
}

func (inv *uciInvoice) add(l uciLine) {
	inv.pence += l.pence
	if l.id != "" {
		inv.id = l.id
	}
	desc := strings.Join(strings.Fields(l.desc), " ")
	for _, p := range uciPhrases {
		if strings.Contains(strings.ToUpper(desc), p) {
			if inv.anyLine == nil {
				inv.anyLine = map[string]bool{}
			}
			inv.anyLine[p] = true
		}
	}
	if desc == "" || inv.full || strings.Contains(inv.listed, desc) {
		return
	}
	joined := desc
	if inv.listed != "" {
		joined = inv.listed + "；" + desc
	}
	if len(joined)+uciCountRoom > uciGoodsBytes {
		inv.full = true
		return
	}
	inv.listed = joined
}

// uciBuyer is one CustomerID: counting trades, total (cancellations included) and
// the counting invoices.
type uciBuyer struct {
	trades, pence int64
	counting      []*uciInvoice
}

// bought reports whether a counting invoice's goods text lists phrase (listed) or
// whether any line of a counting invoice holds it (anyLine).
func (b *uciBuyer) bought(phrase string, anyLine bool) bool {
	for _, inv := range b.counting {
		if anyLine && inv.anyLine[phrase] || !anyLine && strings.Contains(strings.ToUpper(inv.listed), phrase) {
			return true
		}
	}
	return false
}

// lastDay is the day of the last counting invoice, "" without one.
func (b *uciBuyer) lastDay() string {
	last := ""
	for _, inv := range b.counting {
		last = max(last, inv.date)
	}
	if len(last) >= 10 {
		return last[:10]
	}
	return last
}

// checkUCIFilters runs filters on the archive imported from the UCI file and checks
// that each picks exactly the buyers the plain reading does, as a list and as a count.
func checkUCIFilters(t *testing.T, s *sqlite.Store, buyers map[string]*uciBuyer) {
	t.Helper()
	const heart, cakestand = "WHITE HANGING HEART T-LIGHT HOLDER", "REGENCY CAKESTAND"
	day := func(s string) data.DateRange { return data.DateRange{Before: parseDay(t, s)} }
	total := func(b *uciBuyer) int64 { return b.pence }
	avg := func(b *uciBuyer, atLeast bool, pence int64) bool { // total/trades against a bound, in integers
		if b.trades == 0 {
			return false
		}
		if atLeast {
			return b.pence >= pence*b.trades
		}
		return b.pence <= pence*b.trades
	}
	for _, tc := range []struct {
		name string
		f    data.CustomerFilter
		want func(*uciBuyer) bool
	}{
		{"a whole description", data.CustomerFilter{Goods: heart}, func(b *uciBuyer) bool { return b.bought(heart, false) }},
		{"a whole description typed loosely, with a total of £1,000 or more",
			data.CustomerFilter{Goods: "  white hanging   heart t-light holder ", TotalFen: data.Range{}.AtLeast(100000)},
			func(b *uciBuyer) bool { return b.bought(heart, false) && total(b) >= 100000 }},
		{"a short word", data.CustomerFilter{Goods: "heart"}, func(b *uciBuyer) bool { return b.bought("HEART", false) }},
		{"a short word, a total of £5,000 or more", data.CustomerFilter{Goods: "Heart", TotalFen: data.Range{}.AtLeast(500000)},
			func(b *uciBuyer) bool { return b.bought("HEART", false) && total(b) >= 500000 }},
		{"another product, a total of £5,000 or more", data.CustomerFilter{Goods: strings.ToLower(cakestand), TotalFen: data.Range{}.AtLeast(500000)},
			func(b *uciBuyer) bool { return b.bought(cakestand, false) && total(b) >= 500000 }},
		{"a phrase some buyers hold only past the cut", data.CustomerFilter{Goods: "treasure book box"},
			func(b *uciBuyer) bool { return b.bought("TREASURE BOOK BOX", false) }},
		{"10 trades or more", data.CustomerFilter{Trades: data.Range{}.AtLeast(10)}, func(b *uciBuyer) bool { return b.trades >= 10 }},
		{"at most 1 trade", data.CustomerFilter{Trades: data.Range{}.AtMost(1)}, func(b *uciBuyer) bool { return b.trades <= 1 }},
		{"2 to 5 trades", data.CustomerFilter{Trades: data.Range{}.AtLeast(2).AtMost(5)},
			func(b *uciBuyer) bool { return b.trades >= 2 && b.trades <= 5 }},
		{"a total of at most £100", data.CustomerFilter{TotalFen: data.Range{}.AtMost(10000)}, func(b *uciBuyer) bool { return total(b) <= 10000 }},
		{"an average order of £500 or more", data.CustomerFilter{AverageFen: data.Range{}.AtLeast(50000)},
			func(b *uciBuyer) bool { return avg(b, true, 50000) }},
		{"an average order of £150 to £200", data.CustomerFilter{AverageFen: data.Range{}.AtLeast(15000).AtMost(20000)},
			func(b *uciBuyer) bool { return avg(b, true, 15000) && avg(b, false, 20000) }},
		{"last trade before 2011-06-01", data.CustomerFilter{LastTrade: day("2011-06-01")},
			func(b *uciBuyer) bool { return b.trades > 0 && b.lastDay() < "2011-06-01" }},
		{"combined: a product, 5 trades or more, an average of £300 or more, last trade before 2011-11-01",
			data.CustomerFilter{Goods: cakestand, Trades: data.Range{}.AtLeast(5), AverageFen: data.Range{}.AtLeast(30000), LastTrade: day("2011-11-01")},
			func(b *uciBuyer) bool {
				return b.bought(cakestand, false) && b.trades >= 5 && avg(b, true, 30000) && b.lastDay() < "2011-11-01"
			}},
		{"combined: a short word, at most 3 trades, an average up to £50",
			data.CustomerFilter{Goods: "HEART", Trades: data.Range{}.AtMost(3), AverageFen: data.Range{}.AtMost(5000)},
			func(b *uciBuyer) bool { return b.bought("HEART", false) && b.trades <= 3 && avg(b, false, 5000) }},
	} {
		var want []string
		for id, b := range buyers {
			if tc.want(b) {
				want = append(want, id)
			}
		}
		sort.Strings(want)
		got := filteredNicks(t, s, tc.f)
		if len(want) == 0 || len(want) == len(buyers) {
			t.Errorf("%s: the plain reading picks %d of %d buyers; the check checks nothing", tc.name, len(want), len(buyers))
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: got %d buyers, want %d (first differences: %v)", tc.name, len(got), len(want), firstDifferences(got, want))
		}
		if n, _, err := s.CountFiltered(context.Background(), tc.f); err != nil || n != len(want) {
			t.Errorf("%s: CountFiltered %d, %v; want %d", tc.name, n, err, len(want))
		}
		t.Logf("%s: %d buyers", tc.name, len(want))
	}
	full := 0
	for _, b := range buyers {
		for _, inv := range b.counting {
			if inv.full {
				full++
			}
		}
	}
	cut := 0
	for _, p := range uciPhrases {
		hidden := 0
		for _, b := range buyers {
			if b.bought(p, true) && !b.bought(p, false) {
				hidden++
			}
		}
		cut += hidden
		t.Logf("%q: %d buyers hold it only on lines past their invoice's listed goods (%d invoices cut)", p, hidden, full)
	}
	if full == 0 || cut == 0 {
		t.Errorf("%d counting invoices cut, %d buyers hidden by a cut: the goods checks do not cover it", full, cut)
	}
}

// filteredNicks are the nicks of the customers f picks, sorted.
func filteredNicks(t *testing.T, s *sqlite.Store, f data.CustomerFilter) []string {
	t.Helper()
	var got []string
	if err := s.EachCustomer(context.Background(), f, func(c *data.Customer) error { got = append(got, c.Nick); return nil }); err != nil {
		t.Fatal(err)
	}
	sort.Strings(got)
	return got
}

// firstDifferences names up to five ids in one sorted list and not the other.
func firstDifferences(got, want []string) []string {
	in := map[string]int{}
	for _, id := range got {
		in[id]++
	}
	for _, id := range want {
		in[id]--
	}
	var out []string
	for id, n := range in {
		switch {
		case n > 0:
			out = append(out, "+"+id)
		case n < 0:
			out = append(out, "-"+id)
		}
	}
	sort.Strings(out)
	return out[:min(5, len(out))]
}

func parseDay(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(data.DateLayout, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
