package imports

import (
	"context"
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
	"shopcrm/importer"
	"shopcrm/importer/field"
	"shopcrm/importer/sheet"
)

// Wizard walks a seller through one import: preview and mapping, a dry run
// with its summary, the import with progress and cancel, and the result with the row
// problems, savable as xlsx.
type Wizard struct {
	win   fyne.Window
	store importer.Store
	path  string
	opt   importer.Options
	spawn func(func())
	// onImported is told after a batch was written.
	onImported func()
	// OnMerge opens 合并到… for a new customer the import listed as possibly someone
	// known (data.PossibleDuplicate).
	OnMerge func(customerID int64)

	preview *importer.Preview
	fields  []field.Key
	changed bool // the seller corrected the mapping: remember it
	dlg     *dialog.CustomDialog
	body    *fyne.Container
	status  *widget.Label
	cancel  context.CancelFunc
	result  *data.ImportResult
	// currencyNote warns that the file's currency is not the archive's, or says
	// that the file sets it; "" when there is nothing to say.
	currencyNote string
}

// FileFilter is the file picker's filter: Excel workbooks old and new (.xls also for the
// HTML tables old JD and ERP exports save under that name), WPS tables, csv and text.
// Case does not matter (订单.XLS). The reader goes by content, not by the name.
func FileFilter() storage.FileFilter {
	return storage.NewExtensionFileFilter([]string{".xlsx", ".xlsm", ".xls", ".et", ".csv", ".txt", ".htm", ".html"})
}

// PickFile asks for a file to import and passes its path to open.
func PickFile(win fyne.Window, open func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		open(r.URI().Path())
	}, win)
	d.SetFilter(FileFilter())
	ui.ShowFileDialog(d, lang.L("filedialog.open_title"))
}

// Start opens the wizard on the file at path; spawn runs slow work off the UI goroutine
// and onImported is told after a batch was written.
func Start(win fyne.Window, store importer.Store, spawn func(func()), path string, onImported func()) *Wizard {
	w := &Wizard{win: win, store: store, path: path, spawn: spawn, onImported: onImported}
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
func (w *Wizard) show(page fyne.CanvasObject) {
	w.body.Objects = []fyne.CanvasObject{page}
	w.body.Refresh()
	w.dlg.Show()
}

// loadPreview reads the head of the file off the UI goroutine.
func (w *Wizard) loadPreview() {
	w.show(w.busyPage(lang.L("import.reading"), false))
	opt := w.opt
	w.spawn(func() {
		p, err := importer.PreviewFile(w.path, opt)
		if err == nil {
			_, err = importer.RecallMapping(context.Background(), w.store, p.Mapping)
		}
		note := ""
		if err == nil {
			note, err = currencyNote(context.Background(), w.store, p.Mapping)
		}
		fyne.Do(func() {
			switch {
			case errors.Is(err, sheet.ErrPasswordRequired), errors.Is(err, sheet.ErrWrongPassword):
				w.askPassword(errors.Is(err, sheet.ErrWrongPassword))
			case err != nil:
				w.fail(err)
			default:
				w.preview, w.fields, w.currencyNote = p, p.Mapping.Fields, note
				w.show(w.previewPage())
			}
		})
	})
}

func (w *Wizard) fail(err error) {
	w.dlg.Hide()
	ui.ShowError(w.win, err)
}

func (w *Wizard) askPassword(wrong bool) {
	pw := widget.NewPasswordEntry()
	msg := lang.L("import.password")
	if wrong {
		msg = i18n.Message(sheet.ErrWrongPassword)
	}
	w.dlg.Hide()
	note := widget.NewLabel(msg)
	note.Wrapping = fyne.TextWrapWord
	d := ui.NewFormDialog(lang.L("import.password.title"), lang.L("action.open"),
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
func (w *Wizard) previewPage() fyne.CanvasObject {
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
	platforms := widget.NewSelect(ui.PlatformNames(), func(string) {})
	platforms.SetSelectedIndex(ui.PlatformIndex(p.Platform))
	platformLabel := lang.L("field.platform")
	if p.Mapping.Has(field.Platform) {
		// The sheet says each row's platform; the choice only fills empty cells.
		platformLabel = lang.L("roundtrip.platform_when_empty")
	}
	top = append(top, widget.NewLabel(platformLabel), platforms)
	hint := widget.NewLabel(lang.L("import.preview.hint", map[string]any{"Row": p.Mapping.HeaderRow}))
	hint.Wrapping = fyne.TextWrapWord
	head := []fyne.CanvasObject{container.NewHBox(top...), hint}
	if w.currencyNote != "" {
		note := widget.NewLabel(w.currencyNote)
		note.Wrapping = fyne.TextWrapWord
		note.Importance = widget.WarningImportance
		head = append(head, note)
	}

	check := widget.NewButton(lang.L("import.check"), func() {
		w.opt.Platform = data.Platforms[max(0, platforms.SelectedIndex())]
		w.opt.Fields = w.fields
		w.run(true)
	})
	check.Importance = widget.HighImportance
	buttons := container.NewHBox(layout.NewSpacer(), widget.NewButton(lang.L("action.cancel"), w.dlg.Hide), check)
	return container.NewBorder(container.NewVBox(head...), buttons, nil, nil, table.table)
}

// busyPage shows progress with a cancel button (when the work can be cancelled).
func (w *Wizard) busyPage(msg string, cancellable bool) fyne.CanvasObject {
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
func (w *Wizard) run(dry bool) {
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

// SetField maps column col to k, as the seller's choice in the column's dropdown does.
func (w *Wizard) SetField(col int, k field.Key) {
	w.fields[col] = k
	w.changed = true
}

// Preview is the head of the file as read, with the guessed mapping (nil before).
func (w *Wizard) Preview() *importer.Preview { return w.preview }

// Fields is the field each column is mapped to.
func (w *Wizard) Fields() []field.Key { return w.fields }

// Result is what the last check or import did (nil before one finished).
func (w *Wizard) Result() *data.ImportResult { return w.result }

// currencyNote is what the preview says about the file's currency: a warning when it
// is not the archive's (the import will refuse it), a note when the file sets the
// currency of an empty archive, else "".
func currencyNote(ctx context.Context, store importer.Store, m *importer.Mapping) (string, error) {
	file, archive, conflict, err := importer.CurrencyCheck(ctx, store, m)
	args := map[string]any{"File": string(file), "Archive": string(archive)}
	switch {
	case err != nil:
		return "", err
	case conflict:
		return lang.L("import.currency_conflict", args), nil
	case file != "" && file != archive:
		return lang.L("import.currency_first", args), nil
	}
	return "", nil
}

// CurrencyNote is the preview's note on the file's currency ("" for none).
func (w *Wizard) CurrencyNote() string { return w.currencyNote }
