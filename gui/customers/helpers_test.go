package customers

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/data/sqlite"
	"shopcrm/gui/internal/guitest"
	"shopcrm/i18n"
)

func TestMain(m *testing.M) { guitest.Main(m) } // dates in the list are local

// testNow is the fixed clock of GUI tests.
var testNow = guitest.Now

// testWindow is the 客户 screen alone in a test window.
type testWindow struct {
	win       fyne.Window
	customers *Screen
}

// openCustomers shows the 客户 screen on an empty temp store, in Chinese, with phones
// masked and slow work run synchronously so a test sees its result at once.
func openCustomers(t *testing.T) (*testWindow, *sqlite.Store) {
	t.Helper()
	return openCustomersIn(t, i18n.Chinese)
}

// openCustomersIn is openCustomers in the language choice.
func openCustomersIn(t *testing.T, choice string) (*testWindow, *sqlite.Store) {
	t.Helper()
	_, w := guitest.Window(t, choice)
	store := guitest.Open(t, sqlite.Open)
	store.Now = guitest.Clock
	mask, err := store.Setting(context.Background(), data.SettingMaskPhones, "1")
	if err != nil {
		t.Fatal(err)
	}
	s := New(w, store, guitest.Clock, mask != "0", func(f func()) { f() })
	s.SearchDelay = 0
	w.SetContent(s.Content)
	w.Resize(fyne.NewSize(1100, 700))
	s.Reload()
	return &testWindow{win: w, customers: s}, store
}

// seedGoldenShop makes a small, fixed shop.
func seedGoldenShop(t testing.TB, s guitest.Seeder) { guitest.SeedGoldenShop(t, s) }

var hasText = guitest.HasText

func button(t *testing.T, w fyne.Window, label string) *widget.Button {
	t.Helper()
	return guitest.Button(t, w, label)
}

// cell is the text the list shows at row, col.
func cell(s *Screen, row, col int) string { return s.Cell(row, col) }

func widgetCell(row int) widget.TableCellID { return widget.TableCellID{Row: row} }
