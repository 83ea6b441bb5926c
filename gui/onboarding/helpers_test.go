package onboarding

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"shopcrm/gui/internal/guitest"
	"shopcrm/i18n"
)

func TestMain(m *testing.M) { guitest.Main(m) }

// testApp is an empty test window to show the tour over.
type testApp struct{ win fyne.Window }

// newTestApp opens the window, in Chinese.
func newTestApp(t *testing.T) *testApp {
	t.Helper()
	_, w := guitest.Window(t, i18n.Chinese)
	w.Resize(fyne.NewSize(1100, 700))
	return &testApp{win: w}
}

// showTour shows the tour over the window, as 帮助 → 导览 does.
func (g *testApp) showTour() { ShowTour(g.win) }

var hasText = guitest.HasText

func button(t *testing.T, w fyne.Window, label string) *widget.Button {
	t.Helper()
	return guitest.Button(t, w, label)
}
