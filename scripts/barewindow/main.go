// Command barewindow is the smallest Fyne window: a label and a button in a window of
// ShopCRM's first size, with Fyne's default theme and fonts. scripts/bench-window.sh
// measures its memory under Xvfb as the baseline the real window is compared with.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("com.shopcrm.barewindow")
	w := a.NewWindow("bare")
	w.SetContent(container.NewVBox(widget.NewLabel("bare Fyne window"), widget.NewButton("OK", func() {})))
	w.Resize(fyne.NewSize(1020, 640))
	w.ShowAndRun()
}
