package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// NewPageScroll is a vertically scrolling page of fields whose mouse wheel moves the
// page wherever the pointer is. In Fyne the innermost scrollable thing under the
// pointer takes the wheel, and every text entry is one (it scrolls its own text), so
// on a plain scroll the page stopped moving as soon as the pointer crossed an entry.
// Here a transparent layer over the page takes the wheel first; taps, hovering and
// typing go through to the fields below (the layer is neither tappable nor hoverable).
func NewPageScroll(content fyne.CanvasObject) fyne.CanvasObject {
	page := container.NewVScroll(content)
	wheel := &wheelLayer{page: page}
	wheel.ExtendBaseWidget(wheel)
	return container.NewStack(page, wheel)
}

// wheelLayer hands the mouse wheel to the page.
type wheelLayer struct {
	widget.BaseWidget
	page *container.Scroll
}

// Scrolled implements fyne.Scrollable.
func (w *wheelLayer) Scrolled(ev *fyne.ScrollEvent) { w.page.Scrolled(ev) }

// CreateRenderer implements fyne.Widget.
func (w *wheelLayer) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// MinSize asks for no room: the layer is as large as the page.
func (w *wheelLayer) MinSize() fyne.Size { return fyne.Size{} }
