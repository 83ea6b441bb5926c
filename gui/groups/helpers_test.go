package groups

import (
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/data/sqlite"
	"shopcrm/gui/internal/guitest"
	"shopcrm/i18n"
)

func TestMain(m *testing.M) {
	guitest.PinZone()
	os.Exit(m.Run())
}

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
	test.NewTempApp(t)
	if err := i18n.Use(choice); err != nil {
		t.Fatal(err)
	}
	store := guitest.Open(t, sqlite.Open)
	store.Now = guitest.Clock
	guitest.SeedGoldenShop(t, store)
	w := test.NewTempWindow(t, widget.NewLabel(""))
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
