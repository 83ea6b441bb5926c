package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"shopcrm/assets"
)

// shopTheme is Fyne's default theme with the bundled CJK font and the brand orange.
// Characters the font lacks still fall back to the system fonts, which Fyne's text
// renderer does on its own for any glyph missing from the theme font.
type shopTheme struct{ fyne.Theme }

func newTheme() fyne.Theme { return &shopTheme{Theme: theme.DefaultTheme()} }

var brandOrange = color.NRGBA{R: 0xFF, G: 0x50, B: 0x00, A: 0xFF}

func (t *shopTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace || s.Symbol:
		return t.Theme.Font(s)
	case s.Bold:
		return assets.FontBold
	}
	return assets.FontRegular
}

func (t *shopTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNamePrimary:
		return brandOrange
	case theme.ColorNameFocus:
		return color.NRGBA{R: 0xFF, G: 0x50, B: 0x00, A: 0x7F}
	case theme.ColorNameSelection:
		return color.NRGBA{R: 0xFF, G: 0x50, B: 0x00, A: 0x30}
	}
	return t.Theme.Color(n, v)
}
