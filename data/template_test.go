package data

import (
	"strings"
	"testing"
)

func TestFillTemplate(t *testing.T) {
	for _, tt := range []struct {
		name, body string
		f          MessageFields
		want       string
	}{
		{"all fields", "亲爱的{姓名}，您上次购买的{商品}（{上次购买}）用得还好吗？", MessageFields{Name: "张三", Goods: "龙井", LastPurchase: "2026-11-16"},
			"亲爱的张三，您上次购买的龙井（2026-11-16）用得还好吗？"},
		{"name falls back to nick", "亲爱的{姓名}，生日快乐！", MessageFields{Nick: "小米粒"}, "亲爱的小米粒，生日快乐！"},
		{"nick falls back to name", "Hi {网名}!", MessageFields{Name: "Ann"}, "Hi Ann!"},
		{"no name at all in Chinese", "亲爱的{姓名}，生日快乐！", MessageFields{}, "亲爱的，生日快乐！"},
		{"no name at all in English", "Hi {name}, happy birthday!", MessageFields{}, "Hi, happy birthday!"},
		{"placeholder leading a line", "{姓名}，您好！\n{节日}快乐", MessageFields{Holiday: "中秋"}, "您好！\n中秋快乐"},
		{"upgrade gap", "{网名}，您{升级差额}！", MessageFields{Nick: "小米粒", UpgradeGap: "还差 ¥120.00 或 1 笔升到 高级客户"},
			"小米粒，您还差 ¥120.00 或 1 笔升到 高级客户！"},
		{"upgrade gap in English", "Hi {nick}, only {upgrade_gap}.", MessageFields{Nick: "Ann", UpgradeGap: "£1.20 or 1 order away from Senior"},
			"Hi Ann, only £1.20 or 1 order away from Senior."},
		{"no gap at the top tier", "{升级差额}，新品上架啦", MessageFields{}, "新品上架啦"},
		{"unknown braces stay", "优惠码 {ABC}", MessageFields{}, "优惠码 {ABC}"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := FillTemplate(tt.body, tt.f)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			for _, bad := range []string{"{姓名}", "{网名}", "{升级差额}", "{upgrade_gap}", " ,", " ，", "的 ,"} {
				if strings.Contains(got, bad) {
					t.Errorf("%q left in %q", bad, got)
				}
			}
		})
	}
}
