package imports

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// History is 导入记录: every import with its counts, and 撤销 on each one still in
// place that no later import builds on (the others say which import to undo first).
type History struct {
	win     fyne.Window
	store   Store
	spawn   func(func())
	batches []*data.ImportBatch
	list    *widget.List
	empty   *ui.WrapLabel
	// Content is the screen, for the navigation rail.
	Content fyne.CanvasObject
	// OnImport starts the import wizard; OnReverted is told after an undo.
	OnImport   func()
	OnReverted func()
}

// NewHistory builds the 导入记录 screen on store; spawn runs slow work off the UI
// goroutine. Call Reload when it is shown.
func NewHistory(win fyne.Window, store Store, spawn func(func())) *History {
	h := &History{win: win, store: store, spawn: spawn}
	h.list = widget.NewList(func() int { return len(h.batches) }, newBatchRow, h.updateBatchRow)
	h.empty = ui.EmptyMessage(lang.L("history.empty"))
	importBtn := widget.NewButtonWithIcon(lang.L("import.button"), theme.UploadIcon(), func() { h.OnImport() })
	importBtn.Importance = widget.HighImportance
	title := widget.NewLabelWithStyle(lang.L("history.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.Content = container.NewBorder(container.NewPadded(container.NewBorder(nil, nil, title, importBtn)), nil, nil, nil,
		container.NewStack(h.list, ui.EmptyState(h.empty)))
	return h
}

// Reload fetches the batches off the UI goroutine.
func (h *History) Reload() {
	ui.LoadList(h.spawn, h.win, func() ([]*data.ImportBatch, error) {
		return h.store.FindImportBatches(context.Background())
	}, func(b []*data.ImportBatch) { h.batches = b }, h.empty, h.list)
}

func newBatchRow() fyne.CanvasObject {
	what := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	what.Truncation = fyne.TextTruncateEllipsis
	counts := widget.NewLabel("")
	counts.Truncation = fyne.TextTruncateEllipsis
	undo := widget.NewButtonWithIcon(lang.L("history.revert"), theme.ContentUndoIcon(), nil)
	return container.NewBorder(nil, nil, nil, container.NewCenter(undo), container.NewVBox(what, counts))
}

func (h *History) updateBatchRow(i widget.ListItemID, o fyne.CanvasObject) {
	b := h.batches[i]
	row := o.(*fyne.Container)
	texts := row.Objects[0].(*fyne.Container)
	what, counts := texts.Objects[0].(*widget.Label), texts.Objects[1].(*widget.Label)
	undo := row.Objects[1].(*fyne.Container).Objects[0].(*widget.Button)
	what.SetText(fmt.Sprintf("%s  %s", ui.LocalDateTime(b.ImportedAt), b.FileName))
	text := lang.L("history.counts", map[string]any{"Created": b.CreatedCustomers, "Updated": b.UpdatedCustomers,
		"Trades": b.CreatedTrades, "Skipped": b.Skipped, "Rejected": b.Rejected})
	if why := i18n.Outcomes(b.Outcomes); len(why) > 0 {
		text += " · " + strings.Join(why, "；")
	}
	switch {
	case !b.RevertedAt.IsZero():
		text = lang.L("history.reverted", map[string]any{"When": ui.LocalDateTime(b.RevertedAt)}) + " · " + text
	case b.BlockedBy != 0: // a later import builds on this one: it is undone first, and the row says so
		text = lang.L("history.blocked", map[string]any{"File": h.fileName(b.BlockedBy)}) + " · " + text
	}
	counts.SetText(text)
	undo.Hidden = !b.RevertedAt.IsZero() || b.BlockedBy != 0
	undo.Refresh()
	undo.OnTapped = func() { h.revert(b) }
}

// fileName is the file of the import with this id.
func (h *History) fileName(id int64) string {
	for _, b := range h.batches {
		if b.ID == id {
			return b.FileName
		}
	}
	return ""
}

func (h *History) revert(b *data.ImportBatch) {
	ui.Confirm(h.win, lang.L("history.revert.title"),
		lang.L("history.revert.message", map[string]any{"File": b.FileName, "Created": b.CreatedCustomers, "Trades": b.CreatedTrades}),
		lang.L("history.revert"), func() {
			h.spawn(func() {
				ctx := context.Background()
				err := h.store.BackupBefore(ctx, data.BackupRevert, func() error { return h.store.RevertImport(ctx, b.ID) })
				fyne.Do(func() {
					if err != nil {
						ui.ShowError(h.win, err)
						return
					}
					h.Reload()
					if h.OnReverted != nil {
						h.OnReverted()
					}
				})
			})
		})
}

// Batches are the imports listed now, newest first.
func (h *History) Batches() []*data.ImportBatch { return h.batches }
