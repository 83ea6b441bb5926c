package groups

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/data/sqlite"
	"shopcrm/gui/internal/guitest"
	"shopcrm/i18n"
)

func TestMain(m *testing.M) { guitest.Main(m) }

// testWindow is the 分组 screen alone in a test window on a real temp store.
type testWindow struct {
	win   fyne.Window
	store *sqlite.Store
}

// openGroups shows the 分组 screen of the golden shop, in Chinese, with slow work run
// synchronously so a test sees its result at once.
func openGroups(t *testing.T) (*testWindow, *Screen) {
	t.Helper()
	return openGroupsIn(t, i18n.Chinese)
}

// openGroupsIn is openGroups in the language choice.
func openGroupsIn(t *testing.T, choice string) (*testWindow, *Screen) {
	t.Helper()
	_, w := guitest.Window(t, choice)
	store := guitest.Open(t, sqlite.Open)
	store.Now = guitest.Clock
	guitest.SeedGoldenShop(t, store)
	s := New(w, store, func() time.Time { return store.Now() }, func(f func()) { f() })
	s.OnOpen = func(data.CustomerFilter, string) {}
	w.SetContent(s.Content)
	w.Resize(fyne.NewSize(1100, 700))
	s.Reload()
	return &testWindow{win: w, store: store}, s
}

var walk = guitest.Walk

func button(t *testing.T, w fyne.Window, label string) *widget.Button {
	t.Helper()
	return guitest.Button(t, w, label)
}
