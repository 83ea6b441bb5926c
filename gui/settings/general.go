package settings

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// GeneralActions are what the 常规 section asks of the shell.
type GeneralActions struct {
	// OnLanguage builds every screen again in the language just chosen (the screens
	// carry their words).
	OnLanguage func()
	// OnLook applies the chosen theme and text size.
	OnLook func()
	// OnOpenDataFolder shows the data folder in the system's file manager.
	OnOpenDataFolder func()
}

// General is 常规: language, light or dark, text size and the data folder dataDir.
func General(win fyne.Window, store ui.PrefStore, dataDir string, do GeneralActions) Section {
	language := newChoiceRadio(win, store, PrefLanguage, ChoiceSystem,
		[]string{ChoiceSystem, i18n.Chinese, i18n.English},
		[]string{lang.L("settings.language.system"), lang.L("settings.language.zh"), lang.L("settings.language.en")},
		func() { // the screens carry their words: build them again in the new language
			if err := i18n.Use(LanguageChoice(ui.Pref(store, PrefLanguage, ChoiceSystem))); err != nil {
				ui.ShowError(win, err)
				return
			}
			do.OnLanguage()
		})
	look := newChoiceRadio(win, store, PrefTheme, ChoiceSystem,
		[]string{ChoiceSystem, ThemeLight, ThemeDark},
		[]string{lang.L("settings.theme.system"), lang.L("settings.theme.light"), lang.L("settings.theme.dark")},
		do.OnLook)
	var sizeValues, sizeLabels []string
	for _, s := range TextSizes {
		sizeValues = append(sizeValues, s.Value)
		sizeLabels = append(sizeLabels, lang.L("settings.text_size."+s.Value))
	}
	size := newChoiceRadio(win, store, PrefTextSize, "normal", sizeValues, sizeLabels, do.OnLook)

	folder := widget.NewLabel(dataDir)
	folder.Wrapping = fyne.TextWrapBreak
	open := widget.NewButtonWithIcon(lang.L("settings.data_folder.open"), theme.FolderOpenIcon(), do.OnOpenDataFolder)
	hint := widget.NewLabel(lang.L("settings.data_folder.hint"))
	hint.Wrapping = fyne.TextWrapWord

	form := widget.NewForm(
		widget.NewFormItem(lang.L("settings.language"), language.radio),
		widget.NewFormItem(lang.L("settings.theme"), look.radio),
		widget.NewFormItem(lang.L("settings.text_size"), size.radio),
		widget.NewFormItem(lang.L("settings.data_folder"), container.NewVBox(folder, container.NewHBox(open), hint)),
	)
	return Section{
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

// newChoiceRadio shows labels for the values stored under key; choosing one stores it
// and calls changed. load shows the stored choice again without calling changed.
func newChoiceRadio(win fyne.Window, store ui.PrefStore, key, def string, values, labels []string, changed func()) choiceRadio {
	r := widget.NewRadioGroup(labels, nil)
	r.Horizontal = true
	r.Required = true
	var loading bool
	r.OnChanged = func(label string) {
		if loading {
			return
		}
		for i, l := range labels {
			if l == label && ui.SetPref(win, store, key, values[i]) {
				changed()
			}
		}
	}
	load := func() {
		stored := ui.Pref(store, key, def)
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
