package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// wheelTarget is what Fyne hands a mouse wheel turn at the absolute position at: the
// last (innermost, topmost) scrollable object there, as the desktop driver finds it.
func wheelTarget(root fyne.CanvasObject, at fyne.Position) fyne.Scrollable {
	var found fyne.Scrollable
	d := fyne.CurrentApp().Driver()
	walk(root, func(o fyne.CanvasObject) bool {
		s, ok := o.(fyne.Scrollable)
		if !ok {
			return false
		}
		pos := d.AbsolutePositionForObject(o)
		if size := o.Size(); at.X >= pos.X && at.Y >= pos.Y && at.X < pos.X+size.Width && at.Y < pos.Y+size.Height {
			found = s
		}
		return false
	})
	return found
}

// TestSettingsScrollWithTheWheelOverEveryField: the mouse wheel moves 设置 whatever
// field the pointer is over (issue 16, item 13: over the first fields it stopped, the
// entries took the wheel for their own text).
func TestSettingsScrollWithTheWheelOverEveryField(t *testing.T) {
	g, _ := newTestApp(t)
	g.showScreen(g.settings.Content)
	var page *container.Scroll
	walk(g.settings.Content, func(o fyne.CanvasObject) bool {
		page, _ = o.(*container.Scroll)
		return page != nil
	})
	if page == nil {
		t.Fatal("设置 does not scroll")
	}
	d := fyne.CurrentApp().Driver()
	top, height := d.AbsolutePositionForObject(page).Y, page.Size().Height
	checked := 0
	walk(g.settings.Content, func(o fyne.CanvasObject) bool {
		e, ok := o.(*widget.Entry)
		if !ok {
			return false
		}
		page.ScrollToTop()
		at := d.AbsolutePositionForObject(e).Add(fyne.NewPos(e.Size().Width/2, e.Size().Height/2))
		if at.Y < top || at.Y >= top+height {
			return false // below the fold
		}
		checked++
		if s := wheelTarget(g.win.Content(), at); s != nil {
			s.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -60)})
		}
		if page.Offset.Y == 0 {
			t.Errorf("the wheel over the field %q (placeholder %q) does not scroll the page", e.Text, e.PlaceHolder)
		}
		return false
	})
	if checked == 0 {
		t.Fatal("no field on the first page of 设置 to try the wheel over")
	}
}
