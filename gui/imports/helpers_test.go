package imports

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data/sqlite"
	"shopcrm/gui/internal/guitest"
	"shopcrm/i18n"
)

func TestMain(m *testing.M) { guitest.Main(m) }

// testApp is a test window to run the import wizard in, on a real temp store.
type testApp struct {
	win    fyne.Window
	store  *sqlite.Store
	wizard *Wizard
}

// newTestApp opens an empty window on an empty store, in Chinese.
func newTestApp(t *testing.T) (*testApp, *sqlite.Store) {
	t.Helper()
	_, w := guitest.Window(t, i18n.Chinese)
	store := guitest.Open(t, sqlite.Open)
	store.Now = guitest.Clock
	w.Resize(fyne.NewSize(1100, 700))
	return &testApp{win: w, store: store}, store
}

// openImport opens the wizard on path with slow work run synchronously.
func (g *testApp) openImport(path string) {
	g.wizard = Start(g.win, g.store, func(f func()) { f() }, path, nil)
}

var (
	hasText           = guitest.HasText
	hasTextContaining = guitest.HasTextContaining
)

func button(t *testing.T, w fyne.Window, label string) *widget.Button {
	t.Helper()
	return guitest.Button(t, w, label)
}
