package gui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// generalSection is 常规: language, light or dark, text size and the data folder.
func (g *App) generalSection() settingsSection {
	language := g.choiceRadio(prefLanguage, choiceSystem,
		[]string{choiceSystem, i18n.Chinese, i18n.English},
		[]string{lang.L("settings.language.system"), lang.L("settings.language.zh"), lang.L("settings.language.en")},
		func() { // the screens carry their words: build them again in the new language
			if err := i18n.Use(languageChoice(g.pref(prefLanguage, choiceSystem))); err != nil {
				ui.ShowError(g.win, err)
				return
			}
			g.reopen()
		})
	look := g.choiceRadio(prefTheme, choiceSystem,
		[]string{choiceSystem, themeLight, themeDark},
		[]string{lang.L("settings.theme.system"), lang.L("settings.theme.light"), lang.L("settings.theme.dark")},
		g.applyLook)
	var sizeValues, sizeLabels []string
	for _, s := range textSizes {
		sizeValues = append(sizeValues, s.value)
		sizeLabels = append(sizeLabels, lang.L("settings.text_size."+s.value))
	}
	size := g.choiceRadio(prefTextSize, "normal", sizeValues, sizeLabels, g.applyLook)

	dir := filepath.Dir(g.store.Path())
	folder := widget.NewLabel(dir)
	folder.Wrapping = fyne.TextWrapBreak
	open := widget.NewButtonWithIcon(lang.L("settings.data_folder.open"), theme.FolderOpenIcon(), g.openDataFolder)
	hint := widget.NewLabel(lang.L("settings.data_folder.hint"))
	hint.Wrapping = fyne.TextWrapWord

	form := widget.NewForm(
		widget.NewFormItem(lang.L("settings.language"), language.radio),
		widget.NewFormItem(lang.L("settings.theme"), look.radio),
		widget.NewFormItem(lang.L("settings.text_size"), size.radio),
		widget.NewFormItem(lang.L("settings.data_folder"), container.NewVBox(folder, container.NewHBox(open), hint)),
	)
	return settingsSection{
		title:   lang.L("settings.general"),
		content: form,
		reload: func() {
			language.load()
			look.load()
			size.load()
		},
	}
}

// choiceRadio is a row of options stored under one preference key.
type choiceRadio struct {
	radio *widget.RadioGroup
	load  func()
}

// choiceRadio shows labels for the stored values; choosing one stores it and calls
// changed. load shows the stored choice again without calling changed.
func (g *App) choiceRadio(key, def string, values, labels []string, changed func()) choiceRadio {
	r := widget.NewRadioGroup(labels, nil)
	r.Horizontal = true
	r.Required = true
	var loading bool
	r.OnChanged = func(label string) {
		if loading {
			return
		}
		for i, l := range labels {
			if l == label && g.setPref(key, values[i]) {
				changed()
			}
		}
	}
	load := func() {
		stored := g.pref(key, def)
		loading = true
		defer func() { loading = false }()
		for i, v := range values {
			if v == stored {
				r.SetSelected(labels[i])
			}
		}
	}
	load()
	return choiceRadio{radio: r, load: load}
}
