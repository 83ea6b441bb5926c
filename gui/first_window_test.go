package gui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"shopcrm/data/sqlite"
	"shopcrm/gui/settings"
	"shopcrm/i18n"
)

// TestFirstWindowFitsALaptopAndTheSizeIsRemembered: the first window fits a 1024×700
// screen with its title bar, so also a 1366×768 or 1280×720 laptop with its taskbar (issue 16: it opened at 1240×780 and, on a
// 1024×700 screen, at (−108, −40)); the size the seller leaves it at comes back.
func TestFirstWindowFitsALaptopAndTheSizeIsRemembered(t *testing.T) {
	store := newTestStore(t)
	a := test.NewTempApp(t)
	if err := i18n.Use(i18n.Chinese); err != nil {
		t.Fatal(err)
	}
	g := newApp(a, store, func(f func()) { f() })
	size := g.win.Canvas().Size()
	// 1024×700 less a title bar: the whole window, menu and navigation included, is on
	// the smallest screen, and on every laptop's.
	if size.Width > smallScreen.Width || size.Height > smallScreen.Height-40 || size.Width < 800 || size.Height < 560 {
		t.Errorf("first window is %v, want at most %v×%v (and at least 800×560)", size, smallScreen.Width, smallScreen.Height-40)
	}
	g.win.Show()
	g.win.Resize(fyne.NewSize(1010, 610))
	g.win.Close()
	if got := uiPref(t, store); got != "1010x610" {
		t.Fatalf("stored window size %q, want 1010x610", got)
	}

	again := newApp(test.NewTempApp(t), store, func(f func()) { f() })
	t.Cleanup(func() { closeIfOpen(again.win) })
	if got := again.win.Canvas().Size(); got != fyne.NewSize(1010, 610) {
		t.Errorf("the next start opened at %v, want the remembered 1010×610", got)
	}
}

func uiPref(t *testing.T, store *sqlite.Store) string {
	t.Helper()
	v, err := store.Setting(context.Background(), settings.PrefWindow, "")
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// A size stored by a version whose window a label could grow past the screen (issue
// 16: 1240×1824) does not come back: the first size is used instead.
func TestAWindowSizeFromBeforeTheFixIsNotRestored(t *testing.T) {
	store := newTestStore(t)
	if err := store.SetSetting(context.Background(), settings.PrefWindowBefore, "1240x1824"); err != nil {
		t.Fatal(err)
	}
	g := newApp(test.NewTempApp(t), store, func(f func()) { f() })
	t.Cleanup(func() { closeIfOpen(g.win) })
	if got := g.win.Canvas().Size(); got != firstWindowSize {
		t.Errorf("the window opened at %v, want the first size %v, not the size stored before the fix", got, firstWindowSize)
	}
}
