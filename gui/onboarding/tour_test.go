package onboarding

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestTourPagesStepThrough(t *testing.T) {
	g := newTestApp(t)
	g.showTour()
	for i := 0; i < len(TourPages)-1; i++ {
		test.Tap(button(t, g.win, "下一步"))
	}
	if !hasText(g.win, "你的数据在哪里") {
		t.Fatal("the last page should be about the data folder")
	}
	test.Tap(button(t, g.win, "开始使用"))
	if g.win.Canvas().Overlays().Top() != nil {
		t.Error("开始使用 on the last page should close the tour")
	}
}

func TestEscClosesTheTour(t *testing.T) {
	g := newTestApp(t)
	g.showTour()
	test.Tap(button(t, g.win, "下一步"))
	g.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if g.win.Canvas().Overlays().Top() != nil {
		t.Error("Esc should close the tour")
	}
	if g.win.Canvas().OnTypedKey() != nil {
		t.Error("the window keeps the tour's key handler after it closed")
	}
}
