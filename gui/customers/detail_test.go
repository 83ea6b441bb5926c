package customers

import (
	"testing"

	"shopcrm/i18n"
)

func TestDetailPaneLeavesTheListItsShareInEnglish(t *testing.T) {
	for _, choice := range []string{i18n.Chinese, i18n.English} {
		g, store := openCustomersIn(t, choice)
		seedGoldenShop(t, store)
		s := g.customers
		s.Reload()
		for row := 0; row < 3; row++ {
			s.table.Select(widgetCell(row))
			// The split gives the detail a third of the 1240-wide window; a wider
			// minimum pushes the split over and hides the list's columns.
			if w := s.detail.content.MinSize().Width; w > 1240/3 {
				t.Errorf("%s, row %d: the detail pane needs %.0f px, more than a third of the window", choice, row, w)
			}
		}
	}
}
