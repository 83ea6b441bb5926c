package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// settingsScreen is 设置: one scrolling column of titled sections. Each feature keeps
// its section in its own file (settings_<area>.go) and lists it in settingsSections.
type settingsScreen struct {
	content  fyne.CanvasObject
	sections []settingsSection
}

// settingsSection is one titled block of the settings screen; reload (optional) reads
// the stored values again each time the screen is shown.
type settingsSection struct {
	title   string
	content fyne.CanvasObject
	reload  func()
}

// settingsSections lists the sections in the order they appear.
func (g *App) settingsSections() []settingsSection {
	return []settingsSection{
		g.generalSection(),
		g.remindersSection(),
		g.privacySection(),
		g.securitySection(),
		g.backupSection(),
		g.auditSection(),
	}
}

func newSettingsScreen(sections []settingsSection) *settingsScreen {
	col := container.NewVBox()
	for _, sec := range sections {
		title := widget.NewLabelWithStyle(sec.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		col.Add(widget.NewCard("", "", container.NewVBox(title, sec.content)))
	}
	return &settingsScreen{content: container.NewVScroll(container.NewPadded(col)), sections: sections}
}

// reload refreshes every section from the store.
func (s *settingsScreen) reload() {
	for _, sec := range s.sections {
		if sec.reload != nil {
			sec.reload()
		}
	}
}
