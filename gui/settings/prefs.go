package settings

import (
	"context"
	"log"

	"fyne.io/fyne/v2"

	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// The interface preferences 常规 edits, kept in the store's settings table so that
// they travel with the data folder. The values are the stored spellings, never
// translated words; the shell applies them (theme, language, window size).
const (
	PrefLanguage = "ui.language"    // "system", "zh" or "en"; unset: follow the system
	PrefTheme    = "ui.theme"       // "system", "light" or "dark"
	PrefTextSize = "ui.text_size"   // one of TextSizes
	PrefWindow   = "ui.window_size" // "WIDTHxHEIGHT" of the main window when it closed
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

// PrefStore keeps preferences.
type PrefStore interface {
	Setting(ctx context.Context, key, def string) (string, error)
	SetSetting(ctx context.Context, key, value string) error
}

// Pref reads one preference; a failure falls back to def and is logged, since a
// preference must never stop the app from starting.
func Pref(store PrefStore, key, def string) string {
	v, err := store.Setting(context.Background(), key, def)
	if err != nil {
		log.Printf("read preference: %v", err)
		return def
	}
	return v
}

// SetPref stores one preference, telling the seller in win when that failed.
func SetPref(win fyne.Window, store PrefStore, key, value string) bool {
	if err := store.SetSetting(context.Background(), key, value); err != nil {
		ui.ShowError(win, err)
		return false
	}
	return true
}

// LanguageChoice turns a stored language into an i18n choice.
func LanguageChoice(stored string) string {
	if stored == ChoiceSystem {
		return i18n.System
	}
	return stored
}
