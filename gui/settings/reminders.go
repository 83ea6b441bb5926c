package settings

import (
	"context"
	"strconv"
	"strings"

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

// reminderSettings is the 跟进提醒 section: each kind on or off with its days and
// whom it goes to (发送对象), the holidays greeted, the care frequency cap, and the
// message templates.
type reminderSettings struct {
	win     fyne.Window
	store   ReminderStore
	onSaved func()
	enabled map[data.ReminderKind]*widget.Check
	lead    map[data.ReminderKind]*widget.Entry
	after   *widget.Entry
	dormant *widget.Entry
	// targets are each kind's 发送对象 as edited (saved with the rules), named on
	// targetBtn; choices are the tiers and saved groups to choose from.
	targets   map[data.ReminderKind]ruleTargets
	targetBtn map[data.ReminderKind]*widget.Button
	choices   *targetChoices
	// targetDialog and targetEdit are the open 发送对象 dialog, for tests.
	targetDialog dialog.Dialog
	targetEdit   *targetEditor
	// capDays and capMessages are the frequency cap: at most capMessages care
	// messages per buyer in capDays days.
	capDays, capMessages *widget.Entry
	holidays             *checkGrid
	status               *widget.Label
	content              fyne.CanvasObject

	tplKind  *widget.Select
	tplBody  *widget.Entry
	tplKinds []data.ReminderKind
}

// ReminderStore keeps the reminder rules and message templates.
type ReminderStore interface {
	ReminderRules(ctx context.Context) (map[data.ReminderKind]*data.ReminderRule, error)
	SaveReminderRule(ctx context.Context, r *data.ReminderRule) error
	DormantDays(ctx context.Context) (int, error)
	SetDormantDays(ctx context.Context, days int) error
	Tiers(ctx context.Context) ([]*data.Tier, error)
	SavedGroups(ctx context.Context) ([]*data.SavedGroup, error)
	CareCap(ctx context.Context) (data.CareCap, error)
	SetCareCap(ctx context.Context, c data.CareCap) error
	Template(ctx context.Context, kind data.ReminderKind, lang string) (body string, custom bool, err error)
	SaveTemplate(ctx context.Context, kind data.ReminderKind, lang, body string) error
}

// Reminders is 跟进提醒; its values load each time 设置 is shown. onSaved is told
// after the rules were saved (the agenda follows them).
func Reminders(win fyne.Window, store ReminderStore, onSaved func()) Section {
	r := newReminderSettings(win, store, onSaved)
	return Section{title: lang.L("settings.reminders"), content: r.content, reload: r.load}
}

// newReminderSettings builds the section's widgets and loads the stored values.
func newReminderSettings(win fyne.Window, store ReminderStore, onSaved func()) *reminderSettings {
	r := &reminderSettings{win: win, store: store, onSaved: onSaved, enabled: map[data.ReminderKind]*widget.Check{},
		lead: map[data.ReminderKind]*widget.Entry{}, targets: map[data.ReminderKind]ruleTargets{},
		targetBtn: map[data.ReminderKind]*widget.Button{}, choices: &targetChoices{}}
	grid := container.New(layout.NewFormLayout())
	for _, k := range data.RuleKinds {
		r.enabled[k] = widget.NewCheck(lang.L("settings.reminders.enabled"), nil)
		row := container.NewHBox(r.enabled[k])
		if k != data.KindCustom && k != data.KindRevisit {
			r.lead[k] = widget.NewEntry()
			row.Add(widget.NewLabel(lang.L("settings.reminders.lead")))
			row.Add(sized(r.lead[k]))
		}
		switch k {
		case data.KindRevisit:
			r.after = widget.NewEntry()
			row.Add(widget.NewLabel(lang.L("settings.reminders.after")))
			row.Add(sized(r.after))
		case data.KindDormant:
			r.dormant = widget.NewEntry()
			row.Add(widget.NewLabel(lang.L("settings.reminders.dormant_days")))
			row.Add(sized(r.dormant))
		}
		kind := k
		r.targetBtn[k] = widget.NewButton("", func() { r.editTargets(kind) })
		r.targetBtn[k].Alignment = widget.ButtonAlignLeading
		grid.Add(widget.NewLabelWithStyle(i18n.ReminderKindName(k), fyne.TextAlignTrailing, fyne.TextStyle{}))
		// The 发送对象 button under the days: beside them the row is too wide for a
		// small screen in English.
		grid.Add(container.NewVBox(row, container.NewHBox(r.targetBtn[k])))
	}
	r.capDays, r.capMessages = widget.NewEntry(), widget.NewEntry()
	grid.Add(widget.NewLabelWithStyle(lang.L("settings.care.cap"), fyne.TextAlignTrailing, fyne.TextStyle{}))
	grid.Add(container.NewHBox(widget.NewLabel(lang.L("settings.care.cap_prefix")), sized(r.capDays),
		widget.NewLabel(lang.L("settings.care.cap_days")), sized(r.capMessages), widget.NewLabel(lang.L("settings.care.cap_messages"))))
	capHint := widget.NewLabel(lang.L("settings.care.cap_hint"))
	capHint.Wrapping = fyne.TextWrapWord
	var holidayNames []string
	for _, h := range data.Holidays {
		holidayNames = append(holidayNames, i18n.HolidayName(h.ID))
	}
	r.holidays = newCheckGrid()
	r.holidays.setOptions(holidayNames)
	r.status = widget.NewLabel("")
	save := widget.NewButton(lang.L("settings.reminders.save"), r.save)
	save.Importance = widget.HighImportance

	r.content = container.NewVBox(grid, capHint,
		widget.NewLabel(lang.L("settings.reminders.holidays")), r.holidays.content,
		container.NewHBox(save, r.status), widget.NewSeparator(), r.templateEditor())
	r.load()
	return r
}

func sized(e *widget.Entry) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(72, e.MinSize().Height), e)
}

// loadChoices reads the tiers and saved groups the targets are chosen from.
func (r *reminderSettings) loadChoices(ctx context.Context) error {
	tiers, err := r.store.Tiers(ctx)
	if err != nil {
		return err
	}
	groups, err := r.store.SavedGroups(ctx)
	if err != nil {
		return err
	}
	r.choices.tiers, r.choices.groups = nil, groups
	for _, t := range tiers {
		r.choices.tiers = append(r.choices.tiers, t.Name)
	}
	return nil
}

// load reads the rules, their targets, the cap, the dormant threshold and the
// template into the widgets.
func (r *reminderSettings) load() {
	ctx := context.Background()
	rules, err := r.store.ReminderRules(ctx)
	if err != nil {
		ui.ShowError(r.win, err)
		return
	}
	days, err := r.store.DormantDays(ctx)
	if err != nil {
		ui.ShowError(r.win, err)
		return
	}
	if err := r.loadChoices(ctx); err != nil {
		ui.ShowError(r.win, err)
		return
	}
	cap, err := r.store.CareCap(ctx)
	if err != nil {
		ui.ShowError(r.win, err)
		return
	}
	for k, c := range r.enabled {
		c.SetChecked(rules[k].Enabled)
	}
	for k, e := range r.lead {
		e.SetText(strconv.Itoa(rules[k].LeadDays))
	}
	for _, k := range data.RuleKinds {
		r.setTargets(k, targetsOf(rules[k]))
	}
	r.after.SetText(strconv.Itoa(rules[data.KindRevisit].AfterDays))
	r.dormant.SetText(strconv.Itoa(days))
	r.capDays.SetText(strconv.Itoa(cap.Days))
	r.capMessages.SetText(strconv.Itoa(cap.Messages))
	hr := rules[data.KindHoliday]
	var on []string
	for _, h := range data.Holidays {
		if hr.HolidayOn(h.ID) {
			on = append(on, i18n.HolidayName(h.ID))
		}
	}
	r.holidays.setSelected(on)
	r.status.SetText("")
	r.loadTemplate()
}

// save checks the numbers and stores every rule and the dormant threshold.
func (r *reminderSettings) save() {
	ctx := context.Background()
	rules, err := r.store.ReminderRules(ctx)
	if err != nil {
		ui.ShowError(r.win, err)
		return
	}
	number := func(e *widget.Entry, field string) (int, bool) {
		n, err := strconv.Atoi(strings.TrimSpace(e.Text))
		if err != nil {
			ui.ShowError(r.win, &data.ValidationError{Field: field, Code: data.CodeInvalid})
			return 0, false
		}
		return n, true
	}
	// The cap is checked before anything is written.
	var cap data.CareCap
	var ok bool
	if cap.Days, ok = number(r.capDays, "care_cap"); !ok {
		return
	}
	if cap.Messages, ok = number(r.capMessages, "care_cap"); !ok {
		return
	}
	if err := cap.Validate(); err != nil {
		ui.ShowError(r.win, err)
		return
	}
	for _, k := range data.RuleKinds {
		rule := rules[k]
		rule.Enabled = r.enabled[k].Checked
		if e := r.lead[k]; e != nil {
			if rule.LeadDays, ok = number(e, "lead_days"); !ok {
				return
			}
		}
		if k == data.KindRevisit {
			if rule.AfterDays, ok = number(r.after, "after_days"); !ok {
				return
			}
		}
		r.targets[k].fill(rule)
		if k == data.KindHoliday {
			r.fillHolidays(rule)
		}
		if err := r.store.SaveReminderRule(ctx, rule); err != nil {
			ui.ShowError(r.win, err)
			return
		}
	}
	days, ok := number(r.dormant, "dormant_days")
	if !ok {
		return
	}
	if err := r.store.SetCareCap(ctx, cap); err != nil {
		ui.ShowError(r.win, err)
		return
	}
	if err := r.store.SetDormantDays(ctx, days); err != nil {
		ui.ShowError(r.win, err)
		return
	}
	r.status.SetText(lang.L("settings.reminders.saved"))
	r.onSaved()
}

// fillHolidays copies the chosen holidays into rule.
func (r *reminderSettings) fillHolidays(rule *data.ReminderRule) {
	rule.HolidaysOff = nil
	for i, h := range data.Holidays {
		if !r.holidays.checks[i].Checked {
			rule.HolidaysOff = append(rule.HolidaysOff, h.ID)
		}
	}
}

// templateEditor edits the message template of one kind in the current language.
func (r *reminderSettings) templateEditor() fyne.CanvasObject {
	r.tplKinds = data.TemplateKinds
	var names []string
	for _, k := range r.tplKinds {
		names = append(names, i18n.ReminderKindName(k))
	}
	r.tplBody = widget.NewMultiLineEntry()
	r.tplBody.Wrapping = fyne.TextWrapWord
	r.tplBody.SetMinRowsVisible(3)
	r.tplKind = widget.NewSelect(names, func(string) { r.loadTemplate() })
	r.tplKind.SetSelectedIndex(0)
	hint := widget.NewLabel(lang.L("settings.reminders.placeholders"))
	hint.Wrapping = fyne.TextWrapWord
	save := widget.NewButton(lang.L("settings.reminders.save_template"), func() { r.saveTemplate(r.tplBody.Text) })
	reset := widget.NewButton(lang.L("settings.reminders.reset_template"), func() { r.saveTemplate("") })
	title := widget.NewLabelWithStyle(lang.L("settings.reminders.templates"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVBox(container.NewHBox(title, r.tplKind), r.tplBody, hint, container.NewHBox(save, reset))
}

func (r *reminderSettings) selectedTemplateKind() data.ReminderKind {
	return r.tplKinds[max(0, r.tplKind.SelectedIndex())]
}

// loadTemplate shows the seller's wording of the chosen kind, or the default.
func (r *reminderSettings) loadTemplate() {
	if r.tplBody == nil {
		return
	}
	k := r.selectedTemplateKind()
	body, custom, err := r.store.Template(context.Background(), k, ui.TemplateLang())
	if err != nil {
		ui.ShowError(r.win, err)
		return
	}
	if !custom {
		body = lang.L("template." + string(k))
	}
	r.tplBody.SetText(body)
}

// saveTemplate stores body for the chosen kind ("" restores the default).
func (r *reminderSettings) saveTemplate(body string) {
	if strings.TrimSpace(body) == lang.L("template."+string(r.selectedTemplateKind())) {
		body = "" // the default unchanged stays the default (and follows translation updates)
	}
	if err := r.store.SaveTemplate(context.Background(), r.selectedTemplateKind(), ui.TemplateLang(), body); err != nil {
		ui.ShowError(r.win, err)
		return
	}
	r.loadTemplate()
	r.status.SetText(lang.L("settings.reminders.saved"))
}

// checkGrid is a set of check boxes that wraps to the width it is given (a long
// horizontal CheckGroup would make the whole window wide).
type checkGrid struct {
	content *fyne.Container
	checks  []*widget.Check
}

func newCheckGrid() *checkGrid {
	return &checkGrid{content: container.NewGridWrap(fyne.NewSize(120, widget.NewCheck("", nil).MinSize().Height))}
}

// setOptions makes one check box per option, the cells as wide as the widest (an
// English holiday name is longer than the 120 px a Chinese one needs).
func (g *checkGrid) setOptions(options []string) {
	g.content.RemoveAll()
	g.checks = nil
	cell := fyne.NewSize(120, widget.NewCheck("", nil).MinSize().Height)
	for _, o := range options {
		c := widget.NewCheck(o, nil)
		g.checks = append(g.checks, c)
		g.content.Add(c)
		cell.Width = max(cell.Width, c.MinSize().Width)
	}
	g.content.Layout = layout.NewGridWrapLayout(cell)
	g.content.Refresh()
}

func (g *checkGrid) setSelected(names []string) {
	on := map[string]bool{}
	for _, n := range names {
		on[n] = true
	}
	for _, c := range g.checks {
		c.SetChecked(on[c.Text])
	}
}
