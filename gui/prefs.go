package gui

import (
	"context"
	"fmt"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"shopcrm/gui/settings"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// pref reads one preference (see ui.Pref).
func (g *App) pref(key, def string) string { return ui.Pref(g.store, key, def) }

// setPref stores one preference, telling the seller when that failed.
func (g *App) setPref(key, value string) bool { return ui.SetPref(g.win, g.store, key, value) }

// applyPrefs puts the stored language and look into effect; it runs before the
// screens are built so that they come up in the chosen language.
func (g *App) applyPrefs() {
	if v := g.pref(settings.PrefLanguage, ""); v != "" { // never chosen: main already follows the system
		if err := i18n.Use(settings.LanguageChoice(v)); err != nil {
			log.Printf("translations: %v", err)
		}
		g.win.SetTitle(lang.L("app.title"))
	}
	g.applyLook()
}

// applyLook sets the theme from the stored light/dark choice and text size.
func (g *App) applyLook() {
	var variant *fyne.ThemeVariant
	switch g.pref(settings.PrefTheme, settings.ChoiceSystem) {
	case settings.ThemeLight:
		v := theme.VariantLight
		variant = &v
	case settings.ThemeDark:
		v := theme.VariantDark
		variant = &v
	}
	scale := float32(1)
	stored := g.pref(settings.PrefTextSize, "normal")
	for _, s := range settings.TextSizes {
		if s.Value == stored {
			scale = s.Scale
		}
	}
	g.fyneApp.Settings().SetTheme(newThemeWith(variant, scale))
}

// rememberWindowSize restores the window's last size and stores it when the window
// closes. Fyne has no window position API yet (fyne-io/fyne#554), so the window opens
// centred on the screen rather than wherever the window manager drops it.
func (g *App) rememberWindowSize() {
	var w, h float32
	if _, err := fmt.Sscanf(g.pref(settings.PrefWindow, ""), "%gx%g", &w, &h); err == nil && w >= 400 && h >= 300 {
		g.win.Resize(fyne.NewSize(w, h))
	}
	g.win.CenterOnScreen()
	g.win.SetOnClosed(func() {
		size := g.win.Canvas().Size()
		if size.Width < 400 || size.Height < 300 {
			return
		}
		// The window is gone: a failure can only be logged.
		if err := g.store.SetSetting(context.Background(), settings.PrefWindow, fmt.Sprintf("%.0fx%.0f", size.Width, size.Height)); err != nil {
			log.Printf("remember window size: %v", err)
		}
	})
}
