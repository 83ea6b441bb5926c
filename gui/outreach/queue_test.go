package outreach

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/data/sqlite"
	"shopcrm/gui/internal/guitest"
	"shopcrm/i18n"
)

func TestMain(m *testing.M) { guitest.Main(m) }

// openArea opens the store in dir and shows the area's resume offers above a stand-in
// screen in w, with slow work run at once and a clock the test moves.
func openArea(t *testing.T, w fyne.Window, dir string) (*Area, *sqlite.Store, *time.Time) {
	t.Helper()
	store, err := sqlite.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	store.Now = guitest.Clock
	a := New(w, store, func(f func()) { f() })
	clock := guitest.Now
	a.Now = func() time.Time { return clock }
	w.SetContent(a.Wrap(widget.NewLabel("分组")))
	w.Resize(fyne.NewSize(1024, 700))
	a.Reload()
	return a, store, &clock
}

// enter presses Enter with nothing focused, a while after the buyer came up.
func enter(w fyne.Window, clock *time.Time) {
	*clock = clock.Add(time.Second)
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

func contactsOf(t *testing.T, s *sqlite.Store, id int64) []*data.Contact {
	t.Helper()
	cs, err := s.FindContacts(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// The queue walks the group most valuable first with each message on the clipboard:
// Enter logs it (an Enter pressed at once is ignored), 跳过 logs nothing, 停止 keeps
// the rest for later, and after the archive is opened again 继续 goes on at the next
// buyer and ends with the summary.
func TestQueueEnterSkipStopResume(t *testing.T) {
	app, w := guitest.Window(t, i18n.Chinese)
	dir := filepath.Join(t.TempDir(), "shop")
	a, store, clock := openArea(t, w, dir)
	guitest.SeedGoldenShop(t, store)
	ctx := context.Background()
	for _, c := range []*data.Customer{
		{Platform: data.PlatformTaobao, Nick: "黑名单买家", Phone: "13700000001"},
		{Platform: data.PlatformTaobao, Nick: "不要营销", Phone: "13700000002", MarketingOptOut: true},
	} {
		if err := store.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
		if c.Nick == "黑名单买家" {
			if err := store.Blacklist(ctx, c.ID, "恶意差评"); err != nil {
				t.Fatal(err)
			}
		}
	}
	ids := map[string]int64{}
	store.EachCustomer(ctx, data.CustomerFilter{}, func(c *data.Customer) error { ids[c.Nick] = c.ID; return nil })

	a.StartGroup(data.CustomerFilter{}, "全部客户")
	var body *widget.Entry
	guitest.Walk(guitest.TopLayer(w), func(o fyne.CanvasObject) bool {
		e, ok := o.(*widget.Entry)
		if ok && e.MultiLine {
			body = e
		}
		return ok && e.MultiLine
	})
	if body == nil {
		t.Fatal("no message to edit before starting")
	}
	if !guitest.HasTextContaining(w, "这个分组共 5 位买家") {
		t.Error("the message dialog does not say how many buyers the group has")
	}
	body.SetText("{姓名}您好，{商品}上新了")
	test.Tap(guitest.Button(t, w, "开始发送"))

	// 1: jd_李华 (¥5200) by SMS to the phone, the message on the clipboard.
	if !guitest.HasTextContaining(w, "jd_李华（李华）") || !guitest.HasText(w, "13987654321") {
		t.Fatal("the first buyer is not the most valuable one, with their phone")
	}
	if !guitest.HasText(w, "未包含 2 位：黑名单 1 位，不接收营销 1 位。") {
		t.Error("the queue does not say whom it left out and why")
	}
	if got := app.Clipboard().Content(); got != "李华您好，明前龙井茶上新了" {
		t.Fatalf("clipboard %q", got)
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn}) // at once: not yet
	if n := len(contactsOf(t, store, ids["jd_李华"])); n != 0 {
		t.Fatalf("an Enter pressed as the buyer came up logged %d contacts", n)
	}
	enter(w, clock)
	cs := contactsOf(t, store, ids["jd_李华"])
	if len(cs) != 1 || cs[0].Care != data.CareGroup || cs[0].Channel != data.ChannelSMS || cs[0].Summary != "李华您好，明前龙井茶上新了" {
		t.Fatalf("after Enter: contacts %+v, want one group care message by SMS", cs)
	}
	// 撤销上一位: an Enter pressed by mistake is taken back, the contact with it, and
	// the buyer comes up again; sending again logs one contact.
	test.Tap(guitest.Button(t, w, "撤销上一位"))
	if n := len(contactsOf(t, store, ids["jd_李华"])); n != 0 || !guitest.HasText(w, "已撤销：jd_李华（李华） 回到待发送。") ||
		!guitest.HasText(w, "13987654321") {
		t.Fatalf("after 撤销上一位: %d contacts, the buyer shown again: %v", n, guitest.HasText(w, "13987654321"))
	}
	if !guitest.Button(t, w, "撤销上一位").Disabled() {
		t.Error("撤销上一位 can take back more than the last buyer")
	}
	enter(w, clock)
	if n := len(contactsOf(t, store, ids["jd_李华"])); n != 1 {
		t.Fatalf("sent again: %d contacts, want 1", n)
	}

	// 2: 爱喝茶的小王 on 旺旺; 跳过 logs nothing.
	if !guitest.HasText(w, "爱喝茶的小王") || !guitest.HasText(w, "旺旺：") {
		t.Fatal("the second buyer is not shown with their 旺旺 id")
	}
	test.Tap(guitest.Button(t, w, "跳过"))
	if n := len(contactsOf(t, store, ids["爱喝茶的小王"])); n != 0 {
		t.Fatalf("a skipped buyer got %d contacts", n)
	}

	// 3: 拼团达人; 停止 keeps them for later.
	if !guitest.HasTextContaining(w, "拼团达人") {
		t.Fatal("the third buyer is not shown")
	}
	test.Tap(guitest.Button(t, w, "停止"))
	if !guitest.HasTextContaining(w, "还剩 1 位") {
		t.Fatal("stopping does not say how many are left")
	}
	store.Close()

	// The archive opened again: the queue is offered where queues start.
	w2 := test.NewTempWindow(t, widget.NewLabel(""))
	a2, store2, clock2 := openArea(t, w2, dir)
	defer store2.Close()
	if !guitest.HasText(w2, "继续发送：全部客户，还剩 1 位") {
		t.Fatal("the stopped queue is not offered for resuming")
	}
	test.Tap(guitest.Button(t, w2, "继续"))
	if !guitest.HasTextContaining(w2, "拼团达人") {
		t.Fatal("resuming does not go on at the next pending buyer")
	}
	enter(w2, clock2)
	if n := len(contactsOf(t, store2, ids["拼团达人"])); n != 1 {
		t.Fatalf("the resumed buyer got %d contacts, want 1", n)
	}
	if !guitest.HasTextContaining(w2, "全部客户：已发送 2 位，跳过 1 位") {
		t.Fatal("no summary at the end")
	}
	if !guitest.HasTextContaining(w2, "黑名单 1 位") || !guitest.HasTextContaining(w2, "不接收营销 1 位") {
		t.Error("the summary does not say who was left out")
	}
	for _, nick := range []string{"黑名单买家", "不要营销", "爱喝茶的小王"} {
		if n := len(contactsOf(t, store2, ids[nick])); n != 0 {
			t.Errorf("%s got %d contacts", nick, n)
		}
	}
	a2.Reload()
	if guitest.HasTextContaining(w2, "继续发送") {
		t.Error("a finished queue is still offered")
	}
}
