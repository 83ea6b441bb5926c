package groups

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data/sqlite"
	"shopcrm/gui/internal/guitest"
	"shopcrm/i18n"
)

func TestEditingAThresholdChangesTheCountsLive(t *testing.T) {
	g, gs := openGroups(t)
	e := gs.tiers
	// The golden shop: 爱喝茶的小王 3 trades ¥538 (高级), jd_李华 1 trade ¥5200 (至尊), 拼团达人 none.
	want := []string{"1 位", "0 位", "1 位", "0 位", "1 位"}
	for i, l := range e.lines {
		if !strings.HasPrefix(l.count.Text, want[i]) {
			t.Errorf("tier %d before: got %q, want %s…", i, l.count.Text, want[i])
		}
	}
	// 高级客户 now needs 4 trades or ¥600: 小王 drops to 普通客户, shown before saving.
	e.lines[2].trades.SetText("")
	test.Type(e.lines[2].trades, "4")
	e.lines[2].total.SetText("600")
	if !strings.HasPrefix(e.lines[1].count.Text, "1 位") || !strings.HasPrefix(e.lines[2].count.Text, "0 位") {
		t.Errorf("after the edit: regular %q, senior %q", e.lines[1].count.Text, e.lines[2].count.Text)
	}
	if !e.dirty || e.save.Disabled() {
		t.Error("an edit did not offer saving")
	}
	test.Tap(e.save)
	tiers, _ := g.store.Tiers(t.Context())
	if *tiers[2].MinTrades != 4 || *tiers[2].MinTotalFen != 60000 {
		t.Errorf("saved senior tier: %d trades, %d fen", *tiers[2].MinTrades, *tiers[2].MinTotalFen)
	}
	if !strings.HasPrefix(e.lines[1].count.Text, "1 位") || e.dirty {
		t.Errorf("after saving: regular %q, dirty %v", e.lines[1].count.Text, e.dirty)
	}
}

func TestRFMLettersReadInBothLanguages(t *testing.T) {
	for choice, want := range map[string]string{i18n.Chinese: "R高 F低 M高", i18n.English: "R-high F-low M-high"} {
		openGroupsIn(t, choice)
		if got := rfmLetters("HLH"); got != want {
			t.Errorf("%s: got %q, want %q", choice, got, want)
		}
	}
}

// 更多 opens the other actions of a tier as a menu.
func TestTierMoreMenuHoldsTheOtherActions(t *testing.T) {
	g, _ := openGroups(t)
	test.Tap(button(t, g.win, "更多"))
	var items []string
	walk(g.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		if t, ok := o.(*canvas.Text); ok && t.Text != "" {
			items = append(items, t.Text)
		}
		return false
	})
	if strings.Join(items, ",") != "导出,复制手机号,存为标签,逐个发送,导出短信表" {
		t.Errorf("更多 menu: %q", items)
	}
}

// TestFirstOpenSaysCountingUntilEachPartIsIn: on the first open every part of 分组
// says it is being counted (never an empty tier table), the tier table comes first,
// and the rest follows.
func TestFirstOpenSaysCountingUntilEachPartIsIn(t *testing.T) {
	_, w := guitest.Window(t, i18n.Chinese)
	store := guitest.Open(t, sqlite.Open)
	store.Now = guitest.Clock
	guitest.SeedGoldenShop(t, store)
	q := &guitest.JobQueue{}
	s := New(w, store, func() time.Time { return store.Now() }, q.Spawn)
	w.SetContent(s.Content)
	s.Reload()
	loading := lang.L("groups.loading")
	shows := func(c *fyne.Container, text string) bool {
		return walk(c, func(o fyne.CanvasObject) bool {
			l, ok := o.(*widget.Label)
			return ok && l.Text == text
		})
	}
	if s.summary.Text != loading || !shows(s.tiers.rows, loading) || !shows(s.rfm, loading) {
		t.Fatalf("before any figure: summary %q, tier rows show loading %v, RFM %v", s.summary.Text,
			shows(s.tiers.rows, loading), shows(s.rfm, loading))
	}
	q.RunUntil(func() bool { return len(s.tiers.lines) > 0 })
	if len(q.Jobs) == 0 {
		t.Fatal("the tiers came with everything else, not first")
	}
	for i, l := range s.tiers.lines {
		if l.count.Text == "" {
			t.Errorf("tier %d shows no count after the first step", i)
		}
	}
	if !shows(s.rfm, loading) {
		t.Error("RFM tab lost its loading line before its figures came")
	}
	q.RunUntil(func() bool { return false })
	if s.summary.Text == loading || shows(s.rfm, loading) || shows(s.tiers.rows, loading) {
		t.Errorf("after every step: summary %q, RFM still loading %v", s.summary.Text, shows(s.rfm, loading))
	}
}
