package settings

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/i18n"
)

// ruleTargets is whom one kind's reminders go to while settings are edited: a buyer
// in any of the tiers or segments, with any of the tags, or in the saved group.
type ruleTargets struct {
	tiers    []string
	segments []data.Segment
	tags     []string
	group    int64
}

func targetsOf(r *data.ReminderRule) ruleTargets {
	return ruleTargets{tiers: r.TargetTiers, segments: r.TargetSegments, tags: r.TargetTags, group: r.TargetGroup}
}

// fill copies the targets into rule.
func (t ruleTargets) fill(rule *data.ReminderRule) {
	rule.TargetTiers, rule.TargetSegments, rule.TargetTags, rule.TargetGroup = t.tiers, t.segments, t.tags, t.group
}

// targetChoices are what the targets can be chosen from: the shop's tiers (stored
// names) and saved groups, read with the rules.
type targetChoices struct {
	tiers  []string
	groups []*data.SavedGroup
}

// maxSummary is how many chosen targets the 发送对象 button names before "等 N 项".
const maxSummary = 3

// summary names the targets for the 发送对象 button: 全部客户, or the first few names.
func (c *targetChoices) summary(t ruleTargets) string {
	var names []string
	for _, n := range t.tiers {
		names = append(names, i18n.TierName(n))
	}
	for _, g := range t.segments {
		names = append(names, i18n.SegmentName(g))
	}
	names = append(names, t.tags...)
	if g := c.group(t.group); g != nil {
		names = append(names, g.Name)
	}
	switch {
	case len(names) == 0:
		return lang.L("settings.care.everyone")
	case len(names) > maxSummary:
		return lang.L("settings.care.more", map[string]any{"Names": strings.Join(names[:maxSummary], "、"), "Count": len(names)})
	}
	return strings.Join(names, "、")
}

// group is the saved group with id, nil when there is none (0, or deleted).
func (c *targetChoices) group(id int64) *data.SavedGroup {
	for _, g := range c.groups {
		if g.ID == id {
			return g
		}
	}
	return nil
}

// targetEditor is the 发送对象 dialog's content for one kind.
type targetEditor struct {
	choices  *targetChoices
	tiers    *checkGrid
	segments *checkGrid
	tags     *widget.Entry
	group    *widget.Select
	content  fyne.CanvasObject
}

func newTargetEditor(kind data.ReminderKind, c *targetChoices, t ruleTargets) *targetEditor {
	e := &targetEditor{choices: c, tags: widget.NewEntry(),
		tiers:    checkGridOf(c.tiers, t.tiers, i18n.TierName),
		segments: checkGridOf(data.Segments, t.segments, i18n.SegmentName)}
	e.tags.SetText(strings.Join(t.tags, ", "))
	options := []string{lang.L("settings.care.no_group")}
	for _, g := range c.groups {
		options = append(options, g.Name)
	}
	e.group = widget.NewSelect(options, nil)
	e.group.SetSelectedIndex(0)
	if g := c.group(t.group); g != nil {
		e.group.SetSelected(g.Name)
	}
	hint := widget.NewLabel(lang.L("settings.care.any_hint"))
	hint.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(
		widget.NewLabel(lang.L("settings.care.tiers")), e.tiers.content,
		widget.NewLabel(lang.L("settings.care.segments")), e.segments.content,
		widget.NewLabel(lang.L("settings.care.tags")), e.tags,
		widget.NewLabel(lang.L("settings.care.group")), e.group, hint)
	if kind == data.KindCustom {
		custom := widget.NewLabel(lang.L("settings.care.custom_hint"))
		custom.Wrapping = fyne.TextWrapWord
		box.Add(custom)
	}
	e.content = box
	return e
}

// checkGridOf is a check grid of options, shown by name, with those in chosen checked.
func checkGridOf[T comparable](options, chosen []T, name func(T) string) *checkGrid {
	g := newCheckGrid()
	names := make([]string, len(options))
	for i, o := range options {
		names[i] = name(o)
	}
	g.setOptions(names)
	var on []string
	for _, o := range chosen {
		on = append(on, name(o))
	}
	g.setSelected(on)
	return g
}

// targets reads the choices back.
func (e *targetEditor) targets() ruleTargets {
	var t ruleTargets
	for i, c := range e.tiers.checks {
		if c.Checked {
			t.tiers = append(t.tiers, e.choices.tiers[i])
		}
	}
	for i, c := range e.segments.checks {
		if c.Checked {
			t.segments = append(t.segments, data.Segments[i])
		}
	}
	t.tags = data.NormalizeTags([]string{e.tags.Text}) // "老客, VIP" is two tags
	if i := e.group.SelectedIndex(); i > 0 {
		t.group = e.choices.groups[i-1].ID
	}
	return t
}

// editTargets opens the 发送对象 dialog of kind; OK keeps the choice until 保存.
func (r *reminderSettings) editTargets(kind data.ReminderKind) {
	e := newTargetEditor(kind, r.choices, r.targets[kind])
	title := lang.L("settings.care.dialog_title", map[string]any{"Kind": i18n.ReminderKindName(kind)})
	d := dialog.NewCustomConfirm(title, lang.L("settings.care.ok"), lang.L("settings.care.cancel"),
		container.NewVScroll(e.content), func(ok bool) {
			if ok {
				r.setTargets(kind, e.targets())
			}
		}, r.win)
	d.Resize(fyne.NewSize(560, 520))
	r.targetDialog, r.targetEdit = d, e
	d.Show()
}

// setTargets keeps t as kind's targets and names them on its button.
func (r *reminderSettings) setTargets(kind data.ReminderKind, t ruleTargets) {
	r.targets[kind] = t
	r.targetBtn[kind].SetText(lang.L("settings.care.button", map[string]any{"Who": r.choices.summary(t)}))
}
