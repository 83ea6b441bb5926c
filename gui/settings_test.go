package gui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
)

func TestPhoneMaskingSettingShowsWholePhonesAndPersists(t *testing.T) {
	g, store := newTestApp(t)
	ctx := context.Background()
	if err := store.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒", Phone: "13800138000"}); err != nil {
		t.Fatal(err)
	}
	g.customers.Refresh()
	if got := cell(g.customers, 0, colPhone); got != "138****8000" {
		t.Fatalf("default list phone: got %q, want it masked", got)
	}
	test.Tap(button(t, g.win, "设置"))
	var mask *widget.Check
	walk(g.win.Content(), func(o fyne.CanvasObject) bool {
		if c, ok := o.(*widget.Check); ok && c.Text == "列表中隐藏手机号中间四位" {
			mask = c
		}
		return mask != nil
	})
	if mask == nil || !mask.Checked {
		t.Fatalf("the masking switch should be shown and on by default: %v", mask)
	}
	test.Tap(mask)
	if got := cell(g.customers, 0, colPhone); got != "13800138000" {
		t.Errorf("after turning masking off: got %q, want the whole phone", got)
	}
	if v, _ := store.Setting(ctx, data.SettingMaskPhones, "1"); v != "0" {
		t.Errorf("stored setting: got %q, want 0", v)
	}
}
