package data

import (
	"reflect"
	"testing"
	"time"
)

func TestFilterAndKeepsWhatBothKeep(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 1, d, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		name   string
		f, g   CustomerFilter
		want   CustomerFilter
		field  string
		wantOK bool
	}{
		{"a condition of one side is taken", CustomerFilter{Goods: "红茶", Sort: SortTotal}, CustomerFilter{Tier: "tier.vip", Limit: 5},
			CustomerFilter{Goods: "红茶", Tier: "tier.vip", Sort: SortTotal}, "", true},
		{"bounds narrow", CustomerFilter{TotalFen: Range{}.AtLeast(100).AtMost(900)}, CustomerFilter{TotalFen: Range{}.AtLeast(300).AtMost(2000)},
			CustomerFilter{TotalFen: Range{}.AtLeast(300).AtMost(900)}, "", true},
		{"a zero bound is a bound", CustomerFilter{Trades: Range{}.AtMost(0)}, CustomerFilter{Trades: Range{}.AtLeast(0)},
			CustomerFilter{Trades: Range{}.AtLeast(0).AtMost(0)}, "", true},
		{"spans of days narrow", CustomerFilter{LastTrade: DateRange{From: day(1), Before: day(20)}}, CustomerFilter{LastTrade: DateRange{From: day(5), Before: day(30)}},
			CustomerFilter{LastTrade: DateRange{From: day(5), Before: day(20)}}, "", true},
		{"the same value twice", CustomerFilter{Goods: "红茶", Blacklisted: No}, CustomerFilter{Goods: "红茶", Blacklisted: No},
			CustomerFilter{Goods: "红茶", Blacklisted: No}, "", true},
		{"two goods cannot both hold", CustomerFilter{Goods: "红茶"}, CustomerFilter{Goods: "龙井"}, CustomerFilter{Goods: "红茶"}, "Goods", false},
		{"yes against no", CustomerFilter{HasPhone: Yes}, CustomerFilter{HasPhone: No}, CustomerFilter{HasPhone: Yes}, "HasPhone", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, field, ok := tc.f.And(tc.g)
			if !reflect.DeepEqual(got, tc.want) || field != tc.field || ok != tc.wantOK {
				t.Errorf("got %+v, %q, %v; want %+v, %q, %v", got, field, ok, tc.want, tc.field, tc.wantOK)
			}
		})
	}
}
