package imports

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
	"shopcrm/importer"
)

// summaryPage shows what the import did (or would do) and the row problems.
func (w *Wizard) summaryPage(dry bool) fyne.CanvasObject {
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
	if line := i18n.LinkSummary(r); line != "" {
		counts.SetText(counts.Text + "\n" + line)
	}
	counts.Wrapping = fyne.TextWrapWord
	if lines := outcomeLines(r.Outcomes, len(r.Duplicates)); lines != "" {
		counts.SetText(counts.Text + "\n" + lines)
	}
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
		if len(r.Duplicates) > 0 && w.OnMerge != nil {
			buttons = append(buttons, widget.NewButton(lang.L("import.merge_duplicates", map[string]any{"Count": len(r.Duplicates)}),
				w.pickDuplicate))
		}
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

// pickDuplicate lists the new customers the import made that may be someone known;
// picking one closes the wizard and opens 合并到… for them.
func (w *Wizard) pickDuplicate() {
	dups := w.result.Duplicates
	var d dialog.Dialog
	list := widget.NewList(func() int { return len(dups) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			p := dups[i]
			o.(*widget.Label).SetText(strings.TrimSpace(p.Sheet+" "+lang.L("issue.row")+" "+fmt.Sprint(p.Row)) + "  " + p.Name)
		})
	list.OnSelected = func(i widget.ListItemID) {
		d.Hide()
		w.dlg.Hide()
		w.OnMerge(dups[i].CustomerID)
	}
	d = dialog.NewCustom(lang.L("merge.action"), lang.L("action.cancel"), list, w.win)
	d.Resize(fyne.NewSize(360, 320))
	d.Show()
}

// outcomeLines says what was skipped and rejected, by reason, and how many new
// customers may be someone known: one line each.
func outcomeLines(outcomes []data.Outcome, duplicates int) string {
	lines := i18n.Outcomes(outcomes)
	if duplicates > 0 {
		lines = append(lines, lang.L("outcome.duplicates", map[string]any{"Count": duplicates}))
	}
	return strings.Join(lines, "\n")
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
func (w *Wizard) saveIssues() {
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
