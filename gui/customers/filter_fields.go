package customers

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
)

// filterRow is one line of the filter panel: its label, its widgets, and how it reads
// the seller's text into a filter and shows a filter's value again.
type filterRow struct {
	label string
	obj   fyne.CanvasObject
	// read sets the row's part of f; it returns the sentence for text it cannot read
	// ("" when read).
	read func(f *data.CustomerFilter) string
	load func(f data.CustomerFilter)
}

// entries are the row's text boxes (none for a choice).
func (r *filterRow) entries() []*widget.Entry {
	switch o := r.obj.(type) {
	case *widget.Entry:
		return []*widget.Entry{o}
	case *fyne.Container:
		var out []*widget.Entry
		for _, c := range o.Objects {
			if e, ok := c.(*widget.Entry); ok {
				out = append(out, e)
			}
		}
		return out
	}
	return nil
}

// filterSection is a titled group of rows (购买, 时间, 客户资料, 分组与状态).
type filterSection struct {
	title string
	rows  []*filterRow
}

// panelEntry is a one-line entry that tells the panel of every edit.
func panelEntry(placeholder string, changed func()) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(string) { changed() }
	return e
}

// textRow is a free-text condition (goods, province, city, source).
func textRow(label, placeholder string, field func(*data.CustomerFilter) *string, changed func()) *filterRow {
	e := panelEntry(placeholder, changed)
	return &filterRow{label: label, obj: e,
		read: func(f *data.CustomerFilter) string { *field(f) = strings.TrimSpace(e.Text); return "" },
		load: func(f data.CustomerFilter) { e.SetText(*field(&f)) },
	}
}

// numberKind says how a range's bounds are typed: whole numbers, or money in the
// archive's currency read by the trade form's rule (data.ParseYuan) into fen.
type numberKind int

const (
	wholeNumber numberKind = iota
	moneyAmount
)

// parse reads one bound; ok=false for text that is not a number of the kind.
func (k numberKind) parse(s string) (int64, bool) {
	if k == moneyAmount {
		v, err := data.ParseYuan(s)
		return v, err == nil
	}
	return data.ParseDecimal(s, 0)
}

func (k numberKind) format(v int64) string {
	if k == moneyAmount {
		return ui.Amount(v)
	}
	return strconv.FormatInt(v, 10)
}

// bound reads one box of a range: its value, whether it holds one, and the sentence
// for text that is not a number of the kind.
func (k numberKind) bound(label string, e *widget.Entry) (int64, bool, string) {
	text := strings.TrimSpace(e.Text)
	if text == "" {
		return 0, false, ""
	}
	v, ok := k.parse(text)
	if !ok {
		return 0, false, k.problem(label, text)
	}
	return v, true, ""
}

// problem is the sentence for text of the kind that could not be read.
func (k numberKind) problem(label, text string) string {
	key := "groupsui.bad_number"
	if k == moneyAmount {
		key = "groupsui.bad_amount"
	}
	return lang.L(key, map[string]any{"Field": label, "Text": text})
}

// rangeRow is a lower and an upper bound (最少 – 最多); an empty box is no bound.
func rangeRow(label string, kind numberKind, field func(*data.CustomerFilter) *data.Range, changed func()) *filterRow {
	lo := panelEntry(lang.L("groupsui.min"), changed)
	hi := panelEntry(lang.L("groupsui.max"), changed)
	return &filterRow{label: label, obj: container.NewGridWithColumns(2, lo, hi),
		read: func(f *data.CustomerFilter) string {
			r := data.Range{}
			low, hasMin, problem := kind.bound(label, lo)
			if problem != "" {
				return problem
			}
			high, hasMax, problem := kind.bound(label, hi)
			if problem != "" {
				return problem
			}
			if hasMin {
				r = r.AtLeast(low)
			}
			if hasMax {
				r = r.AtMost(high)
			}
			*field(f) = r
			return ""
		},
		load: func(f data.CustomerFilter) {
			r := *field(&f)
			lo.SetText(boundText(r.HasMin, r.Min, kind))
			hi.SetText(boundText(r.HasMax, r.Max, kind))
		},
	}
}

func boundText(has bool, v int64, kind numberKind) string {
	if !has {
		return ""
	}
	return kind.format(v)
}

// dateRow is a span of days typed as the trade form types dates (2026-06-30,
// 2026/6/30, 2026年6月30日 …): from one day through another, both included.
func dateRow(label string, field func(*data.CustomerFilter) *data.DateRange, changed func()) *filterRow {
	from := panelEntry(lang.L("groupsui.from"), changed)
	to := panelEntry(lang.L("groupsui.to"), changed)
	day := func(e *widget.Entry) (time.Time, string) {
		text := strings.TrimSpace(e.Text)
		if text == "" {
			return time.Time{}, ""
		}
		t, ok := data.ParseTime(text, time.Local)
		if !ok {
			return time.Time{}, lang.L("groupsui.bad_date", map[string]any{"Field": label, "Text": text})
		}
		return data.Date(t), ""
	}
	return &filterRow{label: label, obj: container.NewGridWithColumns(2, from, to),
		read: func(f *data.CustomerFilter) string {
			start, problem := day(from)
			if problem != "" {
				return problem
			}
			end, problem := day(to)
			if problem != "" {
				return problem
			}
			d := data.DateRange{From: start}
			if !end.IsZero() {
				d.Before = end.AddDate(0, 0, 1) // 到 includes its day
			}
			*field(f) = d
			return ""
		},
		load: func(f data.CustomerFilter) {
			d := *field(&f)
			from.SetText(dayText(d.From, 0))
			to.SetText(dayText(d.Before, -1))
		},
	}
}

// dayText shows a filter's calendar day moved by days, "" for none.
func dayText(t time.Time, days int) string {
	if t.IsZero() {
		return ""
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, days).Format(data.DateLayout)
}

// choiceRow is a pick among options, the first of which (不限) keeps everyone; index
// reads the filter's choice, set writes the chosen index into it.
func choiceRow(label string, options []string, index func(data.CustomerFilter) int, set func(*data.CustomerFilter, int), changed func()) *filterRow {
	sel := widget.NewSelect(append([]string{lang.L("groupsui.any")}, options...), func(string) { changed() })
	sel.SetSelectedIndex(0)
	return &filterRow{label: label, obj: sel,
		read: func(f *data.CustomerFilter) string { set(f, max(0, sel.SelectedIndex())); return "" },
		load: func(f data.CustomerFilter) { sel.SetSelectedIndex(index(f)) },
	}
}

// yesNoRow is a yes-or-no question answered 不限 / 是 / 否.
func yesNoRow(label string, field func(*data.CustomerFilter) *data.YesNo, changed func()) *filterRow {
	answers := []string{lang.L("groupsui.any"), lang.L("groupsui.yes"), lang.L("groupsui.no")}
	radio := widget.NewRadioGroup(answers, func(string) { changed() })
	radio.Horizontal = true
	radio.Required = true
	radio.SetSelected(answers[0])
	return &filterRow{label: label, obj: radio,
		read: func(f *data.CustomerFilter) string {
			*field(f) = data.YesNo(max(0, indexOfAny(answers, radio.Selected)))
			return ""
		},
		load: func(f data.CustomerFilter) { radio.SetSelected(answers[*field(&f)]) },
	}
}

// checkRow is a condition that is on or off (沉睡客户).
func checkRow(label, text string, field func(*data.CustomerFilter) *bool, changed func()) *filterRow {
	check := widget.NewCheck(text, func(bool) { changed() })
	return &filterRow{label: label, obj: check,
		read: func(f *data.CustomerFilter) string { *field(f) = check.Checked; return "" },
		load: func(f data.CustomerFilter) { check.SetChecked(*field(&f)) },
	}
}
