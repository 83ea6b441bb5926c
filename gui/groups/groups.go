package groups

import (
	"context"
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// Screen is 分组: tiers with editable thresholds and live counts, the RFM
// segments, dormant buyers, tags, saved groups and charts. Every group opens as a filtered customer
// list, exports, copies its phones and can be saved as a tag.
type Screen struct {
	win   fyne.Window
	store Store
	now   func() time.Time // the store's clock
	spawn func(func())
	// OnOpen shows the customer list filtered to a group named label.
	OnOpen func(f data.CustomerFilter, label string)
	// OnOutreach starts sending a group's buyers a message one by one (逐个发送);
	// OnMessageSheet exports their messages as a sheet (导出短信表).
	OnOutreach, OnMessageSheet func(f data.CustomerFilter, label string)
	// OnEditSaved opens the 客户 filter panel on a saved group's conditions (修改条件).
	OnEditSaved func(g *data.SavedGroup)
	// OnSavedChanged is told after a saved group was renamed (now is it under its new
	// name) or deleted (now is nil), for a list showing it (optional).
	OnSavedChanged func(old data.SavedGroup, now *data.SavedGroup)

	// Content is the screen, for the navigation rail.
	Content fyne.CanvasObject
	summary *widget.Label
	tiers   *tierEditor
	rfm     *fyne.Container
	dormant *fyne.Container
	tags    *fyne.Container
	saved   *fyne.Container // the saved groups (saved.go)
	tabs    *container.AppTabs
	charts  [6]*chart
	seq     int
	loaded  bool // a reload has shown every part once
}

// New builds the screen on store; now is the store's clock and spawn runs slow work
// off the UI goroutine (tests pass a synchronous one). Call Reload when it is shown.
func New(win fyne.Window, store Store, now func() time.Time, spawn func(func())) *Screen {
	s := &Screen{win: win, store: store, now: now, spawn: spawn}
	s.summary = widget.NewLabel("")
	s.tiers = newTierEditor(s)
	s.rfm = container.NewVBox()
	s.dormant = container.NewVBox()
	s.tags = container.NewVBox()
	s.saved = container.NewVBox()
	yuan := func(v float64) string { return fmt.Sprintf("%.0f", v) }
	count := func(v float64) string { return fmt.Sprintf("%.0f", v) }
	s.charts = [6]*chart{
		newChart(lang.L("groups.chart.tier_customers"), false, count),
		newChart(moneyTitle("groups.chart.tier_value"), false, yuan),
		newChart(lang.L("groups.chart.segment_customers"), false, count),
		newChart(moneyTitle("groups.chart.segment_value"), false, yuan),
		newChart(moneyTitle("groups.chart.sales"), true, yuan),
		newChart(lang.L("groups.chart.buyers"), false, count),
	}
	charts := container.NewGridWithColumns(2)
	for _, c := range s.charts {
		charts.Add(c)
	}
	s.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("groups.tab.tiers"), s.tiers.content),
		container.NewTabItem(lang.L("groups.tab.rfm"), container.NewVScroll(s.rfm)),
		container.NewTabItem(lang.L("groups.tab.dormant"), container.NewVScroll(s.dormant)),
		container.NewTabItem(lang.L("groups.tab.tags"), container.NewVScroll(s.tags)),
		container.NewTabItem(lang.L("groups.tab.saved"), container.NewVScroll(s.saved)),
		container.NewTabItem(lang.L("groups.tab.charts"), container.NewVScroll(charts)),
	)
	refresh := widget.NewButtonWithIcon("", theme.ViewRefreshIcon(), s.Reload)
	s.Content = container.NewBorder(container.NewPadded(container.NewBorder(nil, nil, nil, refresh, s.summary)), nil, nil, nil, s.tabs)
	return s
}

// Reload regroups the shop as of today off the UI goroutine, in three steps that each
// show as soon as they are in: the tier table's counts (one pass over the customers'
// stored stats, well under a second on 200k customers), then the summary, RFM
// segments, dormant buyers and tags, then the monthly charts; the saved groups are
// counted beside them. On the first open each
// part says it is being counted until its figures arrive; a later reload keeps the
// figures on screen until the new ones replace them.
func (s *Screen) Reload() {
	s.seq++
	if !s.loaded {
		s.showLoading()
	}
	s.reloadTiers(s.seq)
	s.reloadSaved(s.seq)
}

// reloadTiers counts the tiers, shows them, then goes on with the groups.
func (s *Screen) reloadTiers(seq int) {
	s.spawn(func() {
		ctx := context.Background()
		tiers, err := s.store.Tiers(ctx)
		var counts []data.GroupCount
		if err == nil {
			counts, err = s.store.TierCounts(ctx, tiers)
		}
		s.deliver(seq, err, func() {
			s.tiers.show(tiers, counts)
			s.reloadGroups(seq)
		})
	})
}

// reloadGroups regroups the shop as of today, shows it, then goes on with the charts.
func (s *Screen) reloadGroups(seq int) {
	now := s.now().In(time.Local)
	s.spawn(func() {
		g, err := s.store.Regroup(context.Background(), now)
		s.deliver(seq, err, func() {
			s.apply(g)
			s.reloadCharts(seq, g, now)
		})
	})
}

// reloadCharts fetches the monthly figures and draws every chart.
func (s *Screen) reloadCharts(seq int, g *data.Grouping, now time.Time) {
	s.spawn(func() {
		months, err := s.store.MonthlyStats(context.Background(), lastFullMonth(now), 12)
		s.deliver(seq, err, func() {
			s.loaded = true
			s.showCharts(g, months)
		})
	})
}

// deliver shows a step's result on the UI goroutine, unless a newer reload started
// meanwhile; a failed step is shown in the window and ends the reload.
func (s *Screen) deliver(seq int, err error, show func()) {
	fyne.Do(func() {
		if seq != s.seq {
			return
		}
		if err != nil {
			ui.ShowError(s.win, err)
			return
		}
		show()
	})
}

// showLoading puts "counting…" where each part's figures will go.
func (s *Screen) showLoading() {
	text := lang.L("groups.loading")
	s.summary.SetText(text)
	s.tiers.showLoading(text)
	for _, c := range []*fyne.Container{s.rfm, s.dormant, s.tags, s.saved} {
		c.RemoveAll()
		c.Add(widget.NewLabel(text))
	}
}

// apply shows a grouping: the summary, the tiers (unless the seller is editing them),
// the RFM segments, dormant buyers and tags.
func (s *Screen) apply(g *data.Grouping) {
	s.summary.SetText(lang.L("groups.summary", map[string]any{"Date": g.Params.AsOf.Format(data.DateLayout),
		"Customers": g.All.Customers, "Buyers": g.Params.Buyers, "Total": ui.Money(g.All.TotalFen)}))
	if !s.tiers.dirty {
		s.tiers.load(g)
	}
	s.showRFM(g)
	s.showDormant(g)
	s.showTags(g)
}

// lastFullMonth is a day of the last month that is over: the monthly charts end
// there, since a month two days old plotted beside whole ones reads as a collapse.
func lastFullMonth(now time.Time) time.Time {
	return time.Date(now.Year(), now.Month(), 1, 12, 0, 0, 0, now.Location()).AddDate(0, 0, -1)
}

// moneyTitle is a chart's title with the archive's currency mark as its unit.
func moneyTitle(key string) string {
	return lang.L(key, map[string]any{"Unit": ui.CurrencySymbol()})
}

// countText is "12 位 · ¥3400.00 · 25.0%".
func countText(c, all data.GroupCount) string {
	return lang.L("groups.count_share", map[string]any{"Count": c.Customers, "Total": ui.Money(c.TotalFen),
		"Share": fmt.Sprintf("%.1f%%", 100*c.Share(all))})
}

// groupRow is one group: name and hint, its count and share, and its actions.
func (s *Screen) groupRow(name, hint string, c, all data.GroupCount, f data.CustomerFilter) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	info := widget.NewLabel(countText(c, all))
	info.Wrapping = fyne.TextWrapWord // on a narrow window the figures wrap instead of widening it
	left := container.NewVBox(container.NewBorder(nil, nil, title, nil, info))
	if hint != "" {
		h := widget.NewLabel(hint)
		h.SizeName = theme.SizeNameCaptionText
		h.Wrapping = fyne.TextWrapWord
		left.Add(h)
	}
	return container.NewBorder(nil, nil, nil, s.groupActions(f, name), left)
}

func (s *Screen) showRFM(g *data.Grouping) {
	s.rfm.RemoveAll()
	p := g.Params
	if p.Buyers == 0 {
		s.rfm.Add(widget.NewLabel(lang.L("groups.rfm.none")))
		return
	}
	s.rfm.Add(widget.NewLabel(lang.L("groups.rfm.averages", map[string]any{"Recency": fmt.Sprintf("%.0f", p.AvgRecency),
		"Trades": fmt.Sprintf("%.1f", p.AvgTrades), "Total": ui.Money(int64(p.AvgTotalFen))})))
	for _, sg := range g.Segments {
		name := i18n.SegmentName(sg.Segment) + "  " + rfmLetters(sg.Segment)
		s.rfm.Add(s.groupRow(name, lang.L("segment."+string(sg.Segment)+".hint"), sg.GroupCount, g.All, data.CustomerFilter{Segment: sg.Segment}))
	}
	s.rfm.Add(widget.NewSeparator())
	cuts := container.NewGridWithColumns(3)
	for _, dim := range []struct {
		title string
		cuts  data.Cuts
		words []string
	}{
		{lang.L("groups.rfm.r"), p.R, recencyWords(p.R)},
		{lang.L("groups.rfm.f"), p.F, tradeWords(p.F)},
		{lang.L("groups.rfm.m"), p.M, totalWords(p.M)},
	} {
		box := container.NewVBox(widget.NewLabelWithStyle(dim.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		how := lang.L("groups.cut.quintile")
		if dim.cuts.Fixed {
			how = lang.L("groups.cut.fixed")
		}
		hl := widget.NewLabel(how)
		hl.Wrapping = fyne.TextWrapWord
		hl.SizeName = theme.SizeNameCaptionText
		box.Add(hl)
		for _, w := range dim.words {
			box.Add(widget.NewLabel(w))
		}
		cuts.Add(box)
	}
	s.rfm.Add(cuts)
}

// rfmLetters shows a segment as "R高 F低 M高".
func rfmLetters(g data.Segment) string {
	out := ""
	for i, d := range []string{"R", "F", "M"} {
		v := lang.L("groups.rfm.low")
		if g[i] == 'H' {
			v = lang.L("groups.rfm.high")
		}
		if i > 0 {
			out += " "
		}
		out += lang.L("qa.rfm.letter", map[string]any{"Dim": d, "Level": v})
	}
	return out
}

func (s *Screen) showDormant(g *data.Grouping) {
	s.dormant.RemoveAll()
	days := g.Params.DormantDays
	rule := widget.NewLabel(lang.L("groups.dormant.rule", map[string]any{"Days": days, "Factor": data.DormantIntervalFactor, "Min": days / 3}))
	rule.Wrapping = fyne.TextWrapWord
	entry := widget.NewEntry()
	entry.SetText(fmt.Sprint(days))
	save := widget.NewButton(lang.L("groups.dormant.save"), func() {
		var n int
		if _, err := fmt.Sscan(entry.Text, &n); err != nil {
			n = -1
		}
		if err := s.store.SetDormantDays(context.Background(), n); err != nil {
			ui.ShowError(s.win, err)
			return
		}
		s.Reload()
	})
	s.dormant.Add(container.NewHBox(widget.NewLabel(lang.L("groups.dormant.days")), container.NewGridWrap(fyne.NewSize(90, entry.MinSize().Height), entry), save))
	s.dormant.Add(rule)
	s.dormant.Add(s.groupRow(lang.L("groups.dormant"), lang.L("groups.dormant.hint"), g.Dormant, g.All, data.CustomerFilter{Dormant: true}))
}

func (s *Screen) showTags(g *data.Grouping) {
	s.tags.RemoveAll()
	if len(g.Tags) == 0 {
		l := widget.NewLabel(lang.L("groups.tags.none"))
		l.Wrapping = fyne.TextWrapWord
		s.tags.Add(l)
		return
	}
	for _, t := range g.Tags {
		tag := t.Name
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			ui.Confirm(s.win, lang.L("groups.tag.delete"), lang.L("groups.tag.delete.message", map[string]any{"Tag": tag}),
				lang.L("action.delete"), func() {
					if err := s.store.DeleteTag(context.Background(), tag); err != nil {
						ui.ShowError(s.win, err)
						return
					}
					s.Reload()
				})
		})
		del.Importance = widget.LowImportance
		s.tags.Add(container.NewBorder(nil, nil, nil, del, s.groupRow(tag, "", t.GroupCount, g.All, data.CustomerFilter{Tag: tag})))
	}
}

var (
	chartBlue  = color.NRGBA{R: 0x2f, G: 0x6f, B: 0xd6, A: 0xff}
	chartGreen = color.NRGBA{R: 0x2e, G: 0xa0, B: 0x5a, A: 0xff}
)

func (s *Screen) showCharts(g *data.Grouping, months []data.MonthStat) {
	var tierNames []string
	var tierN, tierV []float64
	for _, t := range g.Tiers {
		tierNames = append(tierNames, i18n.TierName(t.Tier.Name))
		tierN = append(tierN, float64(t.Customers))
		tierV = append(tierV, float64(t.TotalFen)/100)
	}
	var segNames []string
	var segN, segV []float64
	for _, sg := range g.Segments {
		segNames = append(segNames, i18n.SegmentName(sg.Segment))
		segN = append(segN, float64(sg.Customers))
		segV = append(segV, float64(sg.TotalFen)/100)
	}
	var monthNames []string
	var sales, fresh, back []float64
	for _, m := range months {
		monthNames = append(monthNames, m.Month.Format("06-01"))
		sales = append(sales, float64(m.SalesFen)/100)
		fresh = append(fresh, float64(m.NewBuyers))
		back = append(back, float64(m.Returning()))
	}
	one := func(v []float64) chartSeries { return chartSeries{color: chartBlue, values: v} }
	for i, key := range map[int]string{1: "groups.chart.tier_value", 3: "groups.chart.segment_value", 4: "groups.chart.sales"} {
		s.charts[i].title = moneyTitle(key) // the archive's currency may have changed since the last load
	}
	s.charts[0].set(tierNames, one(tierN))
	s.charts[1].set(tierNames, one(tierV))
	s.charts[2].set(segNames, one(segN))
	s.charts[3].set(segNames, one(segV))
	s.charts[4].set(monthNames, one(sales))
	s.charts[5].set(monthNames, chartSeries{lang.L("groups.chart.new"), chartGreen, fresh},
		chartSeries{lang.L("groups.chart.returning"), chartBlue, back})
}

// GroupLists are the RFM and dormant tabs' contents by name, for the shell's check
// that they fit a 1024 px window beside the navigation rail.
func (s *Screen) GroupLists() map[string]fyne.CanvasObject {
	return map[string]fyne.CanvasObject{"RFM": s.rfm, "Dormant": s.dormant}
}
