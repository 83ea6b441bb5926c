package importer

import (
	"testing"

	"shopcrm/data"
)

func TestShopifyForeignPhonesAreKept(t *testing.T) {
	s := newStore(t)
	res := importFile(t, s, realFile(t, "shopify/oks234_orders_export_1.csv"), Options{})
	var bad []string
	for _, is := range res.Issues {
		if is.Reason == data.IssueBadPhone {
			bad = append(bad, is.Value)
		}
	}
	// What is left is cut short ("1 (214) 634-1", "(993) 229-05", "+1") or a mainland
	// mobile missing a digit (1371925982).
	want := map[string]bool{"1 (214) 634-1": true, "(993) 229-05": true, "+1": true, "1 (298) 627-5": true,
		"1 (205) 347": true, "1371925982": true}
	for _, v := range bad {
		if !want[v] {
			t.Errorf("phone %q rejected; it is a plausible number", v)
		}
	}
	phones := map[string]bool{}
	if err := s.EachCustomer(t.Context(), data.CustomerFilter{}, func(c *data.Customer) error {
		phones[c.Phone] = true
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"+18002235465", "1040505495", "011-16514821"} {
		if !phones[p] {
			t.Errorf("no customer with phone %s", p)
		}
	}
}
