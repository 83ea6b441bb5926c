package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// LoadList fetches a list's rows off the UI goroutine. Back on it, set takes the rows,
// empty shows when there are none and the list redraws; a failed load is shown in win.
func LoadList[T any](spawn func(func()), win fyne.Window, load func() ([]T, error), set func([]T),
	empty fyne.CanvasObject, list *widget.List) {
	spawn(func() {
		rows, err := load()
		fyne.Do(func() {
			if err != nil {
				ShowError(win, err)
				return
			}
			set(rows)
			if len(rows) > 0 {
				empty.Hide()
			} else {
				empty.Show()
			}
			list.Refresh()
		})
	})
}
