package sqlite

import (
	"context"
	"testing"

	"shopcrm/data"
)

// benchGoodsFilter is issue 19's benchmark filter: a goods word and two numeric bounds.
var benchGoodsFilter = data.CustomerFilter{Goods: "红茶", Trades: data.Range{}.AtLeast(3), TotalFen: data.Range{}.AtLeast(20000),
	Sort: data.SortCreated, Desc: true}

// BenchmarkFilterGoodsAndBounds is the first page (50 rows) of a goods filter with two
// numeric bounds, and its count, on the 200k / 1M archive.
func BenchmarkFilterGoodsAndBounds(b *testing.B) {
	s := benchStore(b)
	f := benchGoodsFilter
	f.Limit = 50
	for i := 0; i < b.N; i++ {
		rows, total, err := s.FindCustomers(context.Background(), f)
		if err != nil || len(rows) != 50 || total < 50 {
			b.Fatalf("got %d rows of %d, %v", len(rows), total, err)
		}
	}
	reportPeakRSS(b)
}

// BenchmarkFilterGoodsAndBoundsSortedByTotal is the same page sorted by total, the
// list's busiest sort.
func BenchmarkFilterGoodsAndBoundsSortedByTotal(b *testing.B) {
	s := benchStore(b)
	f := benchGoodsFilter
	f.Limit, f.Sort = 50, data.SortTotal
	for i := 0; i < b.N; i++ {
		if rows, total, err := s.FindCustomers(context.Background(), f); err != nil || len(rows) != 50 || total < 50 {
			b.Fatalf("got %d rows of %d, %v", len(rows), total, err)
		}
	}
}

// BenchmarkFilterCountWhileEditing is the "N 位客户 · ¥X" line under the filter.
func BenchmarkFilterCountWhileEditing(b *testing.B) {
	s := benchStore(b)
	for i := 0; i < b.N; i++ {
		if n, _, err := s.CountFiltered(context.Background(), benchGoodsFilter); err != nil || n == 0 {
			b.Fatalf("count %d, %v", n, err)
		}
	}
}

// BenchmarkFilterWideGoodsAndBounds is the same with a goods word most goods contain
// (茶: 8 of the demo's 24 goods texts), the worst case for the goods lookup.
func BenchmarkFilterWideGoodsAndBounds(b *testing.B) {
	s := benchStore(b)
	f := benchGoodsFilter
	f.Goods, f.Limit = "茶", 50
	for i := 0; i < b.N; i++ {
		if rows, total, err := s.FindCustomers(context.Background(), f); err != nil || len(rows) != 50 || total < 50 {
			b.Fatalf("got %d rows of %d, %v", len(rows), total, err)
		}
	}
}
