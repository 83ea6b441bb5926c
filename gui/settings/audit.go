package settings

import (
	"context"
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// auditShown is how many of the newest audit entries the settings screen lists.
const auditShown = 200

// AuditStore reads the audit log, newest first.
type AuditStore interface {
	FindAuditLog(ctx context.Context, limit int) ([]*data.AuditEntry, error)
}

// Audit lists what was done to the data (imports, exports, reverts, restores,
// erasures) with time and counts. The log never holds personal data.
func Audit(win fyne.Window, store AuditStore, spawn func(func())) Section {
	var rows []*data.AuditEntry
	empty := widget.NewLabel(lang.L("audit.none"))
	list := widget.NewList(func() int { return len(rows) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			e := rows[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s   %s", e.At.Local().Format("2006-01-02 15:04"),
				i18n.AuditAction(e.Action, e.Count)))
		})
	load := func() {
		ui.LoadList(spawn, win, func() ([]*data.AuditEntry, error) {
			return store.FindAuditLog(context.Background(), auditShown)
		}, func(r []*data.AuditEntry) { rows = r }, empty, list)
	}
	space := canvas.NewRectangle(color.Transparent)
	space.SetMinSize(fyne.NewSize(0, 200))
	return Section{title: lang.L("audit.title"), content: container.NewStack(space, list, empty), reload: load}
}
