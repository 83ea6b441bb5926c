package ui

import "fyne.io/fyne/v2"

// AskSavePath asks where to save a file (fileName suggested) and hands the path to
// save, for a writer that shows its own progress (RunWithProgress).
func AskSavePath(win fyne.Window, fileName string, save func(path string)) {
	askPath(win, fileName, save)
}
