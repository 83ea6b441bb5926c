package groups

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// tierEditor is the tier table: names and thresholds edited in place, the customers,
// value and share each tier would hold shown live as thresholds are typed, saved
// together.
type tierEditor struct {
	screen  *Screen
	content fyne.CanvasObject
	rows    *fyne.Container
	status  *widget.Label
	save    *widget.Button
	undo    *widget.Button
	// totalHead is the threshold column's heading, with the archive's currency mark.
	totalHead *widget.Label

	saved []*data.Tier // as stored
	all   data.GroupCount
	lines []*tierLine
	dirty bool
	seq   int
}

// tierLine is one editable tier.
type tierLine struct {
	tier   *data.Tier
	name   *widget.Entry
	trades *widget.Entry
	total  *widget.Entry
	count  *widget.Label
	row    fyne.CanvasObject
}

func newTierEditor(s *Screen) *tierEditor {
	e := &tierEditor{screen: s, rows: container.NewVBox(), status: widget.NewLabel("")}
	e.status.Wrapping = fyne.TextWrapWord
	e.save = widget.NewButtonWithIcon(lang.L("groups.tier.save"), theme.DocumentSaveIcon(), e.saveTiers)
	e.save.Importance = widget.HighImportance
	e.undo = widget.NewButton(lang.L("groups.tier.undo"), func() { e.edit(e.saved) })
	add := widget.NewButtonWithIcon(lang.L("groups.tier.add"), theme.ContentAddIcon(), e.addTier)
	help := widget.NewLabel(lang.L("groups.tier.rule_help"))
	help.Wrapping = fyne.TextWrapWord
	counts := bold(lang.L("groups.customers") + " · " + lang.L("groups.value") + " · " + lang.L("groups.share"))
	e.totalHead = bold("")
	head := tierColumns(bold(lang.L("groups.tier.name")), bold(lang.L("groups.tier.min_trades")), e.totalHead, counts)
	bar := container.NewHBox(add, layout.NewSpacer(), e.undo, e.save)
	e.content = container.NewBorder(container.NewVBox(help, head), container.NewVBox(e.status, bar), nil, nil,
		ui.NewPageScroll(e.rows)) // the wheel scrolls the table over its fields too
	return e
}

// The tier table's column widths: name, trades, total, counts; the actions follow
// the counts, so the table fits a 1024 px screen in both languages without
// scrolling sideways (TestTierTableFitsTheWindow).
const (
	tierNameWidth   = 150
	tierTradesWidth = 84
	tierTotalWidth  = 124
	tierCountWidth  = 220
)

// tierColumns lays out name, trades, total and counts at the table's column widths,
// then any more objects (the actions); trades may be nil when one object (the base
// tier's note) spans both threshold columns.
func tierColumns(name, trades, total, count fyne.CanvasObject, more ...fyne.CanvasObject) *fyne.Container {
	h := widget.NewEntry().MinSize().Height
	fixed := func(w float32, o fyne.CanvasObject) fyne.CanvasObject {
		return container.New(layout.NewGridWrapLayout(fyne.NewSize(w, h)), o)
	}
	row := container.NewHBox(fixed(tierNameWidth, name))
	if trades == nil {
		row.Add(fixed(tierTradesWidth+tierTotalWidth+theme.Padding(), total))
	} else {
		row.Add(fixed(tierTradesWidth, trades))
		row.Add(fixed(tierTotalWidth, total))
	}
	row.Add(fixed(tierCountWidth, count))
	for _, o := range more {
		row.Add(o)
	}
	return row
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// load shows the stored tiers with the grouping's counts.
func (e *tierEditor) load(g *data.Grouping) {
	tiers := make([]*data.Tier, len(g.Tiers))
	counts := make([]data.GroupCount, len(g.Tiers))
	for i, t := range g.Tiers {
		tiers[i], counts[i] = t.Tier, t.GroupCount
	}
	e.show(tiers, counts)
}

// show shows the stored tiers with their counts (every customer is in one tier, so
// the counts add up to the whole shop).
func (e *tierEditor) show(tiers []*data.Tier, counts []data.GroupCount) {
	e.totalHead.SetText(lang.L("groups.tier.min_total", map[string]any{"Unit": ui.CurrencySymbol()}))
	e.saved = nil
	e.all = data.GroupCount{}
	for i, t := range tiers {
		c := *t
		e.saved = append(e.saved, &c)
		if i < len(counts) {
			e.all.Add(counts[i])
		}
	}
	e.rebuild(e.saved)
	for i := range e.lines {
		if i < len(counts) {
			e.lines[i].count.SetText(countText(counts[i], e.all))
		}
	}
}

// showLoading empties the table but for a line saying its figures are being counted.
func (e *tierEditor) showLoading(text string) {
	e.rows.RemoveAll()
	e.lines = nil
	e.rows.Add(widget.NewLabel(text))
}

// edit rebuilds the rows from tiers (copied, so edits never touch them) and counts
// them again.
func (e *tierEditor) edit(tiers []*data.Tier) {
	e.rebuild(tiers)
	e.preview()
}

// rebuild makes the rows of tiers (copied), not yet edited.
func (e *tierEditor) rebuild(tiers []*data.Tier) {
	e.rows.RemoveAll()
	e.lines = nil
	for i, t := range tiers {
		c := *t
		e.lines = append(e.lines, e.newLine(&c, i))
	}
	for _, l := range e.lines {
		e.rows.Add(l.row)
	}
	e.setDirty(false)
}

func (e *tierEditor) newLine(t *data.Tier, i int) *tierLine {
	l := &tierLine{tier: t, name: widget.NewEntry(), trades: widget.NewEntry(), total: widget.NewEntry(), count: widget.NewLabel("")}
	l.name.SetText(i18n.TierName(t.Name))
	if t.MinTrades != nil {
		l.trades.SetText(strconv.Itoa(*t.MinTrades))
	}
	if t.MinTotalFen != nil {
		l.total.SetText(ui.Amount(*t.MinTotalFen))
	}
	changed := func(string) { e.setDirty(true); e.preview() }
	l.name.OnChanged = func(string) { e.setDirty(true) }
	l.trades.OnChanged, l.total.OnChanged = changed, changed
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { e.removeLine(l) })
	remove.Importance = widget.LowImportance
	l.count.Truncation = fyne.TextTruncateEllipsis
	var actions fyne.CanvasObject = widget.NewLabel("")
	if t.ID != 0 { // a saved tier can be opened, exported, copied and tagged
		actions = e.screen.compactGroupActions(data.CustomerFilter{Tier: t.Name}, i18n.TierName(t.Name))
	}
	if i == 0 { // the base tier holds everyone else and keeps its place
		base := widget.NewLabel(lang.L("groups.tier.base"))
		base.Truncation = fyne.TextTruncateEllipsis
		remove.Hide()
		l.row = tierColumns(l.name, nil, base, l.count, actions)
		return l
	}
	l.row = tierColumns(l.name, l.trades, l.total, l.count, actions, remove)
	return l
}

func (e *tierEditor) setDirty(d bool) {
	e.dirty = d
	if d {
		e.status.SetText(lang.L("groups.tier.unsaved"))
		e.save.Enable()
		e.undo.Enable()
	} else {
		e.status.SetText("")
		e.save.Disable()
		e.undo.Disable()
	}
}

// draft reads the tiers as typed; ok is false while a threshold is not a number.
func (e *tierEditor) draft() ([]*data.Tier, bool) {
	var out []*data.Tier
	for _, l := range e.lines {
		t := *l.tier
		if name := strings.TrimSpace(l.name.Text); name != i18n.TierName(t.Name) {
			t.Name = name
		}
		t.MinTrades, t.MinTotalFen = nil, nil
		if s := strings.TrimSpace(l.trades.Text); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				return nil, false
			}
			t.MinTrades = &n
		}
		if s := strings.TrimSpace(l.total.Text); s != "" {
			fen, err := data.ParseYuan(s)
			if err != nil {
				return nil, false
			}
			t.MinTotalFen = &fen
		}
		out = append(out, &t)
	}
	return out, true
}

// preview counts the tiers as typed, off the UI goroutine; a newer keystroke wins.
func (e *tierEditor) preview() {
	tiers, ok := e.draft()
	if !ok {
		e.status.SetText(lang.L("groups.tier.bad_number"))
		return
	}
	e.seq++
	seq := e.seq
	e.screen.spawn(func() {
		counts, err := e.screen.store.TierCounts(context.Background(), tiers)
		fyne.Do(func() {
			if seq != e.seq || len(counts) != len(e.lines) {
				return
			}
			if err != nil {
				ui.ShowError(e.screen.win, err)
				return
			}
			for i, c := range counts {
				e.lines[i].count.SetText(countText(c, e.all))
			}
		})
	})
}

func (e *tierEditor) addTier() {
	last := e.lines[len(e.lines)-1].tier
	n := 1
	if last.MinTrades != nil {
		n = *last.MinTrades * 2
	}
	t := &data.Tier{Name: lang.L("groups.tier.new_name"), MinTrades: &n}
	l := e.newLine(t, len(e.lines))
	e.lines = append(e.lines, l)
	e.rows.Add(l.row)
	e.setDirty(true)
	e.preview()
}

func (e *tierEditor) removeLine(l *tierLine) {
	for i, x := range e.lines {
		if x == l {
			e.lines = append(e.lines[:i], e.lines[i+1:]...)
			e.rows.Remove(l.row)
		}
	}
	e.setDirty(true)
	e.preview()
}

func (e *tierEditor) saveTiers() {
	tiers, ok := e.draft()
	if !ok {
		e.status.SetText(lang.L("groups.tier.bad_number"))
		return
	}
	if err := e.screen.store.SaveTiers(context.Background(), tiers); err != nil {
		ui.ShowError(e.screen.win, err)
		return
	}
	e.screen.Reload()
	e.status.SetText(lang.L("groups.tier.saved"))
}

// TierRows are the tier table and its rows, for the shell's check that every row fits
// the table in a full window (TestTierTableFitsTheWindow).
func (s *Screen) TierRows() (table fyne.CanvasObject, rows []fyne.CanvasObject) {
	for _, l := range s.tiers.lines {
		rows = append(rows, l.row)
	}
	return s.tiers.rows, rows
}
