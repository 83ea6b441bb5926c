package imports

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"shopcrm/i18n"
	"shopcrm/importer/field"
)

// mappingChoices are the fields a column can be mapped to in the preview, in the
// order the dropdown offers them.
var mappingChoices = []field.Key{
	field.Ignore, field.Nick, field.Name, field.Phone, field.Email, field.Platform, field.Gender,
	field.Birthday, field.LunarBirthday, field.WeChat, field.Wangwang, field.QQ, field.Province,
	field.City, field.Address, field.Source, field.Tags, field.Note, field.OptOut, field.FirstName,
	field.LastName, field.OrderNo, field.PaidAt, field.CreatedAt, field.TradedAt, field.Goods,
	field.Quantity, field.UnitPrice, field.Amount, field.Refund, field.Status, field.TradeNote,
	field.ShipName, field.ShipPhone, field.ShipAddress,
}

// mappingLabel is how the dropdown shows a field.
func mappingLabel(k field.Key) string {
	if k == field.Ignore {
		return lang.L("import.map.ignore")
	}
	if _, ok := k.IsExtra(); ok {
		return lang.L("import.map.extra")
	}
	return i18n.FieldName(string(k))
}

// mappingTable shows the first rows of a sheet with a field dropdown above each
// column. It only edits fields; the wizard reads them back.
type mappingTable struct {
	headers []string
	rows    [][]string
	fields  []field.Key
	table   *widget.Table
	// OnChanged is told when the seller changes a column's field.
	OnChanged func(col int, k field.Key)
}

func newMappingTable(headers []string, rows [][]string, fields []field.Key) *mappingTable {
	m := &mappingTable{headers: headers, rows: rows, fields: fields}
	labels := make([]string, 0, len(mappingChoices)+1)
	for _, k := range mappingChoices {
		labels = append(labels, mappingLabel(k))
	}
	labels = append(labels, lang.L("import.map.extra"))
	m.table = widget.NewTable(
		func() (int, int) { return len(m.rows), len(m.headers) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			text := ""
			if id.Row < len(m.rows) && id.Col < len(m.rows[id.Row]) {
				text = previewCell(m.fields[id.Col], m.rows[id.Row][id.Col])
			}
			o.(*widget.Label).SetText(text)
		})
	m.table.ShowHeaderRow = true
	m.table.CreateHeader = func() fyne.CanvasObject {
		title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Truncation = fyne.TextTruncateEllipsis
		return container.NewVBox(title, widget.NewSelect(labels, nil))
	}
	m.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		box := o.(*fyne.Container)
		title, sel := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Select)
		if id.Col < 0 || id.Col >= len(m.headers) {
			return
		}
		col := id.Col
		title.SetText(m.headers[col])
		sel.OnChanged = nil
		sel.SetSelected(mappingLabel(m.fields[col]))
		sel.OnChanged = func(string) {
			k := field.Ignore
			if i := sel.SelectedIndex(); i >= 0 && i < len(mappingChoices) {
				k = mappingChoices[i]
			} else if i == len(mappingChoices) {
				k = field.Extra(m.headers[col])
			}
			m.fields[col] = k
			m.table.Refresh() // the column's cells show as the new field reads them
			if m.OnChanged != nil {
				m.OnChanged(col, k)
			}
		}
	}
	for i := range headers {
		m.table.SetColumnWidth(i, 150)
	}
	// Data rows are one line; only the header row carries the dropdown.
	rowHeight := widget.NewLabel("").MinSize().Height
	for i := range rows {
		m.table.SetRowHeight(i, rowHeight)
	}
	return m
}
