package imports

import (
	"strconv"
	"strings"
	"time"

	"shopcrm/gui/ui"
	"shopcrm/importer/clean"
	"shopcrm/importer/field"
)

// previewCell is how the import preview shows a raw cell of a column mapped to k.
// Workbooks store dates as day counts (40513.35) and prices as binary fractions
// (2.5499999999999998); a seller checking the mapping should see 2010-12-01 08:26 and
// 2.55, as the import will read them. Anything else is shown as it is in the sheet.
func previewCell(k field.Key, raw string) string {
	s := strings.TrimSpace(raw)
	if _, err := strconv.ParseFloat(s, 64); err != nil {
		return raw
	}
	switch k {
	case field.PaidAt, field.CreatedAt, field.TradedAt, field.Birthday:
		if t, ok := clean.Date(s, time.Local); ok {
			if k == field.Birthday || t.Hour() == 0 && t.Minute() == 0 {
				return t.Format(time.DateOnly)
			}
			return t.Format("2006-01-02 15:04")
		}
	case field.Amount, field.UnitPrice, field.Refund:
		if fen, ok := clean.Amount(s); ok && strings.Contains(s, ".") && len(s)-strings.Index(s, ".") > 3 {
			return ui.Amount(fen)
		}
	}
	return raw
}
