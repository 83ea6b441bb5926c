package gui

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
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

// entryOf is o as a text entry: a widget.Entry or a widget embedding one (the
// customer form's fields), nil for anything else.
func entryOf(o fyne.CanvasObject) *widget.Entry {
	if e, ok := o.(*widget.Entry); ok {
		return e
	}
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	if f, ok := v.Elem().Type().FieldByName("Entry"); ok && f.Anonymous && f.Type == reflect.TypeOf(widget.Entry{}) {
		return v.Elem().FieldByIndex(f.Index).Addr().Interface().(*widget.Entry)
	}
	return nil
}

// wheelMovesPageOverFields fails the test when the mouse wheel over a field on the
// first screenful of the scrolling page inside root does not scroll that page.
func wheelMovesPageOverFields(t *testing.T, w fyne.Window, root fyne.CanvasObject, where string) {
	t.Helper()
	var page *container.Scroll
	walk(root, func(o fyne.CanvasObject) bool {
		page, _ = o.(*container.Scroll)
		return page != nil
	})
	if page == nil {
		t.Fatalf("%s does not scroll", where)
	}
	d := fyne.CurrentApp().Driver()
	top, height := d.AbsolutePositionForObject(page).Y, page.Size().Height
	checked := 0
	walk(root, func(o fyne.CanvasObject) bool {
		e := entryOf(o)
		if e == nil {
			return false
		}
		page.ScrollToTop()
		at := d.AbsolutePositionForObject(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
		if at.Y < top || at.Y >= top+height {
			return false // below the fold
		}
		checked++
		if s := wheelTarget(root, at); s != nil {
			s.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -60)})
		}
		if page.Offset.Y == 0 {
			t.Errorf("%s: the wheel over the field %q (placeholder %q) does not scroll the page", where, e.Text, e.PlaceHolder)
		}
		return false
	})
	if checked == 0 {
		t.Fatalf("%s: no field on its first screenful to try the wheel over (page at %v, %v high)", where, top, height)
	}
}

// TestTheWheelScrollsPagesOverTheirFields: the mouse wheel moves 设置 and the customer
// form whatever field the pointer is over (issue 16, item 13: over the first fields
// of 设置 it stopped, the entries took the wheel for their own text).
func TestTheWheelScrollsPagesOverTheirFields(t *testing.T) {
	g, _ := newTestApp(t)
	g.showScreen(g.settings.Content)
	wheelMovesPageOverFields(t, g.win, g.win.Content(), "设置")
	g.showScreen(g.customers.Content)
	test.Tap(button(t, g.win, "新增客户"))
	wheelMovesPageOverFields(t, g.win, topLayer(g.win), "新增客户")
}
