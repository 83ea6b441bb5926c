// Package assets embeds what the binary carries: the app icon, the bundled CJK font
// (Noto Sans SC, SIL Open Font License 1.1, see fonts/OFL.txt) and the translations.
// The font is a subset (fonts/README.md, scripts/subset-font.py): every GB2312
// character, common name characters beyond it, the punctuation blocks and every
// character of the app's own texts; Fyne draws any other character with a system font.
package assets

import (
	"embed"
	_ "embed" // for the //go:embed resources below

	"fyne.io/fyne/v2"
)

var (
	//go:embed icon.png
	iconPNG []byte
	//go:embed fonts/NotoSansSC-Regular-Subset.ttf
	fontRegular []byte
	//go:embed fonts/NotoSansSC-Bold-Subset.ttf
	fontBold []byte
	//go:embed fonts/OFL.txt
	fontLicence []byte

	// Translations holds translations/zh_Hans.json, translations/en.json and the
	// per-screen files translations/<area>.zh_Hans.json / <area>.en.json.
	//go:embed translations/*.json
	Translations embed.FS

	// FyneTranslations holds Fyne's own words (Yes, Cancel, the file dialog) in Chinese
	// and English, copied from fyne.io/fyne/v2 lang/translations (BSD 3-Clause), for
	// registering under a system locale that differs from the chosen language.
	//go:embed fyne/*.json
	FyneTranslations embed.FS
)

// Icon is the app icon.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)

// FontRegular and FontBold are Noto Sans SC, a single-file CJK font (a .ttf, never a
// .ttc: Fyne cannot read collections), cut down to the characters sellers use: Fyne
// (go-text) parses every glyph outline of a face when it loads it, and the complete
// faces' 30,898 glyphs each cost about 45 MB of heap.
var (
	FontRegular = fyne.NewStaticResource("NotoSansSC-Regular-Subset.ttf", fontRegular)
	FontBold    = fyne.NewStaticResource("NotoSansSC-Bold-Subset.ttf", fontBold)
)

// FontLicence is the font's licence text, shown in About.
var FontLicence = string(fontLicence)
