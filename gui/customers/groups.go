package customers

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// customerGroups is the grouping part of the 客户 screen: the banner naming the group
// the list is filtered to, and multi-select for tagging several customers at once.
type customerGroups struct {
	s        *Screen
	bar      *fyne.Container // shown while filtered to a group or selecting
	label    *widget.Label
	clear    *widget.Button
	selCount *widget.Label
	selBox   *fyne.Container
	toggle   *widget.Button
	picking  bool
	picked   map[int64]bool
	name     string // the group the list is filtered to, as the seller knows it
}

// newCustomerGroups builds the banner and the multi-select toggle of s; the toggle
// goes in the toolbar.
func newCustomerGroups(s *Screen) *customerGroups {
	gr := &customerGroups{s: s}
	gr.picked = map[int64]bool{}
	gr.label = widget.NewLabel("")
	gr.clear = widget.NewButtonWithIcon(lang.L("customers.filter.clear"), theme.CancelIcon(), gr.showAll)
	gr.selCount = widget.NewLabel("")
	tag := widget.NewButton(lang.L("customers.tag_selected"), func() { gr.tagPicked(true) })
	untag := widget.NewButton(lang.L("customers.untag_selected"), func() { gr.tagPicked(false) })
	black := widget.NewButton(lang.L("customers.blacklist_selected"), gr.blacklistPicked)
	gr.selBox = container.NewHBox(gr.selCount, tag, untag, black)
	gr.toggle = widget.NewButtonWithIcon(lang.L("customers.select"), theme.CheckButtonIcon(), gr.togglePicking)
	gr.bar = container.NewHBox(gr.label, gr.clear, gr.selBox)
	gr.update()
	return gr
}

// filtered reports whether the list is filtered to a group or by the filter panel
// (any condition besides the search).
func (gr *customerGroups) filtered() bool {
	f := gr.s.filter.Selection()
	f.Query = ""
	return f != data.CustomerFilter{}
}

// noMatchText says why the list is empty: no match for the search, no customer in
// the group, or no match for the search within the group.
func (gr *customerGroups) noMatchText() string {
	args := map[string]any{"Query": gr.s.filter.Query, "Group": gr.name}
	switch {
	case !gr.filtered():
		return lang.L("customers.no_match", args)
	case gr.s.filter.Query == "":
		return lang.L("customers.group_empty", args)
	}
	return lang.L("customers.no_match_in_group", args)
}

// update shows the banner while filtered or picking, and the picked count.
func (gr *customerGroups) update() {
	filtered := gr.filtered()
	if filtered {
		gr.label.Show()
		gr.clear.Show()
	} else {
		gr.label.Hide()
		gr.clear.Hide()
	}
	gr.selCount.SetText(lang.L("customers.selected", map[string]any{"Count": len(gr.picked)}))
	if gr.picking {
		gr.selBox.Show()
		gr.toggle.Importance = widget.HighImportance
	} else {
		gr.selBox.Hide()
		gr.toggle.Importance = widget.MediumImportance
	}
	gr.toggle.Refresh()
	if filtered || gr.picking {
		gr.bar.Show()
	} else {
		gr.bar.Hide()
	}
}

// show filters the list to one group, starting with no search (the zero filter
// shows everyone again).
func (gr *customerGroups) show(f data.CustomerFilter, label string) {
	s := gr.s
	s.filter.Query = ""
	s.search.OnChanged = nil
	s.search.SetText("")
	s.search.OnChanged = s.searchChanged
	gr.filterTo(f, label, lang.L("customers.filter.showing", map[string]any{"Group": label}))
}

// showAll is 「显示全部」: it leaves the group and keeps the search, so a search that
// found nothing in the group shows its matches among all customers, as the no-match
// message promises.
func (gr *customerGroups) showAll() {
	gr.s.filter.Query = gr.s.search.Text // also a search still waiting for typing to pause
	gr.filterTo(data.CustomerFilter{}, "", "")
}

// filterTo replaces every condition of the filter by f's (the search, the sort and the
// direction stay) and reloads; name is the group as the seller knows it, banner what
// the bar above the list says.
func (gr *customerGroups) filterTo(f data.CustomerFilter, name, banner string) {
	s := gr.s
	f = f.Selection()
	f.Query, f.Sort, f.Desc = s.filter.Query, s.filter.Sort, s.filter.Desc
	s.filter = f
	gr.name = name
	gr.label.SetText(banner)
	gr.update()
	s.newList()
}

// togglePicking turns multi-select on or off, with nobody picked.
func (gr *customerGroups) togglePicking() {
	gr.picking = !gr.picking
	gr.picked = map[int64]bool{}
	gr.update()
	gr.s.table.Refresh()
}

// pick toggles a customer in the multi-selection; it reports whether picking is on.
func (gr *customerGroups) pick(id int64) bool {
	if !gr.picking {
		return false
	}
	if gr.picked[id] {
		delete(gr.picked, id)
	} else {
		gr.picked[id] = true
	}
	gr.update()
	gr.s.table.UnselectAll()
	gr.s.table.Refresh()
	return true
}

// mark is shown before the nick while picking.
func (gr *customerGroups) mark(c *data.Customer) string {
	switch {
	case !gr.picking:
		return ""
	case gr.picked[c.ID]:
		return "☑ "
	}
	return "☐ "
}

// tagPicked adds (or removes) one tag on every picked customer.
func (gr *customerGroups) tagPicked(add bool) {
	s := gr.s
	ids := gr.pickedIDs()
	if len(ids) == 0 {
		return
	}
	title := lang.L("customers.tag.title", map[string]any{"Count": len(ids)})
	if !add {
		title = lang.L("customers.untag.title", map[string]any{"Count": len(ids)})
	}
	ui.AskTag(s.win, title, "", func(tag string) {
		var n int
		var err error
		done := "customers.tag.done"
		if add {
			n, err = s.store.TagCustomers(context.Background(), ids, tag)
		} else {
			n, err = s.store.UntagCustomers(context.Background(), ids, tag)
			done = "customers.untag.done"
		}
		if err != nil {
			ui.ShowError(s.win, err)
			return
		}
		gr.picked = map[int64]bool{}
		gr.update()
		s.Refresh()
		dialog.ShowInformation(title, lang.L(done, map[string]any{"Count": n, "Tag": tag}), s.win)
	})
}

// rate adds today's RFM rating to customers not yet shown (off the UI goroutine).
func (s *Screen) rate(rows []*data.Customer) error {
	return s.store.RateCustomers(context.Background(), rows)
}

// rateIfReady rates a page about to be shown when that is one cheap query; otherwise
// (today's parameters need a whole-shop pass first) it reports false and the page is
// shown with its tiers and tags while rateLater fills in the segments.
func (s *Screen) rateIfReady(rows []*data.Customer) (bool, error) {
	if !s.store.RatingsReady(context.Background()) {
		return false, nil
	}
	return true, s.rate(rows)
}

// rateLater fetches the ratings of a page already shown and sets them on the UI
// goroutine, unless the list moved on to another filter meanwhile.
func (s *Screen) rateLater(rows []*data.Customer) {
	gen := s.pages.gen
	ids := make([]int64, len(rows))
	for i, c := range rows {
		ids[i] = c.ID
	}
	s.spawn(func() {
		ratings, err := s.store.Ratings(context.Background(), ids)
		fyne.Do(func() {
			if gen != s.pages.gen {
				return
			}
			if err != nil {
				ui.ShowError(s.win, err)
				return
			}
			for _, c := range rows {
				c.Rating = ratings[c.ID]
			}
			s.table.Refresh()
		})
	})
}

// addGroupCards adds the customer's RFM segment and dormancy to the detail's stats.
func addGroupCards(stats *fyne.Container, c *data.Customer) {
	r := c.Rating
	if r.Segment == "" {
		return
	}
	stats.Add(statCard(lang.L("detail.rfm"), lang.L("detail.rfm_value", map[string]any{
		"Segment": i18n.SegmentName(r.Segment), "R": r.R, "F": r.F, "M": r.M})))
	if r.Dormant {
		stats.Add(statCard(lang.L("detail.dormant"), fmt.Sprint(lang.L("detail.days_ago", map[string]any{"Days": r.RecencyDays}))))
	}
}
