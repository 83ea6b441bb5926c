package reminders

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/data/sqlite"
	"shopcrm/gui/internal/guitest"
)

// heldRows are the texts of the held-back list's rows, one line per row.
func heldRows(t *testing.T, g *testApp) []string {
	t.Helper()
	g.reminders.held.show()
	defer g.reminders.heldDialog.Hide()
	var list *widget.List
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.List:
			list = x
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	for _, o := range g.win.Canvas().Overlays().List() {
		walk(o.(*widget.PopUp).Content)
	}
	if list == nil {
		t.Fatal("the held-back dialog shows no list")
	}
	var out []string
	for i := 0; i < list.Length(); i++ {
		row := list.CreateItem()
		list.UpdateItem(i, row)
		var texts []string
		for _, l := range row.(*fyne.Container).Objects[0].(*fyne.Container).Objects {
			texts = append(texts, l.(*widget.Label).Text)
		}
		out = append(out, strings.Join(texts, " | "))
	}
	return out
}

// birthdayAndRevisit adds 茶友, whose birthday (3 days ahead) and a revisit are both
// due on the test's today: the default cap lets one through.
func birthdayAndRevisit(t *testing.T, store *sqlite.Store) *data.Customer {
	t.Helper()
	ctx := context.Background()
	c := &data.Customer{Platform: data.PlatformTaobao, Nick: "茶友", Birthday: "11-26"}
	if err := store.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	if err := store.CreateTrade(ctx, &data.Trade{CustomerID: c.ID, Goods: "红茶", AmountFen: 9900,
		TradedAt: time.Date(2026, 11, 16, 4, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	return c
}

// A reminder the frequency cap holds back is never silent: the screen says how many,
// and the list says who and why; completing the first one keeps the second held,
// now for the care message it logged.
func TestHeldRemindersAreShownWithWhoAndWhy(t *testing.T) {
	g, store := newTestApp(t)
	ctx := context.Background()
	birthdayAndRevisit(t, store)
	g.reminders.Reload()
	a := g.reminders.agenda
	if len(a.Today) != 1 || a.Today[0].Kind != data.KindBirthday || len(a.Held) != 1 {
		t.Fatalf("today %v, held %v; want the birthday today and the revisit held", a.Today, a.Held)
	}
	bar := g.reminders.held.content
	if !bar.Visible() || g.reminders.held.label.Text != "1 条提醒因关怀频率上限暂缓" {
		t.Errorf("held bar: visible %v, %q", bar.Visible(), g.reminders.held.label.Text)
	}
	if bar.Position().Y <= 0 || bar.Size().Height < bar.MinSize().Height {
		t.Errorf("held bar laid out at %v, size %v: it must sit under the heading, not over it", bar.Position(), bar.Size())
	}
	if got, want := strings.Join(heldRows(t, g), "\n"), "茶友 | 售后回访 · 2026-11-23 · 购买了 红茶 | 同一天先发更重要的「生日」提醒"; got != want {
		t.Errorf("held list: got %q, want %q", got, want)
	}
	g.reminders.complete(a.Today[0])
	if got, want := strings.Join(heldRows(t, g), "\n"), "茶友 | 售后回访 · 2026-11-23 · 购买了 红茶 | 已达关怀频率上限：期间已发 1 条，最近一次 2026-11-23（生日）"; got != want {
		t.Errorf("after 完成: got %q, want %q", got, want)
	}
	if g.reminders.agenda.DueCount() != 0 {
		t.Errorf("due count %d, want 0: a held reminder is not due", g.reminders.agenda.DueCount())
	}
	store.SetCareCap(ctx, data.CareCap{Messages: 0, Days: 7})
	g.reminders.Reload()
	if g.reminders.held.content.Visible() || len(g.reminders.agenda.Today) != 1 {
		t.Errorf("cap off: held bar visible %v, today %v; want the revisit back", g.reminders.held.content.Visible(), g.reminders.agenda.Today)
	}
}

// Within a kind the most valuable buyers come first, whatever their due day.
func TestRemindersOfAKindAreSortedByValue(t *testing.T) {
	g, store := newTestApp(t)
	ctx := context.Background()
	for nick, trades := range map[string]int{"甲": 0, "乙": 2, "丙": 1} {
		c := &data.Customer{Platform: data.PlatformJD, Nick: nick, Birthday: "11-28"}
		if nick == "甲" {
			c.Birthday = "11-27" // due a day earlier
		}
		if err := store.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < trades; i++ {
			store.CreateTrade(ctx, &data.Trade{CustomerID: c.ID, Goods: "茶", AmountFen: 5000, TradedAt: time.Date(2026, 10, 1, i, 0, 0, 0, time.UTC)})
		}
	}
	g.reminders.Reload()
	var got []string
	for _, it := range g.reminders.lists[2].items {
		if it.r != nil && it.r.Kind == data.KindBirthday {
			got = append(got, it.r.Nick)
		}
	}
	if strings.Join(got, " ") != "乙 丙 甲" {
		t.Errorf("upcoming birthdays: got %v, want 乙 丙 甲", got)
	}
}

// The seller may still send a held reminder: 完成 in the held list logs it as a care
// message, like any other.
func TestAHeldReminderCanStillBeSent(t *testing.T) {
	g, store := newTestApp(t)
	ctx := context.Background()
	c := birthdayAndRevisit(t, store)
	g.reminders.Reload()
	g.reminders.held.show()
	var list *widget.List
	guitest.Walk(g.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		list, _ = o.(*widget.List)
		return list != nil
	})
	row := list.CreateItem()
	list.UpdateItem(0, row)
	done := row.(*fyne.Container).Objects[1].(*fyne.Container).Objects[1].(*widget.Button)
	test.Tap(done)
	if g.reminders.win.Canvas().Overlays().Top() != nil {
		t.Error("the held list stays open after 完成")
	}
	// The message sent uses the week's one: now the birthday waits, saying so.
	if a := g.reminders.agenda; len(a.Today) != 0 || len(a.Held) != 1 || a.Held[0].Kind != data.KindBirthday ||
		a.Held[0].Held.LastCare != string(data.KindRevisit) {
		t.Errorf("after sending the revisit anyway: today %v, held %v; want the birthday held for the revisit", a.Today, a.Held)
	}
	contacts, _ := store.FindContacts(ctx, c.ID)
	if len(contacts) != 1 || contacts[0].Care != string(data.KindRevisit) {
		t.Errorf("contacts: %+v, want one care message for the revisit", contacts)
	}
}
