package gui

import (
	"context"
	"fmt"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// Interface preferences, kept in the store's settings table so that they travel with
// the data folder. The values are the stored spellings, never translated words.
const (
	prefLanguage = "ui.language"     // "system", "zh" or "en"; unset: follow the system
	prefTheme    = "ui.theme"        // "system", "light" or "dark"
	prefTextSize = "ui.text_size"    // one of textSizes
	prefWindow   = "ui.window_size"  // "WIDTHxHEIGHT" of the main window when it closed
	prefWelcome  = "ui.welcome_done" // "1" once the welcome was answered
)

const (
	choiceSystem = "system"
	themeLight   = "light"
	themeDark    = "dark"
)

// textSizes are the text size choices, smallest first, with their scale.
var textSizes = []struct {
	value string
	scale float32
}{{"small", 0.9}, {"normal", 1}, {"large", 1.15}, {"larger", 1.3}}

// pref reads one preference; a failure falls back to def and is logged, since a
// preference must never stop the app from starting.
func (g *App) pref(key, def string) string {
	v, err := g.store.Setting(context.Background(), key, def)
	if err != nil {
		log.Printf("read preference: %v", err)
		return def
	}
	return v
}

// setPref stores one preference, telling the seller when that failed.
func (g *App) setPref(key, value string) bool {
	if err := g.store.SetSetting(context.Background(), key, value); err != nil {
		ui.ShowError(g.win, err)
		return false
	}
	return true
}

// applyPrefs puts the stored language and look into effect; it runs before the
// screens are built so that they come up in the chosen language.
func (g *App) applyPrefs() {
	if v := g.pref(prefLanguage, ""); v != "" { // never chosen: main already follows the system
		if err := i18n.Use(languageChoice(v)); err != nil {
			log.Printf("translations: %v", err)
		}
		g.win.SetTitle(lang.L("app.title"))
	}
	g.applyLook()
}

// languageChoice turns a stored language into an i18n choice.
func languageChoice(stored string) string {
	if stored == choiceSystem {
		return i18n.System
	}
	return stored
}

// applyLook sets the theme from the stored light/dark choice and text size.
func (g *App) applyLook() {
	var variant *fyne.ThemeVariant
	switch g.pref(prefTheme, choiceSystem) {
	case themeLight:
		v := theme.VariantLight
		variant = &v
	case themeDark:
		v := theme.VariantDark
		variant = &v
	}
	scale := float32(1)
	stored := g.pref(prefTextSize, "normal")
	for _, s := range textSizes {
		if s.value == stored {
			scale = s.scale
		}
	}
	g.fyneApp.Settings().SetTheme(newThemeWith(variant, scale))
}

// rememberWindowSize restores the window's last size and stores it when the window
// closes. Fyne has no window position API yet (fyne-io/fyne#554), so the window opens
// centred on the screen rather than wherever the window manager drops it.
func (g *App) rememberWindowSize() {
	var w, h float32
	if _, err := fmt.Sscanf(g.pref(prefWindow, ""), "%gx%g", &w, &h); err == nil && w >= 400 && h >= 300 {
		g.win.Resize(fyne.NewSize(w, h))
	}
	g.win.CenterOnScreen()
	g.win.SetOnClosed(func() {
		size := g.win.Canvas().Size()
		if size.Width < 400 || size.Height < 300 {
			return
		}
		// The window is gone: a failure can only be logged.
		if err := g.store.SetSetting(context.Background(), prefWindow, fmt.Sprintf("%.0fx%.0f", size.Width, size.Height)); err != nil {
			log.Printf("remember window size: %v", err)
		}
	})
}
