package gui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/importer"
)

// groupActions are the buttons every group has: show its customers, export them,
// copy their phones, save them as a tag.
func (s *groupsScreen) groupActions(f data.CustomerFilter, label string) fyne.CanvasObject {
	small := func(key string, fn func()) *widget.Button {
		b := widget.NewButton(lang.L(key), fn)
		b.Importance = widget.LowImportance
		return b
	}
	return container.NewHBox(
		small("groups.open", func() { s.OnOpen(f, label) }),
		small("groups.export", func() { exportGroup(s.win, s.store, s.spawn, f, label) }),
		small("groups.copy_phones", func() { s.copyPhones(f) }),
		small("groups.save_as_tag", func() { s.saveAsTag(f) }),
	)
}

// exportGroup saves a group's customers and trades to an xlsx through the exporter.
func exportGroup(win fyne.Window, store *data.Store, spawn func(func()), f data.CustomerFilter, label string) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		spawn(func() {
			n, err := importer.ExportFile(context.Background(), store, path, f, time.Local)
			fyne.Do(func() {
				if err != nil {
					showError(win, err)
					return
				}
				dialog.ShowInformation(lang.L("export.title"), lang.L("export.done", map[string]any{"Count": n, "Path": path}), win)
			})
		})
	}, win)
	d.SetFileName(label + "-" + time.Now().Format("20060102") + ".xlsx")
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// copyPhones puts the group's phone list on the clipboard, one number a line,
// leaving out customers who opted out of marketing.
func (s *groupsScreen) copyPhones(f data.CustomerFilter) {
	phones, optedOut, err := s.store.GroupPhones(context.Background(), f)
	if err != nil {
		showError(s.win, err)
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
func (s *groupsScreen) saveAsTag(f data.CustomerFilter) {
	askTag(s.win, lang.L("groups.save_as_tag"), lang.L("groups.save_as_tag.message"), func(tag string) {
		n, err := s.store.TagFiltered(context.Background(), f, tag)
		if err != nil {
			showError(s.win, err)
			return
		}
		dialog.ShowInformation(lang.L("groups.save_as_tag"), lang.L("groups.tag_done", map[string]any{"Count": n, "Tag": tag}), s.win)
		s.reload()
	})
}

// askTag asks for a tag name and passes it on when confirmed.
func askTag(win fyne.Window, title, message string, onTag func(string)) {
	entry := widget.NewEntry()
	entry.SetPlaceHolder(lang.L("groups.save_as_tag.placeholder"))
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, lang.L("action.save"), lang.L("action.cancel"),
		container.NewVBox(msg, entry), func(ok bool) {
			if ok {
				onTag(entry.Text)
			}
		}, win)
	d.Resize(fyne.NewSize(460, 220))
	d.Show()
	win.Canvas().Focus(entry)
}
