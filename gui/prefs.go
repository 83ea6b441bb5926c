package gui

import (
	"context"
	"fmt"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"shopcrm/gui/settings"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// applyPrefs puts the stored language and look into effect as soon as the archive is
// open: before the lock password is asked and before the screens are built, so that
// both come up in the chosen language and look.
func applyPrefs(a fyne.App, store ui.PrefStore) {
	if v := ui.Pref(store, settings.PrefLanguage, ""); v != "" { // never chosen: main already follows the system
		if err := i18n.Use(settings.LanguageChoice(v)); err != nil {
			log.Printf("translations: %v", err)
		}
	}
	applyLook(a, store)
}

// applyLook sets the theme from the stored light/dark choice and text size.
func applyLook(a fyne.App, store ui.PrefStore) {
	var variant *fyne.ThemeVariant
	switch ui.Pref(store, settings.PrefTheme, settings.ChoiceSystem) {
	case settings.ThemeLight:
		v := theme.VariantLight
		variant = &v
	case settings.ThemeDark:
		v := theme.VariantDark
		variant = &v
	}
	scale := float32(1)
	stored := ui.Pref(store, settings.PrefTextSize, "normal")
	for _, s := range settings.TextSizes {
		if s.Value == stored {
			scale = s.Scale
		}
	}
	a.Settings().SetTheme(newThemeWith(variant, scale))
}

// rememberWindowSize restores the window's last size and stores it when the window
// closes. Fyne has no window position API yet (fyne-io/fyne#554), so the window opens
// centred on the screen rather than wherever the window manager drops it.
func rememberWindowSize(win fyne.Window, store ui.PrefStore) {
	var w, h float32
	if _, err := fmt.Sscanf(ui.Pref(store, settings.PrefWindow, ""), "%gx%g", &w, &h); err == nil && w >= 400 && h >= 300 {
		win.Resize(fyne.NewSize(w, h))
	}
	win.CenterOnScreen()
	win.SetOnClosed(func() {
		size := win.Canvas().Size()
		if size.Width < 400 || size.Height < 300 {
			return
		}
		// The window is gone: a failure can only be logged.
		if err := store.SetSetting(context.Background(), settings.PrefWindow, fmt.Sprintf("%.0fx%.0f", size.Width, size.Height)); err != nil {
			log.Printf("remember window size: %v", err)
		}
	})
}
