package gui

import (
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/assets"
	"shopcrm/gui/ui"
)

// Version is the app version, set at build time with
// -ldflags "-X shopcrm/gui.Version=1.2.3" (make build / make run read it from
// FyneApp.toml). Packages made by `fyne package` carry it in the app metadata instead.
var Version string

// version is the version to show: the build's, else the app metadata's.
func version(a fyne.App) string {
	if Version != "" {
		return Version
	}
	return a.Metadata().Version
}

// showAbout is 帮助 → 关于: name, version, and the licences of what the app is made of,
// the bundled font's in full.
func (g *App) showAbout() {
	title := lang.L("app.title")
	if title != "ShopCRM" {
		title += " · ShopCRM"
	}
	name := widget.NewLabelWithStyle(title, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	version := widget.NewLabelWithStyle(lang.L("about.version", map[string]any{"Version": version(g.fyneApp)}), fyne.TextAlignCenter, fyne.TextStyle{})
	credits := widget.NewLabel(lang.L("about.credits"))
	credits.Wrapping = fyne.TextWrapWord
	font := widget.NewLabel(assets.FontLicence)
	font.Wrapping = fyne.TextWrapWord
	font.SizeName = theme.SizeNameCaptionText
	fontBox := container.NewVScroll(font)
	fontBox.SetMinSize(fyne.NewSize(0, 220))
	content := container.NewBorder(container.NewVBox(name, version, credits,
		widget.NewLabelWithStyle(lang.L("about.font_licence"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})), nil, nil, nil, fontBox)
	d := dialog.NewCustom(lang.L("menu.help.about"), lang.L("about.close"), content, g.win)
	d.Resize(fyne.NewSize(600, 520))
	d.Show()
}

// openDataFolder shows the data folder in the system's file manager.
func (g *App) openDataFolder() {
	if err := g.fyneApp.OpenURL(folderURL(filepath.Dir(g.store.Path()))); err != nil {
		ui.ShowError(g.win, err)
	}
}

// folderURL is the file:// URL of a folder; a Windows path C:\Users\… becomes
// file:///C:/Users/….
func folderURL(dir string) *url.URL {
	dir = filepath.ToSlash(dir)
	if !strings.HasPrefix(dir, "/") {
		dir = "/" + dir
	}
	return &url.URL{Scheme: "file", Path: dir}
}
