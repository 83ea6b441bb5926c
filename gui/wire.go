package gui

import (
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"shopcrm/data"
	"shopcrm/gui/groups"
)

// This file is the one place that hands the store to the areas and joins their
// callbacks: an area sees only the small Store interface it declares.

// groupsScreen builds the 分组 entry of the navigation rail; a group opens as a
// filtered customer list.
func (g *App) groupsScreen() screen {
	s := groups.New(g.win, g.store, func() time.Time { return g.store.Now() }, g.spawn)
	g.groups = s
	s.OnOpen = func(f data.CustomerFilter, label string) {
		g.customers.showGroup(f, label)
		g.showScreen(g.customers.content)
	}
	return screen{lang.L("nav.groups"), theme.GridIcon(), s.Content, s.Reload}
}
