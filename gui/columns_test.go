package gui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/settings"
	"shopcrm/i18n"
)

// cutCells are the customer list's cells and headers that are narrower than what
// they show: a label cut with "…" or a header whose sort arrow runs into the next one.
func cutCells(g *App) []string {
	var table *widget.Table
	walk(g.customers.Content, func(o fyne.CanvasObject) bool {
		table, _ = o.(*widget.Table)
		return table != nil
	})
	var cut []string
	walk(table, func(o fyne.CanvasObject) bool {
		switch v := o.(type) {
		case *widget.Label:
			if need := widget.NewLabel(v.Text).MinSize().Width; v.Text != "" && v.Size().Width+0.5 < need {
				cut = append(cut, v.Text)
			}
		case *widget.Button:
			if need := v.MinSize().Width; v.Size().Width+0.5 < need {
				cut = append(cut, "header "+v.Text)
			}
		}
		return false
	})
	return cut
}

// TestListColumnsShowTheirContentAtEveryTextSize: at every text size, in both
// languages, a phone, a landline, a date, an 8-digit total and every header with its
// sort arrow show whole (issue 16, item 14: "132****…", "2026-0…" at 特大,
// "¥2708877…" at normal size, the 交易次数 arrow over the next header).
func TestListColumnsShowTheirContentAtEveryTextSize(t *testing.T) {
	for _, choice := range []string{i18n.Chinese, i18n.English} {
		t.Run(choice, func(t *testing.T) {
			t.Cleanup(func() { i18n.Use(i18n.Chinese) })
			g, store := newTestAppIn(t, choice)
			ctx := context.Background()
			for _, c := range []struct {
				nick, phone string
				fen         int64
			}{{"小王", "13212345678", 2708877_00}, {"老李", "0571-88886666", 99999999_99}} {
				cust := &data.Customer{Platform: data.PlatformTaobao, Nick: c.nick, Phone: c.phone, City: "杭州"}
				if err := store.CreateCustomer(ctx, cust); err != nil {
					t.Fatal(err)
				}
				if err := store.CreateTrade(ctx, &data.Trade{CustomerID: cust.ID, AmountFen: c.fen,
					TradedAt: time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)}); err != nil {
					t.Fatal(err)
				}
			}
			g.win.Resize(fyne.NewSize(3000, 800)) // every column on screen
			for _, size := range settings.TextSizes {
				g.showScreen(g.settings.Content)
				label := lang.L("settings.text_size." + size.Value)
				radio(t, g.win, label).SetSelected(label)
				g.showScreen(g.customers.Content)
				g.customers.Reload()
				for _, col := range []data.CustomerSort{data.SortTrades, data.SortTotal} {
					g.customers.SortBy(col) // the arrow on a short header and on a wide one
					if cut := cutCells(g); len(cut) > 0 {
						t.Errorf("text size %s, sorted by %s: cut %q", size.Value, col, cut)
					}
				}
			}
		})
	}
}
