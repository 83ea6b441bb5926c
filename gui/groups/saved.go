package groups

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// savedCount is a saved group with how many customers match it now and their value.
type savedCount struct {
	group    *data.SavedGroup
	count    int
	totalFen int64
}

// reloadSaved counts every saved group as of now off the UI goroutine and lists them
// on the 已保存 tab: their members change as trades come in, so each reload counts
// them again.
func (s *Screen) reloadSaved(seq int) {
	s.spawn(func() {
		ctx := context.Background()
		groups, err := s.store.SavedGroups(ctx)
		var counts []savedCount
		for _, g := range groups {
			if err != nil {
				break
			}
			c := savedCount{group: g}
			c.count, c.totalFen, err = s.store.CountFiltered(ctx, g.Filter)
			counts = append(counts, c)
		}
		s.deliver(seq, err, func() { s.showSaved(counts) })
	})
}

// showSaved lists the saved groups, or says how to make one.
func (s *Screen) showSaved(counts []savedCount) {
	s.saved.RemoveAll()
	if len(counts) == 0 {
		s.saved.Add(ui.NewWrapLabel(lang.L("groups.saved.empty")))
		return
	}
	for _, c := range counts {
		s.saved.Add(s.savedRow(c))
	}
}

// savedRow is one saved group: its name, count and value, 查看客户, and in 更多 every
// other action a group has plus 修改条件, 重命名 and 删除.
func (s *Screen) savedRow(c savedCount) fyne.CanvasObject {
	g := c.group
	title := widget.NewLabelWithStyle(g.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	info := widget.NewLabel(lang.L("groups.saved.count", map[string]any{"Count": c.count, "Total": ui.Money(c.totalFen)}))
	info.Wrapping = fyne.TextWrapWord
	actions := s.compactGroupActions(g.Filter, g.Name,
		groupAction{"groups.saved.edit", func() { s.OnEditSaved(g) }},
		groupAction{"groups.saved.rename", func() { s.renameSaved(g) }},
		groupAction{"groups.saved.delete", func() { s.deleteSaved(g) }},
	)
	return container.NewBorder(nil, nil, nil, actions, container.NewBorder(nil, nil, title, nil, info))
}

// renameSaved asks a new name for a saved group; a name another group has is said
// so, with the typed name kept.
func (s *Screen) renameSaved(g *data.SavedGroup) {
	ui.AskGroupName(s.win, lang.L("groups.saved.rename"), lang.L("action.save"), g.Name, func(name string) error {
		renamed := *g
		renamed.Name = name
		if err := s.store.SaveGroup(context.Background(), &renamed); err != nil {
			return err
		}
		s.savedChanged(*g, &renamed)
		s.Reload()
		return nil
	})
}

// deleteSaved forgets a saved group after asking, saying which reminder kinds are
// sent to it (they lose it as a target); its customers are not touched.
func (s *Screen) deleteSaved(g *data.SavedGroup) {
	kinds, err := s.store.GroupRuleKinds(context.Background(), g.ID)
	if err != nil {
		ui.ShowError(s.win, err)
		return
	}
	msg := lang.L("groups.saved.delete.message", map[string]any{"Name": g.Name})
	if warn := i18n.GroupRulesWarning(kinds); warn != "" {
		msg += "\n" + warn
	}
	ui.Confirm(s.win, lang.L("groups.saved.delete.title"), msg, lang.L("action.delete"), func() {
		if err := s.store.DeleteSavedGroup(context.Background(), g.ID); err != nil {
			ui.ShowError(s.win, err)
			return
		}
		s.savedChanged(*g, nil)
		s.Reload()
	})
}

// savedChanged tells OnSavedChanged, if set, that old was renamed to now or deleted (nil).
func (s *Screen) savedChanged(old data.SavedGroup, now *data.SavedGroup) {
	if s.OnSavedChanged != nil {
		s.OnSavedChanged(old, now)
	}
}
