package gui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/data/sqlite"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
	"shopcrm/importer"
	"shopcrm/importer/field"
	"shopcrm/importer/sheet"
)

// importWizard walks a seller through one import: preview and mapping, a dry run
// with its summary, the import with progress and cancel, and the result with the row
// problems, savable as xlsx.
type importWizard struct {
	win   fyne.Window
	store *sqlite.Store
	path  string
	opt   importer.Options
	spawn func(func())
	// onImported is told after a batch was written.
	onImported func()

	preview *importer.Preview
	fields  []field.Key
	changed bool // the seller corrected the mapping: remember it
	dlg     *dialog.CustomDialog
	body    *fyne.Container
	status  *widget.Label
	cancel  context.CancelFunc
	result  *data.ImportResult
}

// pickImportFile asks for a file to import.
func pickImportFile(win fyne.Window, open func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		open(r.URI().Path())
	}, win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".xlsm", ".csv", ".txt", ".xls"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// startImport opens the wizard on a file.
func startImport(win fyne.Window, store *sqlite.Store, spawn func(func()), path string, onImported func()) *importWizard {
	w := &importWizard{win: win, store: store, path: path, spawn: spawn, onImported: onImported}
	w.status = widget.NewLabel("")
	w.status.Wrapping = fyne.TextWrapWord
	w.body = container.NewStack()
	w.dlg = dialog.NewCustomWithoutButtons(lang.L("import.title", map[string]any{"File": filepath.Base(path)}), w.body, win)
	size := win.Canvas().Size()
	w.dlg.Resize(fyne.NewSize(max(600, size.Width*0.92), max(420, size.Height*0.9)))
	w.loadPreview()
	return w
}

// show replaces the wizard's page.
func (w *importWizard) show(page fyne.CanvasObject) {
	w.body.Objects = []fyne.CanvasObject{page}
	w.body.Refresh()
	w.dlg.Show()
}

// loadPreview reads the head of the file off the UI goroutine.
func (w *importWizard) loadPreview() {
	w.show(w.busyPage(lang.L("import.reading"), false))
	opt := w.opt
	w.spawn(func() {
		p, err := importer.PreviewFile(w.path, opt)
		if err == nil {
			_, err = importer.RecallMapping(context.Background(), w.store, p.Mapping)
		}
		fyne.Do(func() {
			switch {
			case errors.Is(err, sheet.ErrPasswordRequired), errors.Is(err, sheet.ErrWrongPassword):
				w.askPassword(errors.Is(err, sheet.ErrWrongPassword))
			case err != nil:
				w.fail(err)
			default:
				w.preview, w.fields = p, p.Mapping.Fields
				w.show(w.previewPage())
			}
		})
	})
}

func (w *importWizard) fail(err error) {
	w.dlg.Hide()
	ui.ShowError(w.win, err)
}

func (w *importWizard) askPassword(wrong bool) {
	pw := widget.NewPasswordEntry()
	msg := lang.L("import.password")
	if wrong {
		msg = i18n.Message(sheet.ErrWrongPassword)
	}
	w.dlg.Hide()
	note := widget.NewLabel(msg)
	note.Wrapping = fyne.TextWrapWord
	d := dialog.NewForm(lang.L("import.password.title"), lang.L("action.open"), lang.L("action.cancel"),
		[]*widget.FormItem{widget.NewFormItem("", note), widget.NewFormItem(lang.L("import.password.label"), pw)}, func(ok bool) {
			if ok {
				w.opt.Password = pw.Text
				w.loadPreview()
			}
		}, w.win)
	d.Resize(fyne.NewSize(460, 220))
	d.Show()
	w.win.Canvas().Focus(pw)
}

// previewPage: sheet and platform choice, the first rows with a field dropdown over
// each column, and 检查数据.
func (w *importWizard) previewPage() fyne.CanvasObject {
	p := w.preview
	table := newMappingTable(p.Mapping.Headers, p.Rows, w.fields)
	table.OnChanged = func(int, field.Key) { w.changed = true }

	var top []fyne.CanvasObject
	if len(p.Sheets) > 1 {
		sheets := widget.NewSelect(p.Sheets, nil)
		sheets.SetSelected(p.Sheet)
		sheets.OnChanged = func(s string) {
			w.opt.Sheet, w.opt.Fields = s, nil
			w.loadPreview()
		}
		top = append(top, widget.NewLabel(lang.L("import.sheet")), sheets)
	}
	platforms := widget.NewSelect(platformNames(), func(string) {})
	platforms.SetSelectedIndex(platformIndex(p.Platform))
	platformLabel := lang.L("field.platform")
	if p.Mapping.Has(field.Platform) {
		// The sheet says each row's platform; the choice only fills empty cells.
		platformLabel = lang.L("roundtrip.platform_when_empty")
	}
	top = append(top, widget.NewLabel(platformLabel), platforms)
	hint := widget.NewLabel(lang.L("import.preview.hint", map[string]any{"Row": p.Mapping.HeaderRow}))
	hint.Wrapping = fyne.TextWrapWord

	check := widget.NewButton(lang.L("import.check"), func() {
		w.opt.Platform = data.Platforms[max(0, platforms.SelectedIndex())]
		w.opt.Fields = w.fields
		w.run(true)
	})
	check.Importance = widget.HighImportance
	buttons := container.NewHBox(layout.NewSpacer(), widget.NewButton(lang.L("action.cancel"), w.dlg.Hide), check)
	return container.NewBorder(container.NewVBox(container.NewHBox(top...), hint), buttons, nil, nil, table.table)
}

// busyPage shows progress with a cancel button (when the work can be cancelled).
func (w *importWizard) busyPage(msg string, cancellable bool) fyne.CanvasObject {
	w.status.SetText(msg)
	bar := widget.NewProgressBarInfinite()
	items := []fyne.CanvasObject{layout.NewSpacer(), w.status, bar}
	if cancellable {
		items = append(items, container.NewCenter(widget.NewButton(lang.L("action.cancel"), func() {
			if w.cancel != nil {
				w.cancel()
			}
		})))
	}
	return container.NewVBox(append(items, layout.NewSpacer())...)
}

// run imports (or, dry, checks) the file off the UI goroutine.
func (w *importWizard) run(dry bool) {
	ctx, cancel := context.WithCancel(context.Background())
	w.cancel = cancel
	msg := lang.L("import.importing")
	if dry {
		msg = lang.L("import.checking")
	}
	w.show(w.busyPage(msg, true))
	opt := w.opt
	opt.DryRun = dry
	opt.Progress = func(rows int) {
		fyne.Do(func() { w.status.SetText(msg + " " + lang.L("import.rows_read", map[string]any{"Rows": rows})) })
	}
	w.spawn(func() {
		if !dry && w.changed {
			m := *w.preview.Mapping
			m.Fields = w.fields
			if err := importer.RememberMapping(ctx, w.store, &m); err != nil {
				fyne.Do(func() { w.fail(err) })
				return
			}
		}
		res, err := importer.ImportWithBackup(ctx, w.store, w.path, opt)
		fyne.Do(func() {
			cancel()
			switch {
			case errors.Is(err, context.Canceled):
				w.show(w.previewPage())
			case err != nil:
				w.fail(err)
			default:
				w.result = res
				w.show(w.summaryPage(dry))
				if !dry && w.onImported != nil {
					w.onImported()
				}
			}
		})
	})
}

// summaryPage shows what the import did (or would do) and the row problems.
func (w *importWizard) summaryPage(dry bool) fyne.CanvasObject {
	r := w.result
	key := "import.done"
	if dry {
		key = "import.would"
	}
	counts := widget.NewLabel(lang.L(key, map[string]any{
		"Created": r.CustomersCreated, "Updated": r.CustomersUpdated, "Unchanged": r.CustomersUnchanged,
		"TradesCreated": r.TradesCreated, "TradesUpdated": r.TradesUpdated, "TradesUnchanged": r.TradesUnchanged,
		"Skipped": r.Skipped, "Rejected": r.Rejected, "Problems": len(r.Issues),
	}))
	counts.Wrapping = fyne.TextWrapWord
	issues := issueTable(r.Issues)
	detail := issueDetail(issues, r.Issues)
	var buttons []fyne.CanvasObject
	buttons = append(buttons, layout.NewSpacer())
	if len(r.Issues) > 0 {
		buttons = append(buttons, widget.NewButton(lang.L("import.save_problems"), w.saveIssues))
	}
	if dry {
		back := widget.NewButton(lang.L("import.back"), func() { w.show(w.previewPage()) })
		start := widget.NewButton(lang.L("import.start"), func() { w.run(false) })
		start.Importance = widget.HighImportance
		buttons = append(buttons, widget.NewButton(lang.L("action.cancel"), w.dlg.Hide), back, start)
	} else {
		done := widget.NewButton(lang.L("action.done"), w.dlg.Hide)
		done.Importance = widget.HighImportance
		buttons = append(buttons, done)
	}
	var center fyne.CanvasObject = issues
	if len(r.Issues) == 0 {
		center = container.NewCenter(widget.NewLabel(lang.L("import.no_problems")))
	}
	return container.NewBorder(counts, container.NewVBox(detail, container.NewHBox(buttons...)), nil, nil, center)
}

// issueDetail is a line under the problem table that spells out the selected problem
// in full (the table cuts long reasons off); it starts on the first problem.
func issueDetail(t *widget.Table, issues []data.RowIssue) *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	if len(issues) == 0 {
		l.Hide()
		return l
	}
	show := func(row int) {
		is := issues[row]
		at := map[string]any{"Row": strings.TrimSpace(is.Sheet + " " + fmt.Sprint(is.Row)), "Column": is.Column}
		where := lang.L("qa.issue.at_row", at)
		if is.Column != "" {
			where = lang.L("qa.issue.at_cell", at)
		}
		key := "qa.issue.detail"
		if is.Value != "" {
			key = "qa.issue.detail_value"
		}
		l.SetText(lang.L(key, map[string]any{"Where": where, "Reason": i18n.IssueReason(is.Reason), "Value": is.Value}))
	}
	t.OnSelected = func(id widget.TableCellID) { show(id.Row) }
	show(0) // not t.Select: selecting before the table is laid out scrolls it away from the top
	return l
}

// issueTable lists row problems: row, column, reason, value.
func issueTable(issues []data.RowIssue) *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return len(issues), 4 },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			is := issues[id.Row]
			text := ""
			switch id.Col {
			case 0:
				text = strings.TrimSpace(is.Sheet + " " + fmt.Sprint(is.Row))
			case 1:
				text = is.Column
			case 2:
				text = i18n.IssueReason(is.Reason)
			case 3:
				text = is.Value
			}
			o.(*widget.Label).SetText(text)
		})
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		names := []string{lang.L("issue.row"), lang.L("issue.column"), lang.L("issue.reason"), lang.L("issue.value")}
		if id.Col >= 0 && id.Col < len(names) {
			o.(*widget.Label).SetText(names[id.Col])
		}
	}
	for i, wdt := range []float32{80, 140, 560, 160} {
		t.SetColumnWidth(i, wdt)
	}
	return t
}

// saveIssues writes the problem list to an xlsx the seller picks.
func (w *importWizard) saveIssues() {
	name := strings.TrimSuffix(filepath.Base(w.path), filepath.Ext(w.path)) + lang.L("import.problems_suffix") + ".xlsx"
	issues := w.result.Issues
	ui.SaveAs(w.win, w.spawn, name, "", func(path string) (string, error) { return "", saveIssuesTo(path, issues) })
}

func saveIssuesTo(path string, issues []data.RowIssue) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	err = importer.WriteIssues(f, issues, importer.IssueHeaders{
		Sheet: lang.L("issue.sheet"), Row: lang.L("issue.row"), Column: lang.L("issue.column"),
		Reason: lang.L("issue.reason"), Value: lang.L("issue.value"),
	}, i18n.IssueReason)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
