package customers

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// timeInputLayout is how a seller types a trade time (local time).
const timeInputLayout = "2006-01-02 15:04"

// tradeForm edits one trade by hand.
type tradeForm struct {
	*fieldForm
	base *data.Trade

	tradedAt, orderNo, goods, quantity, amount, refund *formEntry
	platform, status                                   *widget.Select
	note                                               *formEntry
}

func newTradeForm(t *data.Trade) *tradeForm {
	f := &tradeForm{fieldForm: newFieldForm(), base: t}
	at := ""
	if !t.TradedAt.IsZero() {
		at = t.TradedAt.Local().Format(timeInputLayout)
	}
	f.tradedAt = f.entry("traded_at", at, lang.L("hint.traded_at"), false)
	f.goods = f.entry("goods", t.Goods, "", false)
	f.quantity = f.entry("quantity", strconv.Itoa(t.Quantity), "", false)
	f.amount = f.entry("amount", yuanOrEmpty(t.AmountFen), lang.L("hint.amount", map[string]any{"Unit": ui.CurrencySymbol()}), false)
	f.refund = f.entry("refund", yuanOrEmpty(t.RefundFen), "", false)
	var statuses []string
	for _, s := range data.TradeStatuses {
		statuses = append(statuses, i18n.StatusName(s))
	}
	f.status = widget.NewSelect(statuses, nil)
	f.status.SetSelected(i18n.StatusName(t.Status))
	f.add("status", f.status)
	f.orderNo = f.entry("order_no", t.OrderNo, "", false)
	f.platform = widget.NewSelect(ui.PlatformNames(), nil)
	f.platform.SetSelectedIndex(ui.PlatformIndex(t.Platform))
	f.add("platform", f.platform)
	f.note = f.entry("note", t.Note, "", true)
	return f
}

func yuanOrEmpty(fen int64) string {
	if fen == 0 {
		return ""
	}
	return ui.Amount(fen)
}

// trade returns the edited trade, or false after marking the fields that could not
// be read (a time, a number, an amount) and those the domain rejects.
func (f *tradeForm) trade() (*data.Trade, bool) {
	t := *f.base
	var problems []*data.ValidationError
	bad := func(field string) {
		problems = append(problems, &data.ValidationError{Field: field, Code: data.CodeInvalid})
	}

	t.TradedAt = time.Time{}
	if s := strings.TrimSpace(f.tradedAt.Text); s != "" {
		at, ok := data.ParseTime(s, time.Local) // the importer's date rule: 2026-11-23 15:04, 2026/11/23, 2026年11月23日 …
		if !ok {
			bad("traded_at")
		}
		t.TradedAt = at
	}
	t.Quantity = 1
	if q := strings.TrimSpace(f.quantity.Text); q != "" {
		n, ok := data.ParseQuantity(q)
		if !ok {
			bad("quantity")
		}
		t.Quantity = n
	}
	t.AmountFen, t.RefundFen = 0, 0
	if s := strings.TrimSpace(f.amount.Text); s != "" {
		v, err := data.ParseYuan(s)
		if err != nil {
			bad("amount")
		}
		t.AmountFen = v
	}
	if s := strings.TrimSpace(f.refund.Text); s != "" {
		v, err := data.ParseYuan(s)
		if err != nil {
			bad("refund")
		}
		t.RefundFen = v
	}
	t.Status = data.TradeStatuses[max(0, f.status.SelectedIndex())]
	t.Platform = data.Platforms[max(0, f.platform.SelectedIndex())]
	t.OrderNo, t.Goods, t.Note = f.orderNo.Text, f.goods.Text, f.note.Text
	if len(problems) == 0 {
		t.Normalize()
		problems = t.Problems()
	}
	return &t, !f.showProblems(problems, "traded_at")
}
