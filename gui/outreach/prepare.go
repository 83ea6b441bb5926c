package outreach

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
	"shopcrm/importer"
)

// prepare shows the message a queue (or sheet) will send, from the template of kind,
// for the seller to choose another template or edit the text, then starts the queue
// (telling started) or asks where to save the sheet; a queue's dialog offers the
// sheet too (导出短信表), so a holiday greeting can go out by a bulk SMS tool.
func (a *Area) prepare(f data.CustomerFilter, label, holiday string, kind data.ReminderKind, sheet bool, started func()) {
	ctx := context.Background()
	spec, err := i18n.OutreachSpec(ctx, a.store, f, label, holiday, kind)
	if err != nil {
		ui.ShowError(a.win, err)
		return
	}
	body := widget.NewMultiLineEntry()
	body.Wrapping = fyne.TextWrapWord
	body.SetMinRowsVisible(6)
	body.SetText(spec.Body)
	names := make([]string, len(data.TemplateKinds))
	for i, k := range data.TemplateKinds {
		names[i] = i18n.ReminderKindName(k)
	}
	pick := widget.NewSelect(names, nil)
	pick.SetSelectedIndex(kindIndex(kind))
	pick.OnChanged = func(string) {
		k := data.TemplateKinds[pick.SelectedIndex()]
		text, err := i18n.MessageTemplate(ctx, a.store, k)
		if err != nil {
			ui.ShowError(a.win, err)
			return
		}
		spec.Kind = k
		body.SetText(text)
	}
	hint := ui.NewWrapLabel(lang.L("outreach.message"))
	count := widget.NewLabel("")
	count.Wrapping = fyne.TextWrapWord
	form := container.NewBorder(container.NewVBox(count, widget.NewForm(widget.NewFormItem(lang.L("outreach.template"), pick)), hint),
		nil, nil, nil, body)
	a.spawn(func() { // how many buyers the group or greeting has, before any is left out
		n, err := a.store.CountOutreach(ctx, spec)
		fyne.Do(func() {
			if err == nil {
				count.SetText(lang.L("outreach.count", map[string]any{"Count": n}))
			}
		})
	})
	title := lang.L("outreach.prepare.title", map[string]any{"Label": spec.Label})
	if sheet {
		title = lang.L("outreach.sheet.title", map[string]any{"Label": spec.Label})
	}
	d := dialog.NewCustomWithoutButtons(title, form, a.win)
	// do takes the text as it is now and starts the queue, or writes the sheet, with it.
	do := func(sendOneByOne bool) func() {
		return func() {
			spec.Body = body.Text
			if err := spec.Validate(); err != nil {
				ui.ShowError(a.win, err)
				return
			}
			d.Hide()
			if sendOneByOne {
				a.start(spec, started)
			} else {
				a.saveSheet(spec)
			}
		}
	}
	cancel := widget.NewButtonWithIcon(lang.L("action.cancel"), theme.CancelIcon(), d.Hide)
	exportB := widget.NewButtonWithIcon(lang.L("outreach.export"), theme.DocumentSaveIcon(), do(false))
	startB := widget.NewButtonWithIcon(lang.L("outreach.start"), theme.MailSendIcon(), do(true))
	startB.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{cancel, exportB, startB} // a queue can be a sheet instead
	if sheet {
		exportB.Importance = widget.HighImportance
		buttons = []fyne.CanvasObject{cancel, exportB}
	}
	d.SetButtons(buttons)
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
}

func kindIndex(k data.ReminderKind) int {
	for i, t := range data.TemplateKinds {
		if t == k {
			return i
		}
	}
	return 0
}

// saveSheet asks where to save the message sheet and writes it behind a progress bar
// with 取消, then says how many rows it has and whom it left out.
func (a *Area) saveSheet(spec data.OutreachSpec) {
	name := spec.Label + "-" + lang.L("cli.messages.label") + "-" + time.Now().Format("20060102") + ".xlsx"
	ui.AskSavePath(a.win, name, func(path string) {
		ui.RunWithProgress(a.win, a.spawn, lang.L("outreach.export"), path, func(ctx context.Context, progress func(done, total int)) (string, error) {
			n, left, err := importer.MessageFile(ctx, a.store, path, spec, i18n.GapWords(ui.Currency()), progress)
			return joinLines(lang.L("outreach.sheet.done", map[string]any{"Count": n, "Path": path}), leftOutText(left)), err
		})
	})
}

func leftOutText(l data.LeftOut) string { return i18n.LeftOutText(l) }

// joinLines joins the non-empty lines.
func joinLines(lines ...string) string {
	var keep []string
	for _, l := range lines {
		if l != "" {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}
