package ui

import (
	"context"
	"log"

	"fyne.io/fyne/v2"
)

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
		ShowError(win, err)
		return false
	}
	return true
}
