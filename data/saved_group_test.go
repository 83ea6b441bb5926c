package data

import (
	"errors"
	"reflect"
	"testing"
	"time"
)

// A filter with every field set reads back equal from its saved form, less its sort
// and paging; a saved form that is not a filter, or a filter out of bounds, is refused.
func TestSavedFilterRoundTripsEveryField(t *testing.T) {
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	f := CustomerFilter{Query: "王", Tag: "回头客", Tier: "tier.vip", Segment: "HHH", Dormant: true,
		Goods: "红茶", Trades: Range{}.AtLeast(2).AtMost(9), TotalFen: Range{}.AtLeast(0), AverageFen: Range{}.AtMost(15000),
		DaysSinceLast: Range{}.AtLeast(30), FirstTrade: DateRange{From: day}, LastTrade: DateRange{Before: day},
		Platform: PlatformJD, Province: "浙江", City: "杭州", Source: "门店", Gender: GenderFemale, BirthdayMonth: 3,
		OptedOut: No, Blacklisted: No, HasPhone: Yes, HasWeChat: Yes,
		Sort: SortTotal, Desc: true, Limit: 50, Offset: 100}
	// Every field of the filter is set, so a field added later without its saved name fails here.
	v := reflect.ValueOf(f)
	for i := 0; i < v.NumField(); i++ {
		if v.Field(i).IsZero() {
			t.Fatalf("field %s is not set in the test filter", v.Type().Field(i).Name)
		}
	}
	s, err := EncodeFilter(f)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeFilter(s)
	if err != nil {
		t.Fatal(err)
	}
	if want := f.Selection(); !reflect.DeepEqual(got, want) {
		t.Fatalf("read back %+v\nwant %+v\nsaved %s", got, want, s)
	}
	if empty, _ := EncodeFilter(CustomerFilter{Sort: SortNick, Limit: 10}); empty != "{}" {
		t.Errorf("an empty filter saves as %s, want {}", empty)
	}
	var ve *ValidationError
	for _, bad := range []string{"", "[1]", `{"trades":{"Min":5,"Max":1,"HasMin":true,"HasMax":true}}`, `{"birthday_month":13}`} {
		if _, err := DecodeFilter(bad); !errors.As(err, &ve) {
			t.Errorf("DecodeFilter(%q) = %v, want a validation error", bad, err)
		}
	}
}

func TestSavedGroupNeedsAName(t *testing.T) {
	for name, want := range map[string]string{"": CodeRequired, "   ": CodeRequired, string(make([]rune, 41)): CodeTooLong} {
		g := SavedGroup{Name: name}
		var ve *ValidationError
		if err := g.Validate(); !errors.As(err, &ve) || ve.Field != FieldGroupName || ve.Code != want {
			t.Errorf("name %q: %v, want %s", name, err, want)
		}
	}
	g := SavedGroup{Name: "  红茶  老客 ", Filter: CustomerFilter{Goods: "红茶", Limit: 5}}
	if err := g.Validate(); err != nil || g.Name != "红茶 老客" || g.Filter.Limit != 0 {
		t.Errorf("Validate: %v, name %q, limit %d", err, g.Name, g.Filter.Limit)
	}
}

func TestCareCapParsesItsStoredForm(t *testing.T) {
	if c, err := ParseCareCap(""); err != nil || c != DefaultCareCap || c.String() != "1/7" {
		t.Errorf("default: %v %v", c, err)
	}
	if c, err := ParseCareCap("2/30"); err != nil || c != (CareCap{2, 30}) {
		t.Errorf("2/30: %v %v", c, err)
	}
	if c, _ := ParseCareCap("0/7"); !c.Off() {
		t.Error("0/7 is no cap")
	}
	for _, bad := range []string{"x", "1/0", "-1/7", "1/400", "100/7"} {
		if _, err := ParseCareCap(bad); err == nil {
			t.Errorf("ParseCareCap(%q) accepted", bad)
		}
	}
	today := time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)
	if got := DefaultCareCap.WindowStart(today); !got.Equal(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("a week's window ending 12-06 starts %v", got)
	}
}
