package settings

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
)

// Privacy holds the privacy settings: phone masking in lists; onMask is told the
// seller's choice.
func Privacy(win fyne.Window, store ui.PrefStore, onMask func(on bool)) Section {
	mask := widget.NewCheck(lang.L("settings.mask_phones"), nil)
	load := func() {
		v, err := store.Setting(context.Background(), data.SettingMaskPhones, "1")
		if err != nil {
			ui.ShowError(win, err)
			return
		}
		mask.OnChanged = nil
		mask.SetChecked(v != "0")
		mask.OnChanged = func(on bool) {
			value := "0"
			if on {
				value = "1"
			}
			if err := store.SetSetting(context.Background(), data.SettingMaskPhones, value); err != nil {
				ui.ShowError(win, err)
				return
			}
			onMask(on)
		}
	}
	load()
	hint := widget.NewLabel(lang.L("settings.mask_phones.hint"))
	hint.Wrapping = fyne.TextWrapWord
	return Section{
		title:   lang.L("settings.privacy"),
		content: container.NewVBox(mask, hint),
		reload:  load,
	}
}
