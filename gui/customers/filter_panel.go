package customers

import (
	"context"
	"log"
	"reflect"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// filterPanel is 筛选: every condition a customer filter has, in four plain sections
// (购买, 时间, 客户资料, 分组与状态), the live count of the buyers who match, and
// 应用 / 保存为分组 / 重置. It is built afresh each time it opens, from the list's
// current filter or a saved group's.
type filterPanel struct {
	s        *Screen
	sections []filterSection
	// tiers and tags are the seller's own, read from the store when the panel opens:
	// the tier and tag choices list them after 不限.
	tiers, tags []string
	status      *ui.WrapLabel
	dialog      *dialog.CustomDialog
	// editing is the saved group 修改条件 opened; saving then updates it. nil for a
	// new filter.
	editing  *data.SavedGroup
	loading  bool // rows are being filled from a filter: no recount per row
	seq      int  // newest count asked for; older answers are dropped
	debounce *time.Timer
}

// openFilterPanel reads the seller's tiers and tags off the UI goroutine, then shows
// the panel filled with f. editing is the saved group being changed, or nil.
func (s *Screen) openFilterPanel(f data.CustomerFilter, editing *data.SavedGroup) {
	s.spawn(func() {
		ctx := context.Background()
		tiers, err := s.store.Tiers(ctx)
		var tags []string
		if err == nil {
			tags, err = s.store.TagNames(ctx)
		}
		fyne.Do(func() {
			if err != nil {
				ui.ShowError(s.win, err)
				return
			}
			p := &filterPanel{s: s, editing: editing, tags: tags}
			for _, t := range tiers {
				p.tiers = append(p.tiers, t.Name)
			}
			s.panel = p
			p.show(f)
		})
	})
}

// show builds the panel's rows, fills them with f and opens it over the window.
func (p *filterPanel) show(f data.CustomerFilter) {
	s := p.s
	p.status = ui.NewWrapLabel("")
	p.status.TextStyle.Bold = true
	p.loading = true // building sets each row's start value: no count per row
	p.sections = p.buildSections(f)
	// One grid for every section, so the boxes of all four line up under each other.
	form := container.New(layout.NewFormLayout())
	for i, sec := range p.sections {
		if i > 0 {
			form.Add(widget.NewSeparator())
			form.Add(widget.NewSeparator())
		}
		form.Add(widget.NewLabelWithStyle(sec.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		form.Add(layout.NewSpacer())
		for _, r := range sec.rows {
			form.Add(widget.NewLabelWithStyle(r.label, fyne.TextAlignTrailing, fyne.TextStyle{}))
			form.Add(r.obj)
			for _, e := range r.entries() {
				e.OnSubmitted = func(string) { p.apply() } // Enter applies, as in the other forms
			}
		}
	}
	p.load(f)

	title := lang.L("groupsui.title")
	saveText := lang.L("groupsui.save")
	if p.editing != nil {
		title = lang.L("groupsui.edit_title", map[string]any{"Name": p.editing.Name})
		saveText = lang.L("groupsui.save_edit")
	}
	body := container.NewBorder(container.NewVBox(p.status, widget.NewSeparator()), nil, nil, nil, ui.NewPageScroll(form))
	p.dialog = dialog.NewCustomWithoutButtons(title, body, s.win)
	cancel := widget.NewButton(lang.L("action.cancel"), p.dialog.Hide)
	reset := widget.NewButton(lang.L("groupsui.reset"), p.reset)
	save := widget.NewButton(saveText, p.save)
	apply := widget.NewButton(lang.L("groupsui.apply"), p.apply)
	apply.Importance = widget.HighImportance
	p.dialog.SetButtons([]fyne.CanvasObject{cancel, reset, save, apply})
	p.dialog.SetOnClosed(func() { p.seq++ }) // a count still running is not shown
	size := s.win.Canvas().Size()
	p.dialog.Resize(fyne.NewSize(min(660, size.Width*0.92), min(660, size.Height*0.92)))
	p.dialog.Show()
	p.recount()
}

// load shows f in every row, without recounting at each.
func (p *filterPanel) load(f data.CustomerFilter) {
	p.loading = true
	for _, sec := range p.sections {
		for _, r := range sec.rows {
			r.load(f)
		}
	}
	p.loading = false
}

// row is the row labelled label, nil for none.
func (p *filterPanel) row(label string) *filterRow {
	for _, sec := range p.sections {
		for _, r := range sec.rows {
			if r.label == label {
				return r
			}
		}
	}
	return nil
}

// read is the filter the rows hold now, or the sentence that says which text cannot
// be read or which bound is wrong.
func (p *filterPanel) read() (data.CustomerFilter, string) {
	var f data.CustomerFilter
	for _, sec := range p.sections {
		for _, r := range sec.rows {
			if problem := r.read(&f); problem != "" {
				return f, problem
			}
		}
	}
	if err := f.Validate(); err != nil {
		return f, i18n.Message(err)
	}
	return f, ""
}

// changed is told of every edit: the count follows once typing pauses, as the
// search does.
func (p *filterPanel) changed() {
	if p.loading {
		return
	}
	if p.debounce != nil {
		p.debounce.Stop()
	}
	if p.s.SearchDelay == 0 {
		p.recount()
		return
	}
	p.debounce = time.AfterFunc(p.s.SearchDelay, func() { fyne.Do(p.recount) })
}

// recount shows how many customers match and their value, counted off the UI
// goroutine; a bound that cannot be read shows why instead.
func (p *filterPanel) recount() {
	p.seq++
	seq := p.seq
	f, problem := p.read()
	if problem != "" {
		p.showStatus(problem, widget.DangerImportance)
		return
	}
	p.showStatus(lang.L("groupsui.counting"), widget.MediumImportance)
	p.s.spawn(func() {
		n, total, err := p.s.store.CountFiltered(context.Background(), f)
		fyne.Do(func() {
			if seq != p.seq {
				return
			}
			if err != nil {
				log.Printf("error: count filtered customers: %v", err)
				p.showStatus(i18n.Message(err), widget.DangerImportance)
				return
			}
			p.showStatus(lang.L("groupsui.count", map[string]any{"Count": n, "Total": ui.Money(total)}), widget.MediumImportance)
		})
	})
}

func (p *filterPanel) showStatus(text string, imp widget.Importance) {
	p.status.Importance = imp
	p.status.SetText(text)
	p.status.Refresh()
}

// reset empties every row.
func (p *filterPanel) reset() {
	p.load(data.CustomerFilter{})
	p.recount()
}

// apply filters the list to the panel's conditions (the search box still narrows it).
func (p *filterPanel) apply() {
	f, problem := p.read()
	if problem != "" {
		p.showStatus(problem, widget.DangerImportance)
		return
	}
	p.dialog.Hide()
	p.s.groups.filterTo(f, lang.L("groupsui.result"),
		lang.L("groupsui.banner", map[string]any{"Count": conditionCount(f)}))
}

// save keeps the panel's conditions as a saved group: a new one under a name the
// seller gives, or the group 修改条件 opened. The list then shows the group.
func (p *filterPanel) save() {
	f, problem := p.read()
	if problem != "" {
		p.showStatus(problem, widget.DangerImportance)
		return
	}
	if p.editing != nil {
		g := *p.editing
		g.Filter = f
		if err := p.s.store.SaveGroup(context.Background(), &g); err != nil {
			p.showStatus(ui.GroupNameProblem(err, g.Name), widget.DangerImportance)
			return
		}
		p.saved(&g)
		return
	}
	ui.AskGroupName(p.s.win, lang.L("groupsui.save"), lang.L("action.save"), "", func(name string) error {
		g := &data.SavedGroup{Name: name, Filter: f}
		if err := p.s.store.SaveGroup(context.Background(), g); err != nil {
			return err
		}
		p.saved(g)
		dialog.ShowInformation(lang.L("groupsui.save"), lang.L("groupsui.saved", map[string]any{"Name": g.Name}), p.s.win)
		return nil
	})
}

// saved closes the panel on a saved group and shows its customers.
func (p *filterPanel) saved(g *data.SavedGroup) {
	p.dialog.Hide()
	p.s.groups.filterTo(g.Filter, g.Name, lang.L("customers.filter.showing", map[string]any{"Group": g.Name}))
	if p.s.OnGroupsChanged != nil {
		p.s.OnGroupsChanged()
	}
}

// conditionCount is how many conditions f sets (the search, sort and paging aside),
// for the banner: every field of the selection that is not its zero value, so a
// condition added to data.CustomerFilter later is counted too.
func conditionCount(f data.CustomerFilter) int {
	f = f.Selection()
	f.Query = ""
	v := reflect.ValueOf(f)
	n := 0
	for i := range v.NumField() {
		if !v.Field(i).IsZero() {
			n++
		}
	}
	return n
}
