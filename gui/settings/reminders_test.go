package settings

import (
	"context"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"shopcrm/data"
	"shopcrm/data/sqlite"
	"shopcrm/gui/internal/guitest"
	"shopcrm/i18n"
)

// tapOverlayButton taps the button labelled text in the open dialog.
func tapOverlayButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	test.Tap(guitest.Button(t, w, text))
}

// 发送对象 and the frequency cap round trip: chosen in the dialog, saved, read back
// by the store and shown again on the next load; a bad cap is refused with nothing
// saved.
func TestReminderTargetsAndCapRoundTrip(t *testing.T) {
	_, w := guitest.Window(t, i18n.Chinese)
	store := guitest.Open(t, sqlite.Open)
	ctx := context.Background()
	g := &data.SavedGroup{Name: "红茶回购", Filter: data.CustomerFilter{Goods: "红茶"}}
	if err := store.SaveGroup(ctx, g); err != nil {
		t.Fatal(err)
	}
	saved := 0
	r := newReminderSettings(w, store, func() { saved++ })
	w.SetContent(r.content)
	if got := r.targetBtn[data.KindBirthday].Text; got != "发送对象：全部客户" {
		t.Errorf("fresh birthday button: %q", got)
	}
	r.editTargets(data.KindBirthday)
	e := r.targetEdit
	e.tiers.checks[3].SetChecked(true)    // tier.vip
	e.segments.checks[0].SetChecked(true) // HHH
	e.tags.SetText("老客，复购")
	e.group.SetSelected("红茶回购")
	tapOverlayButton(t, w, "确定")
	r.editTargets(data.KindDormant)
	r.targetEdit.segments.checks[7].SetChecked(true)
	tapOverlayButton(t, w, "取消") // not kept
	r.capDays.SetText("14")
	r.capMessages.SetText("2")
	r.save()
	if saved != 1 {
		t.Fatalf("saved %d times, want 1", saved)
	}
	rules, err := store.ReminderRules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b := rules[data.KindBirthday]
	if got := fmt.Sprint(b.TargetTiers, b.TargetSegments, b.TargetTags, b.TargetGroup == g.ID); got != "[tier.vip] [HHH] [老客 复购] true" {
		t.Errorf("birthday targets: got %s", got)
	}
	if d := rules[data.KindDormant]; d.Targeted() {
		t.Errorf("dormant targets after 取消: %+v, want everyone", d)
	}
	if cap, _ := store.CareCap(ctx); cap != (data.CareCap{Messages: 2, Days: 14}) {
		t.Errorf("cap: got %+v, want 2 in 14 days", cap)
	}

	again := newReminderSettings(w, store, func() {})
	if got := again.targetBtn[data.KindBirthday].Text; got != "发送对象：VIP客户、重要价值、老客 等 5 项" {
		t.Errorf("reloaded birthday button: %q", got)
	}
	if again.capDays.Text != "14" || again.capMessages.Text != "2" {
		t.Errorf("reloaded cap: %s days, %s messages", again.capDays.Text, again.capMessages.Text)
	}
	again.editTargets(data.KindBirthday)
	if got := again.targetEdit.targets(); fmt.Sprint(got) != fmt.Sprint(targetsOf(b)) {
		t.Errorf("reopened dialog: got %v, want %v", got, targetsOf(b))
	}
	tapOverlayButton(t, w, "取消")

	again.capMessages.SetText("100")
	again.enabled[data.KindRevisit].SetChecked(false)
	again.save()
	if cap, _ := store.CareCap(ctx); cap != (data.CareCap{Messages: 2, Days: 14}) {
		t.Errorf("a bad cap changed the stored one: %+v", cap)
	}
	if rules, _ := store.ReminderRules(ctx); !rules[data.KindRevisit].Enabled {
		t.Error("a bad cap still saved the rules: refused means nothing written")
	}
}
