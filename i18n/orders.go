package i18n

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
)

// LinkSummary is the sentence an import's summary adds about orders without a buyer:
// how many came in unlinked and how many stored ones it linked; "" when neither.
func LinkSummary(r *data.ImportResult) string {
	var parts []string
	if r.TradesUnlinked > 0 {
		parts = append(parts, lang.L("orders.import.unlinked", map[string]any{"Count": r.TradesUnlinked}))
	}
	if r.TradesLinked > 0 {
		parts = append(parts, lang.L("orders.import.linked", map[string]any{"Count": r.TradesLinked}))
	}
	return strings.Join(parts, " ")
}

// orderMessage is the sentence for an error of linking orders, "" when err is none.
func orderMessage(err error) string {
	switch {
	case errors.Is(err, data.ErrOrderNotFound):
		return lang.L("orders.error.not_found")
	case errors.Is(err, data.ErrBuyerNotFound):
		return lang.L("orders.error.no_buyer")
	case errors.Is(err, data.ErrOrderLinked):
		return lang.L("orders.error.linked")
	case errors.Is(err, data.ErrOrderAmbiguous):
		return lang.L("orders.error.ambiguous")
	}
	return ""
}
