package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// ShowFileDialog shows Fyne's file dialog d over the window with a title of the
// window's own, in the seller's language: Fyne writes it as two translated words
// joined by a space ("保存 文件"). Fyne names its places ("Home", "Computer") in
// English whatever the language, and offers no way to rename them.
func ShowFileDialog(d *dialog.FileDialog, title string) {
	d.SetTitleText(title)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}
