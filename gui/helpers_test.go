package gui

import (
	"context"
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data/sqlite"
	"shopcrm/gui/customers"
	"shopcrm/gui/internal/guitest"
	"shopcrm/gui/onboarding"
	"shopcrm/i18n"
)

func TestMain(m *testing.M) { guitest.Main(m) } // dates in the list are local: goldens match on every machine

// testNow is the fixed clock of GUI tests.
var testNow = guitest.Now

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
	if err := store.SetSetting(context.Background(), onboarding.PrefWelcome, "1"); err != nil {
		t.Fatal(err)
	}
	return openTestWindowIn(t, store, choice), store
}

// newTestStore is an empty store in a temp folder with the fixed test clock.
func newTestStore(t *testing.T) *sqlite.Store {
	t.Helper()
	store := guitest.Open(t, sqlite.Open)
	store.Now = guitest.Clock
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
	g.customers.SearchDelay = 0
	g.win.Resize(fyne.NewSize(1100, 700))
	g.win.Show()
	t.Cleanup(func() { closeIfOpen(g.win) })
	return g
}

// The widget finders are shared with the areas' tests (see guitest).
var (
	closeIfOpen       = guitest.CloseIfOpen
	walk              = guitest.Walk
	topLayer          = guitest.TopLayer
	hasText           = guitest.HasText
	hasTextContaining = guitest.HasTextContaining
)

// button finds a visible button by its label in the top layer, failing the test if
// there is none.
func button(t *testing.T, w fyne.Window, label string) *widget.Button {
	t.Helper()
	return guitest.Button(t, w, label)
}

// colPhone is the list's phone column.
const colPhone = 2

// cell is the text the list shows at row, col.
func cell(s *customers.Screen, row, col int) string { return s.Cell(row, col) }

// formEntries are the text fields of the open dialog (the customers area's own entry
// type, which embeds widget.Entry), in form order.
func formEntries(w fyne.Window) []*widget.Entry {
	var out []*widget.Entry
	walk(topLayer(w), func(o fyne.CanvasObject) bool {
		v := reflect.ValueOf(o)
		if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
			return false
		}
		if f, ok := v.Elem().Type().FieldByName("Entry"); ok && f.Anonymous && f.Type == reflect.TypeOf(widget.Entry{}) {
			out = append(out, v.Elem().FieldByIndex(f.Index).Addr().Interface().(*widget.Entry))
		}
		return false
	})
	return out
}
