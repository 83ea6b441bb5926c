package gui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/data/sqlite"
	"shopcrm/gui/internal/guitest"
	"shopcrm/gui/settings"
	"shopcrm/i18n"
)

// closeDialog dismisses the dialog on top of w.
func closeDialog(w fyne.Window) {
	if top := w.Canvas().Overlays().Top(); top != nil {
		w.Canvas().Overlays().Remove(top)
	}
}

func TestBackupSectionBacksUpListsAndRestoresAfterConfirm(t *testing.T) {
	g, store := newTestApp(t)
	ctx := context.Background()
	if err := store.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformTaobao, Nick: "备份前"}); err != nil {
		t.Fatal(err)
	}
	test.Tap(button(t, g.win, "设置"))
	if !hasTextContaining(g.win, "备份文件夹："+filepath.Join(store.Dir(), sqlite.BackupDirName)) {
		t.Error("the backup folder's path is not shown")
	}
	test.Tap(button(t, g.win, "立即备份"))
	if !hasTextContaining(g.win, "已备份并检查完好") {
		t.Fatal("no confirmation of the backup")
	}
	closeDialog(g.win)
	list, _ := store.Backups()
	if len(list) != 1 || !hasTextContaining(g.win, "手动") {
		t.Fatalf("backups: got %d, and the list should show the manual one", len(list))
	}
	if err := store.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformTaobao, Nick: "备份后"}); err != nil {
		t.Fatal(err)
	}
	test.Tap(button(t, g.win, "恢复"))
	if !hasTextContaining(g.win, "替换现在的全部数据") {
		t.Fatal("restore must ask first")
	}
	test.Tap(button(t, g.win, "恢复"))
	if _, err := store.FindCustomerByNick(ctx, data.PlatformTaobao, "备份后"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("after restore the later customer should be gone: %v", err)
	}
	if g.customers.Total() != 1 {
		t.Errorf("the list was not reloaded after the restore: %d rows", g.customers.Total())
	}
	closeDialog(g.win)
	if !hasTextContaining(g.win, "从备份恢复了数据") {
		t.Error("the activity log should list the restore")
	}
}

func TestSecuritySectionSetsAPasswordTypedTwice(t *testing.T) {
	g, store := newTestApp(t)
	test.Tap(button(t, g.win, "设置"))
	test.Tap(button(t, g.win, "设置密码"))
	entries := passwordEntries(g.win)
	if len(entries) != 2 {
		t.Fatalf("want new password and repeat, got %d entries", len(entries))
	}
	test.Type(entries[0], "茶叶2026")
	test.Type(entries[1], "茶叶2025")
	test.Tap(button(t, g.win, "保存"))
	if on, _ := store.HasLockPassword(context.Background()); on {
		t.Fatal("two different passwords must not be saved")
	}
	closeDialog(g.win)
	test.Tap(button(t, g.win, "设置密码"))
	entries = passwordEntries(g.win)
	test.Type(entries[0], "茶叶2026")
	test.Type(entries[1], "茶叶2026")
	test.Tap(button(t, g.win, "保存"))
	if err := store.CheckLockPassword(context.Background(), "茶叶2026"); err != nil {
		t.Fatalf("password not set: %v", err)
	}
	if !hasTextContaining(g.win, "已设置启动密码") {
		t.Error("the section should say a password is set")
	}
}

func passwordEntries(w fyne.Window) []*widget.Entry {
	var out []*widget.Entry
	walk(topLayer(w), func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widget.Entry); ok && e.Password {
			out = append(out, e)
		}
		return false
	})
	return out
}

// newTestLauncher starts the app on dir the way main does, with synchronous work.
func newTestLauncher(t *testing.T, dir string) *Launcher {
	t.Helper()
	a := test.NewTempApp(t)
	if err := i18n.Use(i18n.Chinese); err != nil {
		t.Fatal(err)
	}
	l := launch(a, dir, "", func(f func()) { f() })
	t.Cleanup(l.Close)
	return l
}

func TestStartAsksForTheLockPasswordRightAndWrong(t *testing.T) {
	dir := t.TempDir()
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetLockPassword(context.Background(), "茶叶2026"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	l := newTestLauncher(t, dir)
	if l.gate == nil || l.Main != nil {
		t.Fatal("a locked app must ask before showing any data")
	}
	gate := l.gate
	pw := passwordEntries(gate)[0]
	test.Type(pw, "茶叶2025")
	test.Tap(button(t, gate, "打开"))
	if l.Main != nil || !hasText(gate, "密码不正确，请重新输入。") {
		t.Fatal("a wrong password must be refused with a message")
	}
	test.Type(pw, "茶叶2026")
	test.Tap(button(t, gate, "打开"))
	if l.Main == nil || l.gate != nil {
		t.Fatal("the right password should open the main window")
	}
	if list, _ := l.store.Backups(); len(list) != 1 || list[0].Kind != data.BackupDaily {
		t.Errorf("the first start of the day should take a daily backup, got %v", list)
	}
}

func TestStartRefusesASecondInstance(t *testing.T) {
	dir := t.TempDir()
	first, err := sqlite.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	l := newTestLauncher(t, dir)
	if l.Main != nil || l.gate == nil || !hasTextContaining(l.gate, "已经在运行") {
		t.Fatal("a second start on the same folder must explain and not open")
	}
	button(t, l.gate, "退出")
}

func TestStartOffersTheNewestGoodBackupForADamagedFile(t *testing.T) {
	dir := t.TempDir()
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i := 0; i < 300; i++ {
		if err := s.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformTaobao, Nick: "买家" + string(rune('一'+i)), Address: "浙江省杭州市西湖区文三路 100 号"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Backup(ctx, data.BackupDaily); err != nil {
		t.Fatal(err)
	}
	s.Close()
	path := filepath.Join(dir, sqlite.DBFileName)
	b, _ := os.ReadFile(path)
	for i := 8192; i < len(b)-4096; i += 5 {
		b[i] ^= 0x42
	}
	os.WriteFile(path, b, 0o600)

	l := newTestLauncher(t, dir)
	if l.Main != nil || l.gate == nil || !hasTextContaining(l.gate, "数据文件已损坏") {
		t.Fatal("a damaged file must not be opened, and the seller told so")
	}
	test.Tap(button(t, l.gate, "恢复这份备份"))
	if l.Main == nil {
		t.Fatal("after restoring the backup the app should open")
	}
	if _, n, _ := l.store.FindCustomers(ctx, data.CustomerFilter{}); n != 300 {
		t.Errorf("after restore: got %d customers, want the backup's 300", n)
	}
}

func TestEraseFromTheCustomerDetailRemovesTheBuyerAndLogsIt(t *testing.T) {
	g, store := newTestApp(t)
	ctx := context.Background()
	c := &data.Customer{Platform: data.PlatformTaobao, Nick: "要删的买家", Phone: "13912345678"}
	if err := store.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	g.customers.Refresh()
	g.customers.ShowCustomer(c.ID)
	g.customers.EraseCustomer(c)
	if !hasTextContaining(g.win, "将彻底删除「要删的买家」") {
		t.Fatal("erasing must ask first, naming the buyer")
	}
	test.Tap(button(t, g.win, "彻底删除"))
	if _, err := store.FindCustomerByID(ctx, c.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("after erase: %v", err)
	}
	closeDialog(g.win)
	test.Tap(button(t, g.win, "设置"))
	if !hasTextContaining(g.win, "应买家要求彻底删除了 1 位买家") {
		t.Error("the activity log should list the erasure")
	}
}

// TestLockScreenUsesTheChosenLanguageAndLook: the password is asked in the language
// and light / dark look the seller chose, not the system's (issue 16, item 9).
func TestLockScreenUsesTheChosenLanguageAndLook(t *testing.T) {
	t.Cleanup(func() { i18n.Use(i18n.Chinese) })
	dir := t.TempDir()
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := s.SetLockPassword(ctx, "茶叶2026"); err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{settings.PrefLanguage: "en", settings.PrefTheme: settings.ThemeDark} {
		if err := s.SetSetting(ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	l := newTestLauncher(t, dir) // starts in Chinese, as on a Chinese system
	if l.gate == nil {
		t.Fatal("a locked app must ask for the password")
	}
	button(t, l.gate, "Open")
	if th, ok := l.a.Settings().Theme().(*shopTheme); !ok || th.variant == nil || *th.variant != theme.VariantDark {
		t.Error("the lock screen should be dark, as chosen")
	}
}

// typeIn focuses e as a click would (the canvas moves the focus) and types s.
func typeIn(w fyne.Window, e *widget.Entry, s string) {
	w.Canvas().Focus(e)
	for _, r := range s {
		w.Canvas().Focused().TypedRune(r)
	}
}

// pressEnter presses Enter in e, as the keyboard would.
func pressEnter(e *widget.Entry) { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }

// TestLockPasswordFormKeepsWhatWasTyped: a mismatch or a wrong current password is
// said in the form, which stays open with what was typed; Enter saves like the button
// (issue 16, item 13: a mismatch closed the whole form).
func TestLockPasswordFormKeepsWhatWasTyped(t *testing.T) {
	g, store := newTestApp(t)
	ctx := context.Background()
	test.Tap(button(t, g.win, "设置"))
	test.Tap(button(t, g.win, "设置密码"))
	entries := passwordEntries(g.win)
	typeIn(g.win, entries[0], "茶叶2026")
	typeIn(g.win, entries[1], "茶叶2025")
	pressEnter(entries[1])
	if on, _ := store.HasLockPassword(ctx); on {
		t.Fatal("two different passwords must not be saved")
	}
	if g.win.Canvas().Overlays().Top() == nil || entries[1].Validate() == nil {
		t.Fatal("a mismatch must keep the form open and say so")
	}
	entries[1].SetText("茶叶2026")
	pressEnter(entries[1])
	if err := store.CheckLockPassword(ctx, "茶叶2026"); err != nil {
		t.Fatalf("Enter did not save the password: %v", err)
	}
	if g.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the form should close once saved")
	}

	test.Tap(button(t, g.win, "修改密码"))
	entries = passwordEntries(g.win)
	typeIn(g.win, entries[0], "不对")
	typeIn(g.win, entries[1], "红茶2027")
	typeIn(g.win, entries[2], "红茶2027")
	pressEnter(entries[2])
	if g.win.Canvas().Overlays().Top() == nil || entries[1].Text != "红茶2027" {
		t.Fatal("a wrong current password must keep the form open with what was typed")
	}
	if !strings.Contains(strings.Join(texts(topLayer(g.win)), "\n"), "密码不正确") {
		t.Errorf("the form should say the current password is wrong: %q", texts(topLayer(g.win)))
	}
	if err := store.CheckLockPassword(ctx, "茶叶2026"); err != nil {
		t.Errorf("the password changed after a wrong current one: %v", err)
	}
}

// TestASecondStartHandsItsSheetToTheRunningWindow: opening a sheet while ShopCRM runs
// on the same data folder opens that window's import wizard on it; the second start
// ends without a window (issue 16, item 11: it said "已经在运行" and dropped the file).
func TestASecondStartHandsItsSheetToTheRunningWindow(t *testing.T) {
	dir := t.TempDir()
	a := test.NewTempApp(t)
	if err := i18n.Use(i18n.Chinese); err != nil {
		t.Fatal(err)
	}
	sync := func(f func()) { f() }
	first := launch(a, dir, "", sync)
	t.Cleanup(first.Close)
	if first.Main == nil {
		t.Fatal("the first start did not open the window")
	}
	first.Main.welcome.Hide()
	sheet := guitest.WriteSheet(t)
	second := launch(a, dir, sheet, sync)
	t.Cleanup(second.Close)
	if !second.HandedOver || second.Main != nil || second.gate != nil {
		t.Fatalf("the second start should hand its sheet over and end: handed %v, window %v, gate %v",
			second.HandedOver, second.Main != nil, second.gate != nil)
	}
	if w := first.Main.current().wizard; w == nil {
		t.Fatal("the running window did not open the import wizard on the handed sheet")
	}
	button(t, first.Main.win, "检查数据")
}
