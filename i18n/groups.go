package i18n

import (
	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
)

// SegmentName is the translated name of an RFM segment (重要价值 for "HHH"), "" for none.
func SegmentName(g data.Segment) string {
	if g == "" {
		return ""
	}
	return lang.L("segment." + string(g))
}
