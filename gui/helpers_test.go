package gui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data/sqlite"
	"shopcrm/i18n"
)

func TestMain(m *testing.M) {
	// Dates in the list are local; pin the zone so goldens match on every machine.
	time.Local = time.FixedZone("CST", 8*3600)
	os.Exit(m.Run())
}

// testNow is the fixed clock of GUI tests.
var testNow = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// newTestApp opens the real window on a temp store, in Chinese, with slow work run
// synchronously so a test sees its result at once.
// The first-run welcome is tested on its own (welcome_test.go); other tests start past it.
func newTestApp(t *testing.T) (*App, *sqlite.Store) {
	t.Helper()
	return newTestAppIn(t, i18n.Chinese)
}

// newTestAppIn is newTestApp in the language choice.
func newTestAppIn(t *testing.T, choice string) (*App, *sqlite.Store) {
	t.Helper()
	store := newTestStore(t)
	if err := store.SetSetting(context.Background(), prefWelcome, "1"); err != nil {
		t.Fatal(err)
	}
	return openTestWindowIn(t, store, choice), store
}

// newTestStore is an empty store in a temp folder with the fixed test clock.
func newTestStore(t *testing.T) *sqlite.Store {
	t.Helper()
	store, err := sqlite.Open(filepath.Join(t.TempDir(), "shop"))
	if err != nil {
		t.Fatal(err)
	}
	store.Now = func() time.Time { return testNow }
	t.Cleanup(func() { store.Close() })
	return store
}

// openTestWindow opens the real window on store in a new test app, in Chinese.
func openTestWindow(t *testing.T, store *sqlite.Store) *App {
	t.Helper()
	return openTestWindowIn(t, store, i18n.Chinese)
}

// openTestWindowIn opens the real window on store in a new test app, in the language choice.
func openTestWindowIn(t *testing.T, store *sqlite.Store, choice string) *App {
	t.Helper()
	a := test.NewTempApp(t)
	if err := i18n.Use(choice); err != nil {
		t.Fatal(err)
	}
	g := newApp(a, store, func(f func()) { f() })
	g.customers.delay = 0
	g.win.Resize(fyne.NewSize(1100, 700))
	g.win.Show()
	t.Cleanup(func() { closeIfOpen(g.win) })
	return g
}

// closeIfOpen closes w unless the test closed it already (the test driver does not
// allow closing a window twice).
func closeIfOpen(w fyne.Window) {
	for _, open := range fyne.CurrentApp().Driver().AllWindows() {
		if open == w {
			w.Close()
			return
		}
	}
}

// walk visits o and everything inside it, widgets' rendered parts included.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) bool {
	if o == nil || !o.Visible() {
		return false
	}
	if visit(o) {
		return true
	}
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			if walk(c, visit) {
				return true
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			if walk(c, visit) {
				return true
			}
		}
	}
	return false
}

// topLayer is the open dialog if there is one, else the window content.
func topLayer(w fyne.Window) fyne.CanvasObject {
	if top := w.Canvas().Overlays().Top(); top != nil {
		return top
	}
	return w.Canvas().Content()
}

// button finds a visible button by its label in the top layer, failing the test if
// there is none.
func button(t *testing.T, w fyne.Window, label string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(topLayer(w), func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			found = b
			return true
		}
		return false
	})
	if found == nil {
		t.Fatalf("no button %q on screen", label)
	}
	return found
}

// hasText reports whether a visible label or text in the top layer shows s.
func hasText(w fyne.Window, s string) bool {
	return walk(topLayer(w), func(o fyne.CanvasObject) bool {
		l, ok := o.(*widget.Label)
		return ok && l.Text == s
	})
}

// cell is the text the list shows at row, col.
func cell(s *customerScreen, row, col int) string {
	c, _ := s.pages.row(row)
	if c == nil {
		return ""
	}
	return listColumns[col].text(c, s.maskPhones)
}

func widgetCell(row int) widget.TableCellID { return widget.TableCellID{Row: row} }

// hasTextContaining reports whether a label on top of w contains s.
func hasTextContaining(w fyne.Window, s string) bool {
	return walk(topLayer(w), func(o fyne.CanvasObject) bool {
		l, ok := o.(*widget.Label)
		return ok && strings.Contains(l.Text, s)
	})
}
