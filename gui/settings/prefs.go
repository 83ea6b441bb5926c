package settings

import (
	"shopcrm/i18n"
)

// The interface preferences 常规 edits, kept in the store's settings table so that
// they travel with the data folder. The values are the stored spellings, never
// translated words; the shell applies them (theme, language, window size).
const (
	PrefLanguage = "ui.language"         // "system", "zh" or "en"; unset: follow the system
	PrefTheme    = "ui.theme"            // "system", "light" or "dark"
	PrefTextSize = "ui.text_size"        // one of TextSizes
	PrefWindow   = "ui.main_window_size" // "WIDTHxHEIGHT" of the main window when it closed
	// PrefWindowBefore is where versions before issue 16's fix kept the size. It is not
	// read: a label could grow the window past the screen then (to 1240×1824), and the
	// size stored at close would have brought that window back at every start.
	PrefWindowBefore = "ui.window_size"
)

// The stored choices of language and theme.
const (
	ChoiceSystem = "system"
	ThemeLight   = "light"
	ThemeDark    = "dark"
)

// TextSizes are the text size choices, smallest first, with their scale.
var TextSizes = []struct {
	Value string
	Scale float32
}{{"small", 0.9}, {"normal", 1}, {"large", 1.15}, {"larger", 1.3}}

// LanguageChoice turns a stored language into an i18n choice.
func LanguageChoice(stored string) string {
	if stored == ChoiceSystem {
		return i18n.System
	}
	return stored
}
