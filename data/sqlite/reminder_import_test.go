package sqlite

import (
	"context"
	"testing"
	"time"

	"shopcrm/data"
)

// TestAnOldArchiveDoesNotFloodOverdue: importing an old archive does not list, as
// overdue, the anniversaries and revisits whose occasion came before the archive's
// first import (the seller could not have acted on them); an occasion after it that
// was missed is overdue as always, and the custom reminders are untouched.
func TestAnOldArchiveDoesNotFloodOverdue(t *testing.T) {
	s := reminderStore(t)
	ctx := context.Background()
	s.Now = func() time.Time { return localAt("2026-11-23", 9) }
	row := func(n int, nick, day string) data.ImportRow {
		return data.ImportRow{Row: n, Customer: data.Customer{Platform: data.PlatformTaobao, Nick: nick},
			Trade: &data.Trade{TradedAt: localAt(day, 10), Goods: "茶", Quantity: 1, AmountFen: 1000}}
	}
	rows := []data.ImportRow{
		row(2, "老客一", "2024-11-05"), // anniversary on 2026-11-05: before the import
		row(3, "老客二", "2023-11-20"), // anniversary on 2026-11-20: before the import
		row(4, "老客三", "2025-11-26"), // anniversary on 2026-11-26: after the import
		row(5, "新客", "2026-11-12"),  // revisit on 2026-11-19: before the import
	}
	if _, err := s.Import(ctx, data.ImportOptions{FileName: "2023-2026.xlsx"}, nil, rowsOf(rows...)); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateFollowUp(ctx, &data.FollowUp{CustomerID: 1, Due: d("2026-11-10"), Note: "回访"}); err != nil {
		t.Fatal(err)
	}
	a, err := s.Agenda(ctx, d("2026-11-23"), 7)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Overdue) != 1 || a.Overdue[0].Kind != data.KindCustom {
		t.Errorf("overdue on the import's day: got %v, want only the seller's own reminder", kinds(a.Overdue))
	}
	// A week later the 老客三 anniversary (Nov 26, after the import) was missed.
	a, err = s.Agenda(ctx, d("2026-11-30"), 7)
	if err != nil {
		t.Fatal(err)
	}
	missed := 0
	for _, r := range a.Overdue {
		if r.Kind == data.KindAnniversary && r.Nick == "老客三" {
			missed++
		}
		if r.Kind != data.KindCustom && r.Event.Before(d("2026-11-23")) {
			t.Errorf("overdue %s of %s on %s: before the first import", r.Kind, r.Nick, formatDate(r.Event))
		}
	}
	if missed != 1 {
		t.Errorf("got %v overdue, want the missed anniversary of 老客三", kinds(a.Overdue))
	}
}

func kinds(rs []*data.Reminder) []string {
	var out []string
	for _, r := range rs {
		out = append(out, string(r.Kind)+" "+r.Nick+" "+formatDate(r.Event))
	}
	return out
}

// TestAPhoneOnlyBuyersReminderNamesThem: a buyer known only by a phone has no name
// (a masked phone is never one), yet their reminders show them as the list does.
func TestAPhoneOnlyBuyersReminderNamesThem(t *testing.T) {
	s := reminderStore(t)
	ctx := context.Background()
	rows := []data.ImportRow{{Row: 2, Customer: data.Customer{Platform: data.PlatformTaobao, Phone: "13812345678"},
		Trade: &data.Trade{TradedAt: localAt("2026-11-16", 10), Goods: "茶", Quantity: 1, AmountFen: 1000}}}
	if _, err := s.Import(ctx, data.ImportOptions{FileName: "a"}, nil, rowsOf(rows...)); err != nil {
		t.Fatal(err)
	}
	rs, err := s.Reminders(ctx, data.ReminderFilter{From: d("2026-11-23"), To: d("2026-11-23")})
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || rs[0].Kind != data.KindRevisit || rs[0].DisplayName() != "138****5678" {
		t.Errorf("got %v, want the revisit of 138****5678", kinds(rs))
	}
}
