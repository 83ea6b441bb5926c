package importer

import (
	"testing"

	"shopcrm/data"
)

func TestRepeatedRowsOfOneFileAreSkippedNotUnchanged(t *testing.T) {
	s := newStore(t)
	path := realFile(t, "mingri/rfm_all.xlsx")
	dups := func(res *data.ImportResult) int {
		n := 0
		for _, is := range res.Issues {
			if is.Reason == data.IssueDuplicate {
				n++
			}
		}
		return n
	}
	first := importFile(t, s, path, Options{})
	// rfm_all.xlsx repeats 102 rows exactly (same buyer, pay time and amount; it has
	// no order numbers). A first import has nothing unchanged: they are copies.
	if first.TradesUnchanged != 0 || dups(first) != 102 {
		t.Errorf("first import: %d trades unchanged, %d repeated rows listed; want 0 and 102",
			first.TradesUnchanged, dups(first))
	}
	again := importFile(t, s, path, Options{})
	if again.TradesUnchanged != first.TradesCreated || again.TradesCreated+again.TradesUpdated != 0 || dups(again) != 102 {
		t.Errorf("second import: %d created, %d updated, %d unchanged, %d repeated; want 0, 0, %d, 102",
			again.TradesCreated, again.TradesUpdated, again.TradesUnchanged, dups(again), first.TradesCreated)
	}
	if again.Skipped != first.Skipped {
		t.Errorf("second import skipped %d rows, the first %d", again.Skipped, first.Skipped)
	}
}
