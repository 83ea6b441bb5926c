package i18n

import (
	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
)

// UpgradeGap words a customer's distance to the next tier ("还差 ¥120.00 或 1 笔升到
// 高级客户"), naming only the bounds that tier has, with the amount in cur; at the top
// tier it says so ("已是最高等级").
func UpgradeGap(g data.UpgradeGap, cur data.Currency) string {
	if g.Top() {
		return lang.L("upgrade_gap.top")
	}
	args := map[string]any{"Tier": TierName(g.Next), "Amount": cur.OrDefault().Format(g.Fen)}
	tradesKey := "upgrade_gap.orders"
	if g.Trades == 1 {
		tradesKey = "upgrade_gap.order"
	}
	args["Trades"] = lang.L(tradesKey, map[string]any{"Count": g.Trades})
	switch {
	case g.HasFen && g.HasTrades:
		return lang.L("upgrade_gap.either", args)
	case g.HasFen:
		return lang.L("upgrade_gap.amount", args)
	}
	return lang.L("upgrade_gap.trades", args)
}

// GapWords words {升级差额} in the user's language and the currency cur.
func GapWords(cur data.Currency) data.GapWords {
	return func(g data.UpgradeGap) string { return UpgradeGapField(g, cur) }
}

// UpgradeGapField is the {升级差额} of a message: UpgradeGap, or "" at the top tier so
// that the template drops the placeholder.
func UpgradeGapField(g data.UpgradeGap, cur data.Currency) string {
	if g.Top() {
		return ""
	}
	return UpgradeGap(g, cur)
}
