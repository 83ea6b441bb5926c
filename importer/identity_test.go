package importer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shopcrm/data"
	"shopcrm/importer/field"
)

// TestAWeChatNicknameIsNotAnIdentity: in a WeChat or Youzan shop's sheet the buyer's
// 昵称 is a WeChat nickname that buyers share; two buyers called 晴天 with their own
// phones are two customers, and 晴天 is their name, not their nick. On Taobao 买家昵称 is
// the buyer's nick and still identifies them.
func TestAWeChatNicknameIsNotAnIdentity(t *testing.T) {
	body := "NICK,手机号,订单编号,实付金额,付款时间\n" +
		"晴天,13700000001,W1,10,2026-01-02 10:00\n" +
		"晴天,13700000002,W2,20,2026-01-03 10:00\n"
	tests := []struct {
		header    string
		platform  data.Platform
		customers int
		nick      string
	}{
		{"买家昵称", data.PlatformOther, 2, ""},
		{"微信昵称", data.PlatformOther, 2, ""},
		{"客户昵称", data.PlatformTaobao, 2, ""},
		{"买家昵称", data.PlatformTaobao, 1, "晴天"},
		{"买家会员名", data.PlatformOther, 1, "晴天"},
	}
	for _, tt := range tests {
		t.Run(tt.header+"/"+string(tt.platform), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "orders.csv")
			if err := os.WriteFile(path, []byte(strings.Replace(body, "NICK", tt.header, 1)), 0o600); err != nil {
				t.Fatal(err)
			}
			s := newStore(t)
			fields := []field.Key{field.Nick, field.Phone, field.OrderNo, field.Amount, field.PaidAt}
			importFile(t, s, path, Options{Platform: tt.platform, Fields: fields})
			var got []*data.Customer
			err := s.EachCustomer(context.Background(), data.CustomerFilter{}, func(c *data.Customer) error {
				got = append(got, c)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.customers {
				t.Fatalf("got %d customers, want %d", len(got), tt.customers)
			}
			for _, c := range got {
				if c.Nick != tt.nick || c.DisplayName() != "晴天" {
					t.Errorf("customer nick %q, shown as %q: want nick %q, shown as 晴天", c.Nick, c.DisplayName(), tt.nick)
				}
			}
		})
	}
}
