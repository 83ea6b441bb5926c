package gui

import (
	"context"
	"fmt"
	"image/color"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/data/folder"
	"shopcrm/data/sqlite"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// backupSection shows where the backups are, warns about synced folders, and lists the
// backups with time and size: back up now, or restore one (after confirming).
func (g *App) backupSection() settingsSection {
	b := &backupList{g: g}
	dir := g.store.Dir()
	backups := filepath.Join(dir, sqlite.BackupDirName)
	path := widget.NewLabel(lang.L("backup.folder", map[string]any{"Path": backups}))
	path.Wrapping = fyne.TextWrapBreak
	open := widget.NewButtonWithIcon(lang.L("backup.open_folder"), theme.FolderOpenIcon(), func() {
		if err := os.MkdirAll(backups, 0o700); err != nil {
			ui.ShowError(g.win, err)
			return
		}
		if err := g.fyneApp.OpenURL(folderURL(backups)); err != nil {
			ui.ShowError(g.win, err)
		}
	})
	warn := widget.NewLabel("")
	warn.Wrapping = fyne.TextWrapWord
	warn.Importance = widget.DangerImportance
	if where := folder.Synced(dir); where != "" {
		warn.SetText(i18n.SyncedFolderWarning(where))
	} else {
		warn.Hide()
	}
	hint := widget.NewLabel(lang.L("backup.hint"))
	hint.Wrapping = fyne.TextWrapWord
	now := widget.NewButtonWithIcon(lang.L("backup.now"), theme.DocumentSaveIcon(), b.backupNow)
	now.Importance = widget.HighImportance
	b.empty = widget.NewLabel(lang.L("backup.none"))
	b.list = widget.NewList(func() int { return len(b.rows) }, newBackupRow, b.updateRow)
	space := canvas.NewRectangle(color.Transparent)
	space.SetMinSize(fyne.NewSize(0, 220))
	content := container.NewVBox(
		container.NewBorder(nil, nil, nil, open, path), warn, hint,
		container.NewHBox(now), container.NewStack(space, b.list, b.empty))
	return settingsSection{title: lang.L("backup.title"), content: content, reload: b.reload}
}

// backupList is the list of backups in the backup section.
type backupList struct {
	g     *App
	rows  []*sqlite.BackupInfo
	list  *widget.List
	empty *widget.Label
}

func (b *backupList) reload() {
	ui.LoadList(b.g.spawn, b.g.win, b.g.store.Backups, func(r []*sqlite.BackupInfo) { b.rows = r }, b.empty, b.list)
}

func newBackupRow() fyne.CanvasObject {
	restore := widget.NewButtonWithIcon(lang.L("backup.restore"), theme.HistoryIcon(), nil)
	return container.NewBorder(nil, nil, nil, restore, widget.NewLabel(""))
}

func (b *backupList) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	row := b.rows[i]
	c := o.(*fyne.Container)
	c.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s   %s   %s",
		row.At.Local().Format("2006-01-02 15:04"), i18n.BackupKind(row.Kind), i18n.FileSize(row.Size)))
	c.Objects[1].(*widget.Button).OnTapped = func() { b.restore(row) }
}

// backupNow takes a manual backup off the UI goroutine.
func (b *backupList) backupNow() {
	b.g.spawn(func() {
		info, err := b.g.store.Backup(context.Background(), data.BackupManual)
		fyne.Do(func() {
			if err != nil {
				ui.ShowError(b.g.win, err)
				return
			}
			b.reload()
			dialog.ShowInformation(lang.L("backup.title"), lang.L("backup.done", map[string]any{
				"When": info.At.Local().Format("2006-01-02 15:04"), "Size": i18n.FileSize(info.Size)}), b.g.win)
		})
	})
}

// restore replaces the data with a backup once the seller confirms; the current data
// is backed up first, so a restore can itself be undone.
func (b *backupList) restore(row *sqlite.BackupInfo) {
	when := row.At.Local().Format("2006-01-02 15:04")
	ui.Confirm(b.g.win, lang.L("backup.restore.title"), lang.L("backup.restore.message", map[string]any{"When": when}),
		lang.L("backup.restore"), func() {
			b.g.spawn(func() {
				err := b.g.store.Restore(context.Background(), row.Path)
				fyne.Do(func() {
					if err != nil {
						ui.ShowError(b.g.win, err)
						return
					}
					b.g.reloadAll()
					dialog.ShowInformation(lang.L("backup.restore.title"),
						lang.L("backup.restore.done", map[string]any{"When": when}), b.g.win)
				})
			})
		})
}

// reloadAll refreshes every screen after the whole database changed under them.
func (g *App) reloadAll() {
	g.customers.refresh()
	g.history.Reload()
	g.settings.reload()
}
