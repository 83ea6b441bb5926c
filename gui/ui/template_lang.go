package ui

import "fyne.io/fyne/v2/lang"

// TemplateLang is the language code message templates are stored under for the chosen
// UI language ("zh" or "en"): 提醒 fills them, 设置 edits them.
func TemplateLang() string { return lang.L("reminders.lang_code") }
