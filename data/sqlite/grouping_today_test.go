package sqlite

import (
	"context"
	"testing"
	"time"

	"shopcrm/data"
)

// The list rates its first page at once only when today's parameters are cached for
// the current data; a write or a new day makes them stale again.
func TestRatingsReadyFollowsWritesAndDays(t *testing.T) {
	s, cs := handShop(t)
	now := handAsOf
	s.Now = func() time.Time { return now }
	saved := time.Local
	time.Local = cst
	defer func() { time.Local = saved }()
	ctx := context.Background()
	if s.RatingsReady(ctx) {
		t.Fatal("ready before anything was computed")
	}
	ratings, err := s.Ratings(ctx, []int64{cs["B"].ID, cs["E"].ID, -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(ratings) != 2 || ratings[cs["B"].ID].Segment != "HLL" || ratings[cs["E"].ID].Segment != "HLL" {
		t.Fatalf("ratings of B and E: %+v", ratings)
	}
	if !s.RatingsReady(ctx) {
		t.Fatal("not ready after a rating")
	}
	if err := s.CreateTrade(ctx, &data.Trade{CustomerID: cs["B"].ID, TradedAt: handAsOf, AmountFen: 100}); err != nil {
		t.Fatal(err)
	}
	if s.RatingsReady(ctx) {
		t.Error("still ready after a new trade")
	}
	if r, _ := s.Ratings(ctx, []int64{cs["B"].ID}); r[cs["B"].ID].Segment == "HLL" {
		t.Errorf("B still HLL after buying again: %+v", r[cs["B"].ID])
	}
	if !s.RatingsReady(ctx) {
		t.Error("not ready after rating again")
	}
	now = now.AddDate(0, 0, 1)
	if s.RatingsReady(ctx) {
		t.Error("still ready on the next day")
	}
}
