package groups

import "fyne.io/fyne/v2/lang"

// What the shell's whole-window tests do on the screen; they sit in another package
// and see only exported names.

// ShowSavedTab shows the 已保存 tab, as a click on it would.
func (s *Screen) ShowSavedTab() {
	for _, item := range s.tabs.Items {
		if item.Text == lang.L("groups.tab.saved") {
			s.tabs.Select(item)
		}
	}
}
