package settings

import (
	"context"
	"fmt"
	"image/color"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/data/folder"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// BackupStore takes, lists and restores backups.
type BackupStore interface {
	Backups() ([]*data.BackupInfo, error)
	Backup(ctx context.Context, kind data.BackupKind) (*data.BackupInfo, error)
	Restore(ctx context.Context, path string) error
}

// BackupPlaces says where the data and its backups are and what the shell does
// around a backup.
type BackupPlaces struct {
	DataDir, BackupDir string
	// OpenFolder shows a folder in the system's file manager.
	OpenFolder func(dir string) error
	// OnRestored reloads every screen: the whole archive changed under them.
	OnRestored func()
}

// Backups shows where the backups are, warns about synced folders, and lists the
// backups with time and size: back up now, or restore one (after confirming).
func Backups(win fyne.Window, store BackupStore, spawn func(func()), at BackupPlaces) Section {
	b := &backupList{win: win, store: store, spawn: spawn, onRestored: at.OnRestored}
	dir, backups := at.DataDir, at.BackupDir
	path := widget.NewLabel(lang.L("backup.folder", map[string]any{"Path": backups}))
	path.Wrapping = fyne.TextWrapBreak
	open := widget.NewButtonWithIcon(lang.L("backup.open_folder"), theme.FolderOpenIcon(), func() {
		if err := os.MkdirAll(backups, 0o700); err != nil {
			ui.ShowError(win, err)
			return
		}
		if err := at.OpenFolder(backups); err != nil {
			ui.ShowError(win, err)
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
	return Section{title: lang.L("backup.title"), content: content, reload: b.reload}
}

// backupList is the list of backups in the backup section.
type backupList struct {
	win        fyne.Window
	store      BackupStore
	spawn      func(func())
	onRestored func()
	rows       []*data.BackupInfo
	list       *widget.List
	empty      *widget.Label
}

func (b *backupList) reload() {
	ui.LoadList(b.spawn, b.win, b.store.Backups, func(r []*data.BackupInfo) { b.rows = r }, b.empty, b.list)
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
	b.spawn(func() {
		info, err := b.store.Backup(context.Background(), data.BackupManual)
		fyne.Do(func() {
			if err != nil {
				ui.ShowError(b.win, err)
				return
			}
			b.reload()
			dialog.ShowInformation(lang.L("backup.title"), lang.L("backup.done", map[string]any{
				"When": info.At.Local().Format("2006-01-02 15:04"), "Size": i18n.FileSize(info.Size)}), b.win)
		})
	})
}

// restore replaces the data with a backup once the seller confirms; the current data
// is backed up first, so a restore can itself be undone.
func (b *backupList) restore(row *data.BackupInfo) {
	when := row.At.Local().Format("2006-01-02 15:04")
	ui.Confirm(b.win, lang.L("backup.restore.title"), lang.L("backup.restore.message", map[string]any{"When": when}),
		lang.L("backup.restore"), func() {
			b.spawn(func() {
				err := b.store.Restore(context.Background(), row.Path)
				fyne.Do(func() {
					if err != nil {
						ui.ShowError(b.win, err)
						return
					}
					b.onRestored()
					dialog.ShowInformation(lang.L("backup.restore.title"),
						lang.L("backup.restore.done", map[string]any{"When": when}), b.win)
				})
			})
		})
}
