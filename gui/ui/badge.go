package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// BadgedContent is a screen whose navigation button shows a count ("提醒 (5)").
type BadgedContent struct {
	widget.BaseWidget
	obj      fyne.CanvasObject
	text     string
	onChange func(string)
}

// NewBadgedContent wraps a screen's content.
func NewBadgedContent(obj fyne.CanvasObject) *BadgedContent {
	b := &BadgedContent{obj: obj}
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer shows the wrapped content.
func (b *BadgedContent) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(b.obj) }

// SetBadge shows text after the screen's name on its navigation button.
func (b *BadgedContent) SetBadge(text string) {
	b.text = text
	if b.onChange != nil {
		b.onChange(text)
	}
}

// OnBadge is how the navigation rail follows the count (see the shell's navigation rail).
func (b *BadgedContent) OnBadge(fn func(string)) {
	b.onChange = fn
	fn(b.text)
}
