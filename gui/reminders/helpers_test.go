package reminders

import (
	"testing"

	"fyne.io/fyne/v2"

	"shopcrm/data/sqlite"
	"shopcrm/gui/internal/guitest"
	"shopcrm/i18n"
)

func TestMain(m *testing.M) { guitest.Main(m) }

// testNow is the fixed clock of GUI tests.
var testNow = guitest.Now

// testApp is the 提醒 screen alone in a test window on a real temp store.
type testApp struct {
	win       fyne.Window
	reminders *Screen
}

// newTestApp shows the 提醒 screen on an empty store, in Chinese, with slow work run
// synchronously so a test sees its result at once.
func newTestApp(t *testing.T) (*testApp, *sqlite.Store) {
	t.Helper()
	a, w := guitest.Window(t, i18n.Chinese)
	store := guitest.Open(t, sqlite.Open)
	store.Now = guitest.Clock
	s := New(a, w, store, func(f func()) { f() })
	s.OnOpenCustomer = func(int64) {}
	w.SetContent(s.Content)
	return &testApp{win: w, reminders: s}, store
}
