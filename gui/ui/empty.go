package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// EmptyMessage is a screen's "nothing here yet" text: centred and wrapping. Put it in
// an EmptyState (never in container.NewCenter: a centring layout gives a wrapping label
// only its minimum width, one character, so it wraps a character a line and its
// height grows the window past the screen).
func EmptyMessage(text string) *WrapLabel {
	l := NewWrapLabel(text)
	l.Alignment = fyne.TextAlignCenter
	return l
}

// EmptyState shows objects (a message, an icon, buttons), one above the other, in the
// middle of the space it is given, at a readable width: the space's width, at most
// about 36 characters of text. Wrapping labels in it wrap at that width, and it asks
// for no room of its own, so however long the text, in whatever language, it never
// makes the window larger. Use it as a screen's body (a stack or border's centre).
func EmptyState(objects ...fyne.CanvasObject) *fyne.Container {
	return container.New(emptyLayout{}, container.NewVBox(objects...))
}

type emptyLayout struct{}

// readableWidth is the widest an empty state's text runs: about 36 Chinese
// characters or 70 Latin letters at the theme's text size.
func readableWidth() float32 { return 36 * theme.TextSize() }

func (emptyLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width-2*theme.Padding(), readableWidth())
	if w < 0 {
		w = 0
	}
	for _, o := range objects {
		// A wrapping label's height depends on its width: give the width first, then
		// ask for the height the text needs at it.
		o.Resize(fyne.NewSize(w, o.Size().Height))
		h := min(o.MinSize().Height, size.Height)
		o.Resize(fyne.NewSize(w, h))
		o.Move(fyne.NewPos((size.Width-w)/2, (size.Height-h)/2))
	}
}

// MinSize is nothing: the empty state takes the room the screen has (see EmptyState).
func (emptyLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }
