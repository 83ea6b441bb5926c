package i18n

import (
	"strings"
	"testing"

	"shopcrm/data"
)

// The seller's list of placeholders names every placeholder a template can hold, in
// Chinese in the Chinese hint and in English in the English one.
func TestEveryPlaceholderIsListedForTheSeller(t *testing.T) {
	tr := loadTranslations(t)
	for _, p := range data.TemplatePlaceholders() {
		if hint := tr["zh_Hans.json"]["settings.reminders.placeholders"]; !strings.Contains(hint, p[0]) {
			t.Errorf("the Chinese placeholder list lacks %s: %q", p[0], hint)
		}
		if hint := tr["en.json"]["settings.reminders.placeholders"]; !strings.Contains(hint, p[1]) {
			t.Errorf("the English placeholder list lacks %s: %q", p[1], hint)
		}
	}
}

func TestUpgradeGapWording(t *testing.T) {
	t.Cleanup(func() { Use(Chinese) })
	both := data.UpgradeGap{Current: "tier.regular", Next: "tier.senior", Fen: 12000, HasFen: true, Trades: 1, HasTrades: true}
	money := data.UpgradeGap{Current: "普通", Next: "金卡", Fen: 5, HasFen: true}
	trades := data.UpgradeGap{Current: "tier.vip", Next: "tier.supreme", Trades: 3, HasTrades: true}
	top := data.UpgradeGap{Current: "tier.supreme"}
	for _, tt := range []struct {
		lang string
		g    data.UpgradeGap
		cur  data.Currency
		want string
	}{
		{Chinese, both, "", "还差 ¥120.00 或 1 笔升到 高级客户"},
		{Chinese, money, "GBP", "还差 £0.05 升到 金卡"},
		{Chinese, trades, "", "还差 3 笔升到 至尊VIP"},
		{Chinese, top, "", "已是最高等级"},
		{English, both, "USD", "$120.00 or 1 order away from Senior"},
		{English, trades, "", "3 orders away from Supreme VIP"},
		{English, top, "", "Already in the top tier"},
	} {
		if err := Use(tt.lang); err != nil {
			t.Fatal(err)
		}
		if got := UpgradeGap(tt.g, tt.cur); got != tt.want {
			t.Errorf("%s %+v: got %q, want %q", tt.lang, tt.g, got, tt.want)
		}
		if got := UpgradeGapField(tt.g, tt.cur); (got == "") != tt.g.Top() {
			t.Errorf("%s %+v: message field %q", tt.lang, tt.g, got)
		}
	}
}
