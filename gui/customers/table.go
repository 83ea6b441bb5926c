package customers

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// pageSize is how many customers one fetch brings; the table asks for pages as rows
// scroll into view, so a 200k-customer archive never loads whole.
const pageSize = 100

// listColumn is one column of the customer list.
type listColumn struct {
	title string // translation key
	sort  data.CustomerSort
	// widest is what the column shows whole (its width is measured from it, see
	// columnWidth); anything longer, a long nick or many tags, is cut with "…".
	widest func() []string
	text   func(c *data.Customer, maskPhones bool) string
}

// sampleDay is a date as wide as any the list shows.
var sampleDay = time.Date(2026, 12, 28, 12, 0, 0, 0, time.UTC)

var listColumns = []listColumn{
	{"field.nick", data.SortNick, func() []string { return []string{"爱喝茶的小王同学", "tea_lover_wang88"} },
		func(c *data.Customer, _ bool) string { return c.Nick }},
	{"field.name", data.SortName, func() []string { return []string{"欧阳小明"} },
		func(c *data.Customer, _ bool) string { return c.Name }},
	{"field.phone", data.SortPhone, func() []string {
		return []string{"13800138000", data.MaskPhone("13800138000"), "0571-88886666", data.MaskPhone("0571-88886666")}
	}, func(c *data.Customer, mask bool) string {
		if mask {
			return data.MaskPhone(c.Phone)
		}
		return c.Phone
	}},
	{"field.city", data.SortCity, func() []string { return []string{"乌鲁木齐"} },
		func(c *data.Customer, _ bool) string { return c.City }},
	{"field.trades", data.SortTrades, func() []string { return []string{"9999"} },
		func(c *data.Customer, _ bool) string { return fmt.Sprint(c.Stats.TradeCount) }},
	{"field.total", data.SortTotal, func() []string { return []string{ui.Money(-99999999_99)} }, // 8 digits, in the archive's currency
		func(c *data.Customer, _ bool) string { return ui.Money(c.Stats.TotalFen) }},
	{"field.last_trade", data.SortLastTrade, func() []string { return []string{ui.LocalDate(sampleDay)} },
		func(c *data.Customer, _ bool) string { return ui.LocalDate(c.Stats.LastTrade) }},
	{"field.group", data.SortTier, func() []string {
		return []string{i18n.TierName("tier.supreme") + " · " + i18n.SegmentName(data.Segments[0])}
	}, func(c *data.Customer, _ bool) string { return groupText(c) }},
}

// columnWidth is col's width at the text size in effect now: its widest content or
// its header with the sort arrow, whichever is wider.
func columnWidth(col listColumn) float32 {
	return max(ui.CellWidth(col.widest()...), ui.SortHeaderWidth(lang.L(col.title)))
}

// SizeColumns measures the list's columns again, after the text size changed.
func (s *Screen) SizeColumns() {
	for i, c := range listColumns {
		s.table.SetColumnWidth(i, columnWidth(c))
	}
	s.table.Refresh()
}

// groupText shows the tier, the RFM segment and the manual tags.
func groupText(c *data.Customer) string {
	s := i18n.TierName(c.Tier)
	if c.Rating.Segment != "" {
		s += " · " + i18n.SegmentName(c.Rating.Segment)
	}
	for _, t := range c.Tags {
		s += " · " + t
	}
	return s
}

// customerPages caches the pages of the current list. It is touched only on the UI
// goroutine; fetches run elsewhere and hand their rows back through fyne.Do.
type customerPages struct {
	total   int
	gen     int // bumped on every new filter, so late pages of an old one are dropped
	pages   map[int][]*data.Customer
	loading map[int]bool
}

func (p *customerPages) reset(total int, first []*data.Customer) {
	p.gen++
	p.total = total
	p.pages = map[int][]*data.Customer{0: first}
	p.loading = map[int]bool{}
}

// row returns the customer at row, or nil with the page number to fetch.
func (p *customerPages) row(row int) (*data.Customer, int) {
	page := row / pageSize
	rows, ok := p.pages[page]
	if !ok {
		return nil, page
	}
	if i := row % pageSize; i < len(rows) {
		return rows[i], -1
	}
	return nil, -1
}

// newCustomerTable builds the virtualized list with sortable headers.
func (s *Screen) newCustomerTable() *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return s.pages.total, len(listColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			c, missing := s.pages.row(id.Row)
			if c == nil {
				l.SetText("")
				if missing >= 0 {
					s.fetchPage(missing)
				}
				return
			}
			text := listColumns[id.Col].text(c, s.maskPhones)
			if id.Col == 0 {
				text = s.groups.mark(c) + text
			}
			// A blacklisted buyer's row is red (the detail says why).
			l.Importance = widget.MediumImportance
			if c.Blacklisted {
				l.Importance = widget.DangerImportance
			}
			l.SetText(text) // refreshes with the importance
		})
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject { return ui.SortHeader() }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 || id.Col >= len(listColumns) {
			b.SetText("")
			return
		}
		col := listColumns[id.Col]
		b.SetText(lang.L(col.title))
		b.SetIcon(nil)
		if s.filter.Sort == col.sort {
			b.SetIcon(theme.MoveUpIcon())
			if s.filter.Desc {
				b.SetIcon(theme.MoveDownIcon())
			}
		}
		b.OnTapped = func() { s.sortBy(col.sort) }
	}
	for i, c := range listColumns {
		t.SetColumnWidth(i, columnWidth(c))
	}
	t.OnSelected = func(id widget.TableCellID) {
		if c, _ := s.pages.row(id.Row); c != nil {
			if s.groups.pick(c.ID) {
				return
			}
			s.ShowCustomer(c.ID)
		}
	}
	return t
}

// maxPages bounds the cache; far pages are dropped and fetched again when needed.
const maxPages = 30

// keep stores a fetched page, dropping the pages farthest from it when the cache is full.
func (p *customerPages) keep(page int, rows []*data.Customer) {
	p.pages[page] = rows
	for len(p.pages) > maxPages {
		far, dist := -1, -1
		for k := range p.pages {
			if d := abs(k - page); k != 0 && d > dist {
				far, dist = k, d
			}
		}
		delete(p.pages, far)
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
