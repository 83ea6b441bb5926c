package data

import "testing"

func TestTextablePhone(t *testing.T) {
	for _, tc := range []struct {
		phone string
		want  bool
	}{
		{"13812345678", true},
		{"+8613812345678", true},
		{"+14155550123", true},
		{"5198030255", true}, // a US number without its country code
		{"", false},
		{"138****5678", false},
		{"1********35", false},
		{"0571-88886666", false},
		{"057188886666", false},
		{"010-65529988", false},
	} {
		if got := TextablePhone(tc.phone); got != tc.want {
			t.Errorf("TextablePhone(%q) = %v, want %v", tc.phone, got, tc.want)
		}
	}
}

// The id a queue shows: 旺旺 on Taobao and Tmall, else WeChat, else a phone (a text to
// a mobile, a call to a landline), else the platform nick.
func TestOutreachItemReach(t *testing.T) {
	for _, tc := range []struct {
		it     OutreachItem
		id     string
		ch     Channel
		reason string
	}{
		{OutreachItem{Platform: PlatformTaobao, Nick: "小米粒", WeChat: "wx1", Phone: "13812345678"}, "小米粒", ChannelWangwang, "a Taobao nick is the 旺旺 id"},
		{OutreachItem{Platform: PlatformTmall, Nick: "小米粒", Wangwang: "ww1"}, "ww1", ChannelWangwang, "a 旺旺 id of its own comes first"},
		{OutreachItem{Platform: PlatformJD, Nick: "jd_1", WeChat: "wx1", Phone: "13812345678"}, "wx1", ChannelWeChat, "WeChat before the phone"},
		{OutreachItem{Platform: PlatformJD, Nick: "jd_1", Phone: "13812345678"}, "13812345678", ChannelSMS, "a mobile takes a text"},
		{OutreachItem{Platform: PlatformPDD, Nick: "拼团", Phone: "0571-88886666"}, "0571-88886666", ChannelPhone, "a landline is called"},
		{OutreachItem{Platform: PlatformPDD, Nick: "拼团", Phone: "138****5678"}, "拼团", ChannelOther, "a masked phone is no id"},
		{OutreachItem{Platform: PlatformOther}, "", ChannelOther, "nothing known"},
	} {
		if id, ch := tc.it.Reach(); id != tc.id || ch != tc.ch {
			t.Errorf("%s: got %q %s, want %q %s", tc.reason, id, ch, tc.id, tc.ch)
		}
	}
}
