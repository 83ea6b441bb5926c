// Package guitest holds what the GUI packages' tests share: a real store in a temp
// folder, a fixed clock, the small fixed shop of the golden pictures, and finding
// widgets on screen. Only tests import it.
package guitest

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/i18n"
)

// Now is the fixed clock of GUI tests.
var Now = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// Clock is the fixed clock as a store's Now.
func Clock() time.Time { return Now }

// PinZone makes dates local to one zone, so goldens match on every machine; a
// TestMain calls it first.
func PinZone() { time.Local = time.FixedZone("CST", 8*3600) }

// Open opens a store in a temp folder with open (the shell's sqlite.Open: this package
// stays off the SQLite store, as every package under gui but the shell must) and
// closes it when the test ends.
func Open[S io.Closer](t testing.TB, open func(dir string) (S, error)) S {
	t.Helper()
	store, err := open(filepath.Join(t.TempDir(), "shop"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}

// Seeder is what SeedGoldenShop writes through.
type Seeder interface {
	CreateCustomer(ctx context.Context, c *data.Customer) error
	CreateTrade(ctx context.Context, t *data.Trade) error
}

// SeedGoldenShop makes a small, fixed shop for the golden pictures.
func SeedGoldenShop(t testing.TB, s Seeder) {
	t.Helper()
	ctx := context.Background()
	for i, sc := range []struct {
		c      data.Customer
		trades []int64
	}{
		{data.Customer{Platform: data.PlatformTaobao, Nick: "爱喝茶的小王", Name: "王小明", Phone: "13812345678", City: "杭州", Tags: []string{"老客"}}, []int64{26800, 15800, 9800}},
		{data.Customer{Platform: data.PlatformJD, Nick: "jd_李华", Name: "李华", Phone: "13987654321", City: "上海"}, []int64{520000}},
		{data.Customer{Platform: data.PlatformPDD, Nick: "拼团达人", Name: "赵敏", Phone: "0571-88886666", City: "北京"}, nil},
	} {
		c := sc.c
		if err := s.CreateCustomer(ctx, &c); err != nil {
			t.Fatal(err)
		}
		for j, a := range sc.trades {
			at := time.Date(2026, 10, 1+i+j, 12, 0, 0, 0, time.UTC)
			if err := s.CreateTrade(ctx, &data.Trade{CustomerID: c.ID, TradedAt: at, AmountFen: a, Goods: "明前龙井茶"}); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// Main runs a package's tests with dates pinned to one zone (see PinZone).
func Main(m *testing.M) { PinZone(); os.Exit(m.Run()) }

// Window is a new test app in the language choice with an empty test window, closed
// when the test ends; a test puts the screen it tries into it.
func Window(t testing.TB, choice string) (fyne.App, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	if err := i18n.Use(choice); err != nil {
		t.Fatal(err)
	}
	return a, test.NewTempWindow(t, widget.NewLabel(""))
}

// CloseIfOpen closes w unless the test closed it already (the test driver does not
// allow closing a window twice).
func CloseIfOpen(w fyne.Window) {
	for _, open := range fyne.CurrentApp().Driver().AllWindows() {
		if open == w {
			w.Close()
			return
		}
	}
}

// Walk visits o and everything inside it, widgets' rendered parts included.
func Walk(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) bool {
	if o == nil || !o.Visible() {
		return false
	}
	if visit(o) {
		return true
	}
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			if Walk(c, visit) {
				return true
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			if Walk(c, visit) {
				return true
			}
		}
	}
	return false
}

// TopLayer is the open dialog if there is one, else the window content.
func TopLayer(w fyne.Window) fyne.CanvasObject {
	if top := w.Canvas().Overlays().Top(); top != nil {
		return top
	}
	return w.Canvas().Content()
}

// Button finds a visible button by its label in the top layer, failing the test if
// there is none.
func Button(t testing.TB, w fyne.Window, label string) *widget.Button {
	t.Helper()
	var found *widget.Button
	Walk(TopLayer(w), func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			found = b
			return true
		}
		return false
	})
	if found == nil {
		t.Fatalf("no button %q on screen", label)
	}
	return found
}

// HasText reports whether a visible label in the top layer shows s.
func HasText(w fyne.Window, s string) bool {
	return Walk(TopLayer(w), func(o fyne.CanvasObject) bool {
		t, ok := labelText(o)
		return ok && t == s
	})
}

// HasTextContaining reports whether a label on top of w contains s.
func HasTextContaining(w fyne.Window, s string) bool {
	return Walk(TopLayer(w), func(o fyne.CanvasObject) bool {
		t, ok := labelText(o)
		return ok && strings.Contains(t, s)
	})
}

// labelText is the text a label shows: a plain label's, or a wrapping label's
// (ui.WrapLabel) as set, without the line breaks its wrapping added.
func labelText(o fyne.CanvasObject) (string, bool) {
	switch l := o.(type) {
	case *widget.Label:
		return l.Text, true
	case interface{ Message() string }:
		return l.Message(), true
	}
	return "", false
}

// WriteSheet writes a small customer sheet (a csv with a title row above its header,
// and one trade without a date) and returns its path.
func WriteSheet(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "客户档案.csv")
	body := "客户档案 2026\n" + // a title row above the header
		"订单编号,交易日期,顾客网名,真实姓名,联系电话,购买商品,成交价格,积分\n" +
		"A1,2026-03-01 10:00,小米粒,张三,13800138000,龙井,268,10\n" +
		"A2,2026-03-02 11:00,小米粒,张三,13800138000,普洱,158,\n" +
		"A3,,无日期,李四,13900139000,白茶,99,\n"
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// JobQueue is a spawn that keeps the work until a test or benchmark runs it, in order,
// so it can look at the window between two steps.
type JobQueue struct{ Jobs []func() }

// Spawn queues f.
func (q *JobQueue) Spawn(f func()) { q.Jobs = append(q.Jobs, f) }

// RunUntil runs queued work (and the work it queues) until done holds or none is left.
func (q *JobQueue) RunUntil(done func() bool) {
	for len(q.Jobs) > 0 && !done() {
		f := q.Jobs[0]
		q.Jobs = q.Jobs[1:]
		f()
	}
}
