package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/internal/guitest"
	"shopcrm/gui/onboarding"
	"shopcrm/i18n"
)

// texts is every piece of text drawn in o (every tab of a tab container, not only
// the chosen one), entries' texts and hints included.
func texts(o fyne.CanvasObject) []string {
	var out []string
	walk(o, func(o fyne.CanvasObject) bool {
		switch v := o.(type) {
		case *canvas.Text:
			out = append(out, v.Text)
		case *widget.Entry:
			out = append(out, v.Text, v.PlaceHolder)
		case *container.AppTabs:
			chosen := v.Selected()
			for _, item := range v.Items {
				v.Select(item)
				out = append(out, texts(item.Content)...)
			}
			v.Select(chosen)
		}
		return false
	})
	return out
}

// screenTexts is the text of every screen of the window, with a customer's detail
// open and then the new-trade form over it.
func screenTexts(t *testing.T, g *App) []string {
	t.Helper()
	var out []string
	for _, c := range []fyne.CanvasObject{g.groups.Content, g.reminders.Content, g.history.Content, g.settings.Content, g.customers.Content} {
		g.showScreen(c)
		out = append(out, texts(g.win.Content())...)
	}
	g.customers.SelectRow(0)
	out = append(out, texts(g.win.Content())...)
	test.Tap(button(t, g.win, lang.L("trades.add")))
	out = append(out, texts(topLayer(g.win))...)
	return out
}

// TestEveryAmountShowsTheArchivesCurrency: an archive kept in pounds shows "£" and
// never "¥" (nor a "（元）" unit) on any screen, list, detail, trade form, groups, tiers and
// charts, in either language (issue 16, item 6: Shopify and UCI amounts read as ¥).
func TestEveryAmountShowsTheArchivesCurrency(t *testing.T) {
	for _, choice := range []string{i18n.Chinese, i18n.English} {
		t.Run(choice, func(t *testing.T) {
			t.Cleanup(func() { i18n.Use(i18n.Chinese) })
			store := newTestStore(t)
			ctx := context.Background()
			guitest.SeedGoldenShop(t, store)
			for k, v := range map[string]string{onboarding.PrefWelcome: "1", data.SettingCurrency: "GBP"} {
				if err := store.SetSetting(ctx, k, v); err != nil {
					t.Fatal(err)
				}
			}
			g := openTestWindowIn(t, store, choice)
			all := strings.Join(screenTexts(t, g), "\n")
			for _, wrong := range []string{"¥", "￥", "（元）", "元，"} {
				if strings.Contains(all, wrong) {
					t.Errorf("an archive in pounds shows %q:\n%s", wrong, lines(all, wrong))
				}
			}
			for _, want := range []string{"£5200.00", "£5724.00"} { // 李华's total; the shop's
				if !strings.Contains(all, want) {
					t.Errorf("no %q on any screen", want)
				}
			}
		})
	}
}

// lines are the lines of s that contain sub.
func lines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
