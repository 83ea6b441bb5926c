package data

import "testing"

// TestMaskedValuesAreNeverIdentities: every masked shape a platform writes is
// masked; a row holding only such values has no identity, and its masked nick or
// name is shown, never kept as nick or name.
func TestMaskedValuesAreNeverIdentities(t *testing.T) {
	tests := []struct {
		name     string
		c        Customer
		identity bool
		shown    string
	}{
		{"masked nick 张**", Customer{Nick: "张**"}, false, "张**"},
		{"masked nick t**1", Customer{Nick: "t**1"}, false, "t**1"},
		{"full-width mask 李＊＊", Customer{Name: "李＊＊"}, false, "李＊＊"},
		{"masked phone 138****5678", Customer{Phone: "138****5678"}, false, "138****5678"},
		{"Douyin phone 1********35 and name 生***", Customer{Name: "生***", Phone: "1********35"}, false, "生***"},
		{"instant-retail phone *******1035", Customer{Phone: "*******1035"}, false, "*******1035"},
		{"address ending ****", Customer{Name: "王*", Address: "广东省 湛江市 赤坎区 街道****"}, false, "王*"},
		{"a full phone is one", Customer{Phone: "13812345678"}, true, "138****5678"},
		{"an email is one", Customer{Email: "ann@example.com"}, true, "ann@example.com"},
		{"a WeChat id is one", Customer{WeChat: "qingtian_88"}, true, ""},
		{"a masked email is not", Customer{Email: "a***@qq.com"}, false, "a***@qq.com"},
		{"a name alone is not", Customer{Name: "张伟"}, false, "张伟"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.c
			c.hideMasked()
			if IsMasked(c.Nick) || IsMasked(c.Name) {
				t.Errorf("nick %q, name %q: a masked value kept as nick or name", c.Nick, c.Name)
			}
			if got := c.HasIdentity(); got != tt.identity {
				t.Errorf("HasIdentity: got %v, want %v", got, tt.identity)
			}
			if got := c.DisplayName(); got != tt.shown {
				t.Errorf("shown as %q, want %q", got, tt.shown)
			}
		})
	}
}

// TestWhatSetsTwoBuyersOfOneNameApart: a row known only by a shared name conflicts
// with the one customer carrying it when something it says cannot be theirs.
func TestWhatSetsTwoBuyersOfOneNameApart(t *testing.T) {
	carrier := Customer{Name: "张伟", Nick: "zw88", Phone: "13812345678", Province: "浙江", City: "杭州",
		Address: "杭州市西湖区文三路1号", Gender: GenderMale, Birthday: "1990-05-01"}
	tests := []struct {
		name string
		row  Customer
		want bool
	}{
		{"nothing else said", Customer{Name: "张伟"}, false},
		{"a masked phone that fits", Customer{Name: "张伟", Phone: "138****5678"}, false},
		{"a masked phone that cannot be theirs", Customer{Name: "张伟", Phone: "139****5678"}, true},
		{"a Douyin mask that fits", Customer{Name: "张伟", Phone: "1********78"}, false},
		{"another city", Customer{Name: "张伟", City: "成都"}, true},
		{"the same address masked", Customer{Name: "张伟", Address: "杭州市西湖区文三路****"}, false},
		{"another address masked", Customer{Name: "张伟", Address: "成都市武侯区****"}, true},
		{"another gender", Customer{Name: "张伟", Gender: GenderFemale}, true},
		{"another birthday", Customer{Name: "张伟", Birthday: "1991-05-01"}, true},
		{"a masked nick that fits", Customer{Name: "张伟", Extra: map[string]string{ExtraMaskedNick: "z**8"}}, false},
		{"a masked nick that cannot be theirs", Customer{Name: "张伟", Extra: map[string]string{ExtraMaskedNick: "q**8"}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := carrier.ConflictsWith(&tt.row); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestAnotherPhoneIsKeptOnce: a further phone is kept once, never the customer's own.
func TestAnotherPhoneIsKeptOnce(t *testing.T) {
	c := Customer{Phone: "13800000001"}
	for _, p := range []string{"13800000002", "13800000001", "13800000002", "13800000003"} {
		c.AddOtherPhone(p)
	}
	if got := c.Extra[ExtraOtherPhones]; got != "13800000002、13800000003" {
		t.Errorf("got %q, want 13800000002、13800000003", got)
	}
}
