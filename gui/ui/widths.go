package ui

import (
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Column widths are measured, not fixed: a table column is as wide as the widest
// content it is meant to show whole (a phone, a date, an 8-digit total) or its header
// with the sort arrow, whichever is wider, at the text size in effect now. A fixed
// width cut "132****…" and "2026-0…" at 特大 text and "¥2708877…" at normal size.

// CellWidth is the width a table cell (a label) needs to show each of samples whole.
func CellWidth(samples ...string) float32 {
	var w float32
	for _, s := range samples {
		w = max(w, widget.NewLabel(s).MinSize().Width)
	}
	return w
}

// SortHeader is a table's header button: the column's title, with the sort arrow
// after it on the sorted column.
func SortHeader() *widget.Button {
	b := widget.NewButton("", nil)
	b.Importance = widget.LowImportance
	b.Alignment = widget.ButtonAlignLeading
	b.IconPlacement = widget.ButtonIconTrailingText
	return b
}

// SortHeaderWidth is the width a SortHeader needs to show title and its arrow whole.
func SortHeaderWidth(title string) float32 {
	b := SortHeader()
	b.SetText(title)
	b.SetIcon(theme.MoveDownIcon())
	return b.MinSize().Width
}
