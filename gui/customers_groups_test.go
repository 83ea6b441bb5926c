package gui

import (
	"strings"
	"testing"

	"shopcrm/i18n"
)

// jobQueue is a spawn that keeps the work until a test or benchmark runs it, in order,
// so it can look at the window between two steps.
type jobQueue struct{ jobs []func() }

func (q *jobQueue) spawn(f func()) { q.jobs = append(q.jobs, f) }

// runUntil runs queued work (and the work it queues) until done holds or none is left.
func (q *jobQueue) runUntil(done func() bool) {
	for len(q.jobs) > 0 && !done() {
		f := q.jobs[0]
		q.jobs = q.jobs[1:]
		f()
	}
}

// The first page of the list does not wait for today's RFM parameters (a whole-shop
// pass): it shows tiers at once and the segments right after; once the parameters are
// known, a page comes rated in one step.
func TestListShowsTheFirstPageBeforeRating(t *testing.T) {
	g, store := newTestApp(t)
	seedGoldenShop(t, store)
	s := g.customers
	q := &jobQueue{}
	s.spawn = q.spawn
	s.reload()
	q.runUntil(func() bool { return s.pages.total == 3 })
	group := len(listColumns) - 1
	for row := 0; row < 3; row++ {
		if c, _ := s.pages.row(row); c.Rating.Segment != "" {
			t.Errorf("row %d rated before the page was shown: %q", row, cell(s, row, group))
		}
	}
	if len(q.jobs) != 1 {
		t.Fatalf("%d jobs after the first page, want the rating", len(q.jobs))
	}
	q.runUntil(func() bool { return false })
	rated := 0
	for row := 0; row < 3; row++ {
		if c, _ := s.pages.row(row); c.Rating.Segment != "" {
			rated++
			if !strings.Contains(cell(s, row, group), i18n.SegmentName(c.Rating.Segment)) {
				t.Errorf("row %d: group column %q has no segment", row, cell(s, row, group))
			}
		}
	}
	if rated != 2 {
		t.Errorf("%d rows rated, want the 2 buyers", rated)
	}
	s.reload()
	if len(q.jobs) != 1 {
		t.Fatalf("%d jobs queued by a reload", len(q.jobs))
	}
	q.jobs[0]()
	q.jobs = q.jobs[1:]
	if c, _ := s.pages.row(0); len(q.jobs) != 0 || (c.Stats.TradeCount > 0 && c.Rating.Segment == "") {
		t.Errorf("with the parameters known, the page came unrated (%d jobs left)", len(q.jobs))
	}
}
