package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// NewTwoLineRow is a list row template: a title line above a caption line, both cut
// with "…" when narrow, and trailing objects (an amount, buttons) at the right. bold
// sets the title's weight. TwoLineRowParts gives its parts back when the row is updated.
func NewTwoLineRow(bold bool, trailing ...fyne.CanvasObject) fyne.CanvasObject {
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
	title.Truncation = fyne.TextTruncateEllipsis
	caption := widget.NewLabel("")
	caption.SizeName = theme.SizeNameCaptionText
	caption.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, nil, container.NewHBox(trailing...),
		container.New(layout.NewCustomPaddedVBoxLayout(-12), title, caption))
}

// TwoLineRowParts are the title, the caption and the box of trailing objects of a row
// NewTwoLineRow made.
func TwoLineRowParts(row fyne.CanvasObject) (title, caption *widget.Label, trailing *fyne.Container) {
	c := row.(*fyne.Container)
	lines := c.Objects[0].(*fyne.Container)
	return lines.Objects[0].(*widget.Label), lines.Objects[1].(*widget.Label), c.Objects[1].(*fyne.Container)
}
