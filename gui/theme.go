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
// The seller may pin it light or dark and make the text larger or smaller (设置 → 常规).
type shopTheme struct {
	fyne.Theme
	// variant, when set, replaces the system's light or dark choice.
	variant *fyne.ThemeVariant
	// textScale multiplies every text size; 0 or 1 leaves them as they are.
	textScale float32
}

// newThemeWith is the theme pinned to variant (nil: follow the system) with text
// sizes multiplied by textScale.
func newThemeWith(variant *fyne.ThemeVariant, textScale float32) fyne.Theme {
	return &shopTheme{Theme: theme.DefaultTheme(), variant: variant, textScale: textScale}
}

// Size scales the text sizes; every other size is the default theme's.
func (t *shopTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.Theme.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameCaptionText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText:
		if t.textScale > 0 {
			return s * t.textScale
		}
	}
	return s
}

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
	if t.variant != nil {
		v = *t.variant
	}
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
