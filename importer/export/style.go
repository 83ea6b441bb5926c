package export

import (
	"github.com/xuri/excelize/v2"

	"shopcrm/importer/field"
)

// Number formats of the typed cells.
const (
	moneyFormat    = `"¥"#,##0.00`
	dateFormat     = "yyyy-mm-dd"
	dateTimeFormat = "yyyy-mm-dd hh:mm:ss"
	textFormat     = 49 // built-in "@": Excel keeps what is typed into the cell as text
	integerFormat  = 1  // built-in "0"
)

// kind is what a column holds, which decides its format and width.
type kind int

const (
	kindText kind = iota
	kindInt
	kindMoney
	kindDate
	kindDateTime
)

func kindOf(k field.Key) kind {
	switch k {
	case field.Quantity, StatTrades:
		return kindInt
	case field.Amount, field.Refund, field.UnitPrice, StatTotal:
		return kindMoney
	case field.Birthday:
		return kindDate
	case field.PaidAt, field.CreatedAt, field.TradedAt, StatLastTrade:
		return kindDateTime
	}
	return kindText
}

// styles are the style ids of one workbook.
type styles struct {
	header, text, integer, money, date, dateTime int
}

func newStyles(f *excelize.File) (*styles, error) {
	var st styles
	money, date, dateTime := moneyFormat, dateFormat, dateTimeFormat
	for _, s := range []struct {
		id    *int
		style excelize.Style
	}{
		{&st.header, excelize.Style{
			Font:      &excelize.Font{Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}},
			Alignment: &excelize.Alignment{Vertical: "center"},
			Border:    []excelize.Border{{Type: "bottom", Color: "BFBFBF", Style: 1}},
			NumFmt:    textFormat,
		}},
		{&st.text, excelize.Style{NumFmt: textFormat}},
		{&st.integer, excelize.Style{NumFmt: integerFormat}},
		{&st.money, excelize.Style{CustomNumFmt: &money}},
		{&st.date, excelize.Style{CustomNumFmt: &date}},
		{&st.dateTime, excelize.Style{CustomNumFmt: &dateTime}},
	} {
		id, err := f.NewStyle(&s.style)
		if err != nil {
			return nil, err
		}
		*s.id = id
	}
	return &st, nil
}

func (st *styles) forKind(k kind) int {
	switch k {
	case kindInt:
		return st.integer
	case kindMoney:
		return st.money
	case kindDate:
		return st.date
	case kindDateTime:
		return st.dateTime
	}
	return st.text
}

// textWidths are widths, in Excel character units, of text columns whose values are
// usually wider than their header.
var textWidths = map[field.Key]float64{
	field.Nick:          16,
	field.Phone:         15,
	field.ShipPhone:     15,
	field.Email:         24,
	field.WeChat:        16,
	field.Wangwang:      16,
	field.QQ:            13,
	field.Address:       40,
	field.ShipAddress:   40,
	field.Goods:         32,
	field.Note:          30,
	field.TradeNote:     30,
	field.OrderNo:       22,
	field.Tags:          20,
	field.LunarBirthday: 12,
	MessageText:         60,
}

// width fits the column's usual values and its header, with room for the filter
// button; a CJK character is about two Excel character units wide.
func width(c Column) float64 {
	w := 10.0
	switch kindOf(c.Field) {
	case kindMoney:
		w = 14
	case kindDate:
		w = 12
	case kindDateTime:
		w = 20
	case kindText:
		if tw, ok := textWidths[c.Field]; ok {
			w = tw
		}
	}
	if h := float64(displayWidth(c.Header)) + 4; h > w {
		w = h
	}
	return min(w, 60)
}

// displayWidth counts a wide (CJK, full-width) character as two.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if wide(r) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func wide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115F || // Hangul Jamo
		(r >= 0x2E80 && r <= 0xA4CF) || // CJK radicals … Yi
		(r >= 0xAC00 && r <= 0xD7A3) || // Hangul syllables
		(r >= 0xF900 && r <= 0xFAFF) || // CJK compatibility ideographs
		(r >= 0xFE30 && r <= 0xFE4F) || // CJK compatibility forms
		(r >= 0xFF00 && r <= 0xFF60) || // full-width forms
		(r >= 0xFFE0 && r <= 0xFFE6) ||
		(r >= 0x20000 && r <= 0x3FFFD))
}
