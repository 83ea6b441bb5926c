package gui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"shopcrm/data"
)

// assertFollowsArchive checks every piece of state the window derives from the whole
// archive against the archive itself: the customer list's count, the sample-data
// banner and title mark, and the 提醒 badge.
func assertFollowsArchive(t *testing.T, g *App, after string) {
	t.Helper()
	ctx := context.Background()
	_, total, err := g.store.FindCustomers(ctx, data.CustomerFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	demo, err := g.store.DemoCount(ctx)
	if err != nil {
		t.Fatal(err)
	}
	agenda, err := g.store.Agenda(ctx, g.store.Today(), 7)
	if err != nil {
		t.Fatal(err)
	}
	if got := g.customers.Total(); got != total {
		t.Errorf("after %s: the list shows %d customers, want %d", after, got, total)
	}
	if got, want := g.demo.BannerShown(), demo > 0; got != want {
		t.Errorf("after %s: sample-data banner shown %v, want %v (%d sample customers)", after, got, want, demo)
	}
	if got, want := strings.Contains(g.win.Title(), "示例数据"), demo > 0; got != want {
		t.Errorf("after %s: title %q marks sample data %v, want %v", after, g.win.Title(), got, want)
	}
	want := "提醒"
	if n := agenda.DueCount(); n > 0 {
		want += fmt.Sprintf(" (%d)", n)
	}
	if got := navButton(t, g.win, "提醒").Text; got != want {
		t.Errorf("after %s: navigation badge %q, want %q", after, got, want)
	}
}

// closeOverlays dismisses every dialog over w (the tour, a confirmation).
func closeOverlays(w fyne.Window) {
	for w.Canvas().Overlays().Top() != nil {
		closeDialog(w)
	}
}

func TestEveryWholeArchiveChangeRefreshesEverythingDerived(t *testing.T) {
	g, store := newTestApp(t)
	ctx := context.Background()
	if _, err := store.Backup(ctx, data.BackupManual); err != nil { // the empty archive
		t.Fatal(err)
	}
	assertFollowsArchive(t, g, "the start")

	loadDemo := func() {
		g.demo.Load()
		closeOverlays(g.win) // the tour
		if n, _ := store.DemoCount(ctx); n == 0 {
			t.Fatal("the sample shop was not loaded")
		}
		if a, err := store.Agenda(ctx, store.Today(), 7); err != nil || a.DueCount() == 0 {
			t.Fatalf("the sample shop should have due reminders, or the badge checks nothing (%v)", err)
		}
	}
	loadDemo()
	assertFollowsArchive(t, g, "loading the sample shop")

	// The seller looks at 提醒 (its badge now counts the samples' reminders) before
	// each change, so a badge left as it was shows up.
	seeReminders := func() { test.Tap(navButton(t, g.win, "提醒")) }
	seeReminders()
	test.Tap(navButton(t, g.win, "设置"))
	test.Tap(button(t, g.win, "恢复"))
	test.Tap(button(t, g.win, "恢复")) // the confirmation
	closeOverlays(g.win)
	assertFollowsArchive(t, g, "restoring an empty backup")

	loadDemo()
	assertFollowsArchive(t, g, "loading the sample shop again")

	seeReminders()
	g.openImport(writeSheet(t))
	test.Tap(button(t, g.win, "检查数据"))
	test.Tap(button(t, g.win, "开始导入"))
	test.Tap(button(t, g.win, "完成"))
	assertFollowsArchive(t, g, "an import")

	seeReminders()
	test.Tap(navButton(t, g.win, "导入记录"))
	test.Tap(button(t, g.win, "撤销"))
	test.Tap(button(t, g.win, "撤销")) // the confirmation
	closeOverlays(g.win)
	assertFollowsArchive(t, g, "undoing the import")

	seeReminders()
	test.Tap(navButton(t, g.win, "客户"))
	test.Tap(button(t, g.win, "删除示例数据"))
	test.Tap(button(t, g.win, "删除示例数据")) // the confirmation
	closeOverlays(g.win)
	assertFollowsArchive(t, g, "removing the sample shop")
}
