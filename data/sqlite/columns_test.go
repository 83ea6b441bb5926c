package sqlite

import (
	"testing"
	"time"

	"shopcrm/data"
)

// TestColumnListsMatchTheirValues: each column list gets one value per column from
// the function that turns a domain value into its row.
func TestColumnListsMatchTheirValues(t *testing.T) {
	c, tr := &data.Customer{}, &data.Trade{}
	now := formatTime(time.Now())
	for _, tc := range []struct {
		name      string
		cols, got int
	}{
		{"customer insert", customerInsert.n, len(customerRow(nil, c, nil, 0, now, now))},
		{"customer update", newColumns("", customerFields).n, len(customerValues(nil, c))},
		{"trade insert", tradeInsert.n, len(tradeRow(nil, tr, 0, now, now))},
		{"trade update", newColumns("", tradeFields).n, len(tradeValues(nil, tr))},
	} {
		if tc.got != tc.cols {
			t.Errorf("%s: got %d values, want %d (one per column)", tc.name, tc.got, tc.cols)
		}
	}
}
