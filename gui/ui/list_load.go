package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// LoadList fetches a list's rows off the UI goroutine. Back on it, set takes the rows,
// empty shows when there are none and the list redraws; a failed load is shown in win.
func LoadList[T any](spawn func(func()), win fyne.Window, load func() ([]T, error), set func([]T),
	empty *widget.Label, list *widget.List) {
	spawn(func() {
		rows, err := load()
		fyne.Do(func() {
			if err != nil {
				ShowError(win, err)
				return
			}
			set(rows)
			empty.Hidden = len(rows) > 0
			empty.Refresh()
			list.Refresh()
		})
	})
}
