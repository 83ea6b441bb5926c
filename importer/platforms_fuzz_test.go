package importer

import (
	"sort"
	"strings"
	"testing"

	"shopcrm/data"
	"shopcrm/importer/field"
)

// layoutHeaders are the headers a layout names (its marks and its fields), sorted.
func layoutHeaders(l *platformLayout) []string {
	seen := map[string]bool{}
	var hs []string
	for _, set := range l.marks {
		for _, h := range set {
			if !seen[h] {
				seen[h], hs = true, append(hs, h)
			}
		}
	}
	for h := range l.fields {
		if !seen[h] {
			seen[h], hs = true, append(hs, h)
		}
	}
	sort.Strings(hs)
	return hs
}

// FuzzPlatformMapping shuffles and decorates a platform layout's headers (order,
// spaces, case, a currency suffix, a repeated column) and reads arbitrary rows under
// them: the layout is still recognised with its platform, no field is read from two
// columns, and every row reads without a panic, with its platform, and with a problem
// listed for any trade the domain refuses.
func FuzzPlatformMapping(f *testing.F) {
	for i := range platformLayouts {
		f.Add(uint8(i), []byte{3, 1, 4, 1, 5, 9, 2, 6}, "1,2026-01-02 10:00:00,12.50,3\n\t13800000000,无退款申请,='12'\n")
	}
	f.Add(uint8(0), []byte{}, "12/02/2026,25/01/2026,1e400,-0,¥1,000.5\n,,,\n")
	f.Fuzz(func(t *testing.T, which uint8, perm []byte, body string) {
		l := platformLayouts[int(which)%len(platformLayouts)]
		headers := layoutHeaders(l)
		for i, p := range perm {
			j := int(p) % len(headers)
			k := i % len(headers)
			headers[j], headers[k] = headers[k], headers[j]
			switch p % 5 {
			case 1:
				headers[k] = " " + headers[k] + " "
			case 2:
				headers[k] = strings.ToUpper(headers[k])
			case 3:
				headers = append(headers, headers[k]) // a repeated header
			}
		}
		if len(perm) > 0 && perm[0]%7 == 0 {
			headers = append(headers, "Total (USD)")
		}
		m := MapHeaders(headers)
		if got := choosePlatform("", m); got != l.platform {
			t.Fatalf("layout %s: platform %q, want %q (headers %q)", l.id, got, l.platform, headers)
		}
		seen := map[field.Key]int{}
		for i, k := range m.Fields {
			if _, extra := k.IsExtra(); extra || k == field.Ignore {
				continue
			}
			if j, dup := seen[k]; dup {
				t.Fatalf("layout %s: %s read from columns %d and %d", l.id, k, j, i)
			}
			seen[k] = i
		}
		b := newRowBuilder(m, l.platform, cst)
		var prev *data.ImportRow
		for n, line := range strings.Split(body, "\n") {
			r := b.build(n+2, strings.Split(line, ","))
			if r == nil {
				continue
			}
			if r.Customer.Platform != l.platform {
				t.Fatalf("row platform %q, want %q", r.Customer.Platform, l.platform)
			}
			if prev != nil && sameOrder(prev, r) {
				foldInto(prev, r, b.orderLevel)
				r = prev
			}
			r.Check()
			// A link-only row (an order number, no date) is the store's to report:
			// it attaches a stored order, or is skipped with a problem listed then.
			if r.Verdict() != data.RowKept && r.Verdict() != data.TradeLinkOnly && len(r.Issues()) == 0 {
				t.Fatalf("row %d refused (%v) without a problem listed", n+2, r.Verdict())
			}
			prev = r
		}
	})
}
