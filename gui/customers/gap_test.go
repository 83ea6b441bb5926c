package customers

import (
	"context"
	"testing"
	"time"

	"shopcrm/data"
	"shopcrm/gui/ui"
)

// The detail says how far the buyer is from the next tier, in the archive's currency,
// follows a new trade at once, and says so at the top tier.
func TestDetailShowsTheUpgradeGap(t *testing.T) {
	g, store := openCustomers(t)
	ctx := context.Background()
	c := &data.Customer{Platform: data.PlatformTaobao, Nick: "茶友"}
	if err := store.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	trade := func(fen int64) {
		t.Helper()
		if err := store.CreateTrade(ctx, &data.Trade{CustomerID: c.ID, AmountFen: fen, TradedAt: time.Date(2026, 5, 1, 4, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
	}
	trade(38000)
	g.customers.Reload()
	g.customers.ShowCustomer(c.ID)
	if len(labelsWith(g, "还差 ¥120.00 或 1 笔升到 高级客户")) != 1 {
		t.Error("the detail of a buyer with one trade of ¥380 does not show 还差 ¥120.00 或 1 笔升到 高级客户")
	}
	ui.SetCurrency("GBP")
	t.Cleanup(func() { ui.SetCurrency(data.DefaultCurrency) })
	trade(500000)
	g.customers.Refresh()
	if len(labelsWith(g, "已是最高等级")) != 1 {
		t.Error("a buyer of ¥5,380 in two trades is not shown at the top tier")
	}
	tiers, err := store.Tiers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	top := int64(600000)
	tiers[4].MinTrades, tiers[4].MinTotalFen = nil, &top // 至尊VIP by value only
	if err := store.SaveTiers(ctx, tiers); err != nil {
		t.Fatal(err)
	}
	g.customers.Refresh()
	if len(labelsWith(g, "还差 £620.00 升到 至尊VIP")) != 1 {
		t.Error("after the seller changed the top tier to value only, the detail does not show 还差 £620.00 升到 至尊VIP")
	}
}
