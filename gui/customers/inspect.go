package customers

import (
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
)

// What the shell's whole-window tests read of the screen; they sit in another package
// and see only exported names. Each only reads or does what a click would.

// Total is how many customers the list holds (all pages).
func (s *Screen) Total() int { return s.pages.total }

// Row is the customer at row of the list, nil when that page is not fetched yet.
func (s *Screen) Row(row int) *data.Customer {
	c, _ := s.pages.row(row)
	return c
}

// Cell is the text the list shows at row, col ("" for a row not fetched yet).
func (s *Screen) Cell(row, col int) string {
	c := s.Row(row)
	if c == nil {
		return ""
	}
	return listColumns[col].text(c, s.maskPhones)
}

// SelectRow selects a row of the list, as a click on it would.
func (s *Screen) SelectRow(row int) { s.table.Select(widget.TableCellID{Row: row}) }

// Picked is how many customers are picked in multi-select.
func (s *Screen) Picked() int { return len(s.groups.picked) }

// FormOpened reports whether a customer dialog was opened.
func (s *Screen) FormOpened() bool { return s.custForm != nil }

// SearchEntry is the search box.
func (s *Screen) SearchEntry() *widget.Entry { return s.search }

// SortBy sorts the list as a click on col's header does.
func (s *Screen) SortBy(col data.CustomerSort) { s.sortBy(col) }

// FilterPanelEntries are the text boxes of the open filter panel's row labelled label
// (one for a text, 最少 and 最多 for a range, 从 and 到 for dates); none when no
// panel is open or it has no such row.
func (s *Screen) FilterPanelEntries(label string) []*widget.Entry {
	if s.panel == nil {
		return nil
	}
	if r := s.panel.row(label); r != nil {
		return r.entries()
	}
	return nil
}

// FilterPanelStatus is what the open filter panel says above its conditions: the live
// count, or why it cannot count.
func (s *Screen) FilterPanelStatus() string {
	if s.panel == nil {
		return ""
	}
	return s.panel.status.Message()
}
