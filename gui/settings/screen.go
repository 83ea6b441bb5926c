package settings

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"shopcrm/gui/ui"
)

// Screen is 设置: one scrolling column of titled sections. Each section keeps its own
// file here and is built by the shell, which hands it the store and its callbacks.
type Screen struct {
	// Content is the screen, for the navigation rail.
	Content  fyne.CanvasObject
	sections []Section
}

// Section is one titled block of the settings screen; reload (optional) reads the
// stored values again each time the screen is shown.
type Section struct {
	title   string
	content fyne.CanvasObject
	reload  func()
}

// New lays the sections out in the order given.
func New(sections ...Section) *Screen {
	col := container.NewVBox()
	for _, sec := range sections {
		title := widget.NewLabelWithStyle(sec.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		col.Add(widget.NewCard("", "", container.NewVBox(title, sec.content)))
	}
	return &Screen{Content: ui.NewPageScroll(container.NewPadded(col)), sections: sections}
}

// Reload refreshes every section from the store.
func (s *Screen) Reload() {
	for _, sec := range s.sections {
		if sec.reload != nil {
			sec.reload()
		}
	}
}
