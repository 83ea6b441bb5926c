package customers

import (
	"context"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/internal/guitest"
)

// A new order or a new filter, applied while the list is scrolled down, shows the
// first rows of the new list at once: not blank cells (the table laid out for the top
// while its scroller still showed the old place), not rows shifted by the old offset,
// and without fetching pages of the new list for the old offset. Scroll depths stay
// inside the first page of the page cache, go past it, and go to the end.
func TestNewListAfterScrollingShowsItsFirstRows(t *testing.T) {
	g, store := openCustomers(t)
	s := g.customers
	ctx := context.Background()
	if err := store.GenerateDemo(ctx, data.DemoOptions{Customers: 3 * pageSize, Trades: 1200, Seed: 16}); err != nil {
		t.Fatal(err)
	}
	start := func() {
		s.search.SetText("")
		s.filter = data.CustomerFilter{Sort: data.SortCreated, Desc: true}
		s.Reload()
	}
	start()
	pitch := rowPitch(t, s)

	type action struct {
		name  string
		apply func()
	}
	var actions []action
	for _, col := range listColumns {
		title, sort := lang.L(col.title), col.sort
		actions = append(actions, action{"sort by " + title, func() {
			if b := headerButton(g.win, title); b != nil {
				test.Tap(b)
			} else {
				s.sortBy(sort) // a column scrolled out of sight sideways
			}
		}})
	}
	actions = append(actions,
		action{"search 13", func() { s.search.SetText("13") }},
		action{"group dormant", func() { s.ShowGroup(data.CustomerFilter{Dormant: true}, "沉睡") }},
	)
	depths := []struct {
		name string
		rows float32
	}{
		{"a few rows", 3},
		{"past the first page", pageSize + pageSize/2},
		{"to the end", 100 * pageSize},
	}
	for _, a := range actions {
		for _, d := range depths {
			t.Run(a.name+" after scrolling "+d.name, func(t *testing.T) {
				start()
				scrollList(g.win, s, d.rows*pitch)
				if top := visibleRows(s); len(top) == 0 || top[0][0] == cellText(s, s.Row(0), 0) {
					t.Fatalf("scrolling %v rows did not move the list (first visible row %v)", d.rows, top)
				}
				a.apply()
				if len(s.pages.pages) != 1 || s.pages.pages[0] == nil || len(s.pages.loading) != 0 {
					t.Errorf("page cache after the change: %d pages, %d loading; want page 0 alone (the old offset's pages are not fetched for the new list)",
						len(s.pages.pages), len(s.pages.loading))
				}
				want := firstRows(t, s, 40)
				got := visibleRows(s)
				if len(got) < 5 {
					t.Fatalf("got %d visible rows, want at least 5: %v", len(got), got)
				}
				for i, row := range got {
					if i >= len(want) {
						break
					}
					if len(row) > len(want[i]) || strings.Join(row, "|") != strings.Join(want[i][:len(row)], "|") { // the columns on screen
						t.Fatalf("visible row %d: got %q, want %q", i, row, want[i])
					}
				}
			})
		}
	}
}

// headerButton is the list's header button titled title, nil when it is out of sight.
func headerButton(w fyne.Window, title string) *widget.Button {
	var found *widget.Button
	guitest.Walk(w.Content(), func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == title {
			found = b
		}
		return found != nil
	})
	return found
}

// firstRows is what the list should show at its top: the first n customers of the
// screen's current filter, as the store orders them.
func firstRows(t *testing.T, s *Screen, n int) [][]string {
	t.Helper()
	f := s.filter
	f.Limit = n
	cs, total, err := s.store.FindCustomers(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	if total <= n {
		t.Fatalf("the filter %+v matches only %d customers; the test needs more than %d", s.filter, total, n)
	}
	if err := s.rate(cs); err != nil { // the list shows each customer's RFM segment
		t.Fatal(err)
	}
	rows := make([][]string, len(cs))
	for i, c := range cs {
		for col := range listColumns {
			rows[i] = append(rows[i], cellText(s, c, col))
		}
	}
	return rows
}

// cellText is what a list cell shows for c.
func cellText(s *Screen, c *data.Customer, col int) string {
	if c == nil {
		return ""
	}
	text := listColumns[col].text(c, s.maskPhones)
	if col == 0 {
		text = s.groups.mark(c) + text
	}
	return text
}

// scrollList scrolls the list down by dy, as the mouse wheel would.
func scrollList(w fyne.Window, s *Screen, dy float32) {
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.table).Add(fyne.NewPos(40, s.table.Size().Height/2))
	test.Scroll(w.Canvas(), at, 0, -dy)
}

// rowPitch is the height of one list row on screen.
func rowPitch(t *testing.T, s *Screen) float32 {
	t.Helper()
	ys := map[float32]bool{}
	for _, l := range visibleCells(s) {
		ys[l.pos.Y] = true
	}
	var sorted []float32
	for y := range ys {
		sorted = append(sorted, y)
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	if len(sorted) < 2 {
		t.Fatalf("got %d visible rows, want at least 2", len(sorted))
	}
	return sorted[1] - sorted[0]
}

// visibleRows is the text of the list's cells a seller sees, row by row from the top
// of the list's viewport, each row's cells left to right.
func visibleRows(s *Screen) [][]string {
	byY := map[float32][]placedLabel{}
	for _, l := range visibleCells(s) {
		byY[l.pos.Y] = append(byY[l.pos.Y], l)
	}
	var ys []float32
	for y := range byY {
		ys = append(ys, y)
	}
	sort.Slice(ys, func(i, j int) bool { return ys[i] < ys[j] })
	rows := make([][]string, len(ys))
	for i, y := range ys {
		cells := byY[y]
		sort.Slice(cells, func(a, b int) bool { return cells[a].pos.X < cells[b].pos.X })
		for _, c := range cells {
			rows[i] = append(rows[i], c.label.Text)
		}
	}
	return rows
}

type placedLabel struct {
	label *widget.Label
	pos   fyne.Position // on the canvas
}

// visibleCells are the list's cell labels that lie, at least in part, inside the
// viewport of the scroller holding them (the list below its header row), with their
// canvas positions.
func visibleCells(s *Screen) []placedLabel {
	var in []placedLabel
	var walk func(o fyne.CanvasObject, parent fyne.Position, view fyne.CanvasObject, viewPos fyne.Position)
	walk = func(o fyne.CanvasObject, parent fyne.Position, view fyne.CanvasObject, viewPos fyne.Position) {
		if o == nil || !o.Visible() {
			return
		}
		pos := parent.Add(o.Position())
		switch v := o.(type) {
		case *widget.Button: // the header row
			return
		case *widget.Label:
			sz, vs := v.Size(), view.Size()
			if pos.X < viewPos.X+vs.Width && pos.X+sz.Width > viewPos.X &&
				pos.Y < viewPos.Y+vs.Height && pos.Y+sz.Height > viewPos.Y {
				in = append(in, placedLabel{v, pos})
			}
			return
		case fyne.Scrollable:
			view, viewPos = o, pos
		}
		var children []fyne.CanvasObject
		switch v := o.(type) {
		case *fyne.Container:
			children = v.Objects
		case fyne.Widget:
			children = test.WidgetRenderer(v).Objects()
		}
		for _, c := range children {
			walk(c, pos, view, viewPos)
		}
	}
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.table)
	walk(s.table, abs.Subtract(s.table.Position()), s.table, abs)
	return in
}
