package groups

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/importer"
)

// groupAction is one thing a seller can do with a group.
type groupAction struct {
	key string // translation key of its label
	do  func()
}

// groupActionList is what every group offers: show its customers, export them,
// copy their phones, save them as a tag, send them a message one by one, export
// their messages as a sheet for a bulk SMS tool.
func (s *Screen) groupActionList(f data.CustomerFilter, label string) []groupAction {
	return []groupAction{
		{"groups.open", func() { s.OnOpen(f, label) }},
		{"groups.export", func() { exportGroup(s.win, s.store, s.spawn, f, label) }},
		{"groups.copy_phones", func() { s.copyPhones(f) }},
		{"groups.save_as_tag", func() { s.saveAsTag(f) }},
		{"groups.outreach", func() { s.OnOutreach(f, label) }},
		{"groups.message_sheet", func() { s.OnMessageSheet(f, label) }},
	}
}

func smallButton(a groupAction) *widget.Button {
	b := widget.NewButton(lang.L(a.key), a.do)
	b.Importance = widget.LowImportance
	return b
}

// fullActions is how many of a group's actions show as buttons on a full-width row;
// the others are in a 更多 menu, so the row fits a 1024 px window in English too.
const fullActions = 4

// groupActions shows a group's first actions as buttons and the others in a 更多 menu.
func (s *Screen) groupActions(f data.CustomerFilter, label string) fyne.CanvasObject {
	acts := s.groupActionList(f, label)
	box := container.NewHBox()
	for _, a := range acts[:min(fullActions, len(acts))] {
		box.Add(smallButton(a))
	}
	if len(acts) > fullActions {
		box.Add(s.moreButton(acts[fullActions:]))
	}
	return box
}

// compactGroupActions shows the first action (查看客户) as a button and the others in
// a 更多 menu, for rows that have no room for four buttons; extra are the row's own
// actions (a saved group's 修改条件 …), listed after the ones every group has.
func (s *Screen) compactGroupActions(f data.CustomerFilter, label string, extra ...groupAction) fyne.CanvasObject {
	acts := append(s.groupActionList(f, label), extra...)
	return container.NewHBox(smallButton(acts[0]), s.moreButton(acts[1:]))
}

// moreButton is 更多 ▾, opening a menu of acts.
func (s *Screen) moreButton(acts []groupAction) *widget.Button {
	var items []*fyne.MenuItem
	for _, a := range acts {
		items = append(items, fyne.NewMenuItem(lang.L(a.key), a.do))
	}
	var more *widget.Button
	more = widget.NewButtonWithIcon(lang.L("groups.more"), theme.MenuDropDownIcon(), func() {
		widget.ShowPopUpMenuAtRelativePosition(fyne.NewMenu("", items...), s.win.Canvas(), fyne.NewPos(0, more.Size().Height), more)
	})
	more.Importance = widget.LowImportance
	more.IconPlacement = widget.ButtonIconTrailingText
	return more
}

// exportGroup saves a group's customers and trades to an xlsx through the exporter.
func exportGroup(win fyne.Window, store importer.Store, spawn func(func()), f data.CustomerFilter, label string) {
	ui.ExportCustomers(win, store, spawn, f, label+"-"+time.Now().Format("20060102")+".xlsx")
}

// copyPhones puts the group's phone list on the clipboard, one number a line,
// leaving out customers who opted out of marketing or are on the blacklist.
func (s *Screen) copyPhones(f data.CustomerFilter) {
	phones, optedOut, err := s.store.GroupPhones(context.Background(), f)
	if err != nil {
		ui.ShowError(s.win, err)
		return
	}
	if len(phones) == 0 {
		dialog.ShowInformation(lang.L("groups.copy_phones"), lang.L("groups.no_phones"), s.win)
		return
	}
	fyne.CurrentApp().Clipboard().SetContent(strings.Join(phones, "\n"))
	msg := lang.L("groups.copied", map[string]any{"Count": len(phones)})
	if optedOut > 0 {
		msg = lang.L("groups.copied_opt_out", map[string]any{"Count": len(phones), "OptOut": optedOut})
	}
	dialog.ShowInformation(lang.L("groups.copy_phones"), msg, s.win)
}

// saveAsTag tags the group's current members: a static group.
func (s *Screen) saveAsTag(f data.CustomerFilter) {
	ui.AskTag(s.win, lang.L("groups.save_as_tag"), lang.L("groups.save_as_tag.message"), func(tag string) {
		n, err := s.store.TagFiltered(context.Background(), f, tag)
		if err != nil {
			ui.ShowError(s.win, err)
			return
		}
		dialog.ShowInformation(lang.L("groups.save_as_tag"), lang.L("groups.tag_done", map[string]any{"Count": n, "Tag": tag}), s.win)
		s.Reload()
	})
}
