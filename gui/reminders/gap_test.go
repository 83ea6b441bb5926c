package reminders

import (
	"context"
	"testing"
	"time"

	"shopcrm/data"
)

// A template with {升级差额} gets the buyer's distance to the next tier, in words and
// in the archive's currency; a buyer at the top tier gets the sentence without it.
func TestReminderMessageFillsTheUpgradeGap(t *testing.T) {
	_, store := newTestApp(t)
	ctx := context.Background()
	if err := store.SaveTemplate(ctx, data.KindDormant, "zh", "{升级差额}，亲爱的{网名}，好久不见！"); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 5, 27, 4, 0, 0, 0, time.UTC)
	for nick, fen := range map[string]int64{"茶友": 26800, "大客户": 600000} {
		c := &data.Customer{Platform: data.PlatformTaobao, Nick: nick}
		if err := store.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
		if err := store.CreateTrade(ctx, &data.Trade{CustomerID: c.ID, Goods: "龙井", AmountFen: fen, TradedAt: at}); err != nil {
			t.Fatal(err)
		}
	}
	day, _ := time.Parse(data.DateLayout, "2026-11-23")
	rs, err := store.Reminders(ctx, data.ReminderFilter{From: day, To: day})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"茶友": "还差 ¥232.00 或 1 笔升到 高级客户，亲爱的茶友，好久不见！", "大客户": "亲爱的大客户，好久不见！"}
	for _, r := range rs {
		if r.Kind != data.KindDormant {
			continue
		}
		got, err := reminderMessage(ctx, store, r)
		if err != nil || got != want[r.Nick] {
			t.Errorf("%s: got %q, %v\nwant %q", r.Nick, got, err, want[r.Nick])
		}
		delete(want, r.Nick)
	}
	if len(want) != 0 {
		t.Errorf("no win-back reminder for %v", want)
	}
}
