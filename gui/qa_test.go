package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"shopcrm/gui/onboarding"
	"shopcrm/i18n"
)

// Fyne wraps a label at the last space that fits, so one space inside a Chinese
// paragraph ("显示 TA 的资料") ends a line half way across the dialog.
func TestLongChineseTextHasNoSpacesToWrapAt(t *testing.T) {
	newTestApp(t)
	texts := map[string]string{
		"import.preview.hint": lang.L("import.preview.hint", map[string]any{"Row": 1}),
		"demo.banner":         lang.L("demo.banner", map[string]any{"Count": 3000}),
	}
	for _, p := range onboarding.TourPages {
		texts["tour."+p.Name+".body"] = lang.L("tour." + p.Name + ".body")
	}
	for key, text := range texts {
		if strings.Contains(text, " ") {
			t.Errorf("%s has a space, the line breaks there: %q", key, text)
		}
	}
}

func TestGroupsFitA1024WideWindowInEnglish(t *testing.T) {
	g, store := newTestAppIn(t, i18n.English)
	seedGoldenShop(t, store)
	g.groups.Reload()
	border := g.win.Content().(*fyne.Container)
	rail := border.Objects[len(border.Objects)-1].MinSize().Width + 40 // and the window's and tabs' padding
	for name, tab := range g.groups.GroupLists() {
		if w := rail + tab.MinSize().Width; w > 1024 {
			t.Errorf("the %s tab needs a %.0f px wide window; a 1024 px screen cuts off its buttons", name, w)
		}
	}
}

func TestTourStepCounterIsNotGreyedOut(t *testing.T) {
	g, _ := newTestApp(t)
	g.showTour()
	found := walk(topLayer(g.win), func(o fyne.CanvasObject) bool {
		l, ok := o.(*widget.Label)
		if !ok || !strings.HasPrefix(l.Text, "1 / ") {
			return false
		}
		if l.Importance == widget.LowImportance {
			t.Error("the step counter is drawn in the disabled colour, it looks greyed out")
		}
		return true
	})
	if !found {
		t.Fatal("no step counter on the first tour page")
	}
}
