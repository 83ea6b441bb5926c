package sqlite

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"shopcrm/data"
)

func TestCustomerCRUD(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	c := &data.Customer{
		Platform: data.PlatformTaobao, Nick: " 小米粒 ", Name: "张三", Gender: data.GenderFemale,
		Birthday: "1990-02-28", Phone: "+86 138-0013-8000", Email: "ZhangSan@QQ.com",
		WeChat: "zs_wx", QQ: "１２３４５６", Province: "浙江", City: "杭州", Address: "西湖区文三路 1 号",
		Tags: []string{"老客", "老客", " 爱买茶 "}, Extra: map[string]string{"积分": "120"},
	}
	if err := s.CreateCustomer(ctx, c); err != nil {
		t.Fatalf("create: %v", err)
	}
	got, err := s.FindCustomerByID(ctx, c.ID)
	if err != nil {
		t.Fatalf("find: %v", err)
	}
	for _, tc := range []struct{ name, got, want string }{
		{"nick trimmed", got.Nick, "小米粒"},
		{"phone normalized", got.Phone, "13800138000"},
		{"email lower-cased", got.Email, "zhangsan@qq.com"},
		{"qq half-width", got.QQ, "123456"},
		{"tier of a new customer", got.Tier, "tier.potential"},
		{"extra kept", got.Extra["积分"], "120"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
	if want := []string{"老客", "爱买茶"}; !reflect.DeepEqual(got.Tags, want) {
		t.Errorf("tags: got %v, want %v", got.Tags, want)
	}

	got.City = "宁波"
	got.Tags = []string{"爱买茶"}
	if err := s.UpdateCustomer(ctx, got); err != nil {
		t.Fatalf("update: %v", err)
	}
	again, _ := s.FindCustomerByID(ctx, c.ID)
	if again.City != "宁波" || !reflect.DeepEqual(again.Tags, []string{"爱买茶"}) {
		t.Errorf("after update: got city %q tags %v, want 宁波 [爱买茶]", again.City, again.Tags)
	}

	if err := s.DeleteCustomer(ctx, c.ID); err != nil {
		t.Fatalf("delete: %v", err)
	}
	if _, err := s.FindCustomerByID(ctx, c.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("find after delete: got %v, want ErrNotFound", err)
	}
	if err := s.DeleteCustomer(ctx, c.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("delete twice: got %v, want ErrNotFound", err)
	}
	if err := s.UpdateCustomer(ctx, got); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("update deleted: got %v, want ErrNotFound", err)
	}
}

func TestCustomerValidation(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name      string
		c         data.Customer
		wantField string
	}{
		{"nick or name is required", data.Customer{Phone: "13800138000"}, "nick"},
		{"name alone is enough", data.Customer{Name: "李四"}, ""},
		{"phone must look like a phone", data.Customer{Nick: "a", Phone: "12345"}, "phone"},
		{"landline with area code is a phone", data.Customer{Nick: "b", Phone: "0571-88886666"}, ""},
		{"masked platform phone is kept", data.Customer{Nick: "c", Phone: "138****1234"}, ""},
		{"international phone", data.Customer{Nick: "d", Phone: "+1 415 555 0100"}, ""},
		{"foreign number without country code", data.Customer{Nick: "d2", Phone: "3164837635"}, ""},
		{"a mainland mobile missing a digit", data.Customer{Nick: "d3", Phone: "1380013800"}, "phone"},
		{"a foreign number starting 10 (no mainland mobile does)", data.Customer{Nick: "d4", Phone: "1040505495"}, ""},
		{"11 digits starting with 1 must be a mainland mobile", data.Customer{Nick: "d5", Phone: "10405054951"}, "phone"},
		{"email needs an @ and a domain", data.Customer{Nick: "e", Email: "zhangsan.qq.com"}, "email"},
		{"birthday must be a real date", data.Customer{Nick: "f", Birthday: "1990-02-30"}, "birthday"},
		{"Feb 29 in a leap year", data.Customer{Nick: "g", Birthday: "1992-02-29"}, ""},
		{"Feb 29 in a common year", data.Customer{Nick: "h", Birthday: "1991-02-29"}, "birthday"},
		{"Feb 29 without a year", data.Customer{Nick: "i", Birthday: "02-29"}, ""},
		{"birthday in another shape", data.Customer{Nick: "j", Birthday: "1990/5/1"}, "birthday"},
		{"lunar day 30", data.Customer{Nick: "k", Birthday: "08-30", BirthdayLunar: true}, ""},
		{"lunar day 31", data.Customer{Nick: "l", Birthday: "08-31", BirthdayLunar: true}, "birthday"},
		{"unknown platform", data.Customer{Nick: "m", Platform: "ebay"}, "platform"},
		{"qq is digits", data.Customer{Nick: "n", QQ: "abc"}, "qq"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.c
			err := s.CreateCustomer(ctx, &c)
			var ve *data.ValidationError
			switch {
			case tc.wantField == "" && err != nil:
				t.Errorf("got %v, want no error", err)
			case tc.wantField != "" && (!errors.As(err, &ve) || ve.Field != tc.wantField):
				t.Errorf("got %v, want a validation error on %q", err, tc.wantField)
			}
		})
	}
}

func TestCustomerNickIsUniquePerPlatform(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	if err := s.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformTaobao, Nick: "花花"}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformTaobao, Nick: "花花 "}); !errors.Is(err, data.ErrConflict) {
		t.Errorf("same platform and nick: got %v, want ErrConflict", err)
	}
	if err := s.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformJD, Nick: "花花"}); err != nil {
		t.Errorf("same nick on another platform: got %v, want no error", err)
	}
	if err := s.CreateCustomer(ctx, &data.Customer{Name: "无网名一"}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateCustomer(ctx, &data.Customer{Name: "无网名二"}); err != nil {
		t.Errorf("two customers without nick: got %v, want no error", err)
	}
	found, err := s.FindCustomerByNick(ctx, data.PlatformTaobao, "花花")
	if err != nil || found.Nick != "花花" {
		t.Errorf("find by nick: got %v, %v", found, err)
	}
}

func TestFindCustomersSearchAndSort(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	seed := []struct {
		nick, name, phone, city string
		trades                  []int64 // amounts in fen
	}{
		{"tb_apple", "王小明", "13800001111", "杭州", []int64{10000}},
		{"Banana猫", "李华", "13900002222", "上海", []int64{5000, 5000, 5000}},
		{"cherry_88", "赵敏", "15800003333", "北京", nil},
		{"tb_durian", "钱多多", "18600004444", "杭州", []int64{99900}},
	}
	for _, sc := range seed {
		c := &data.Customer{Platform: data.PlatformTaobao, Nick: sc.nick, Name: sc.name, Phone: sc.phone, City: sc.city}
		if err := s.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
		for i, a := range sc.trades {
			mustTrade(t, s, &data.Trade{CustomerID: c.ID, TradedAt: s.Now().AddDate(0, 0, -i-1), AmountFen: a})
		}
	}
	nicks := func(cs []*data.Customer) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Nick)
		}
		return out
	}
	for _, tc := range []struct {
		name      string
		f         data.CustomerFilter
		want      []string
		wantTotal int
	}{
		{"no query lists newest first by default", data.CustomerFilter{Desc: true}, []string{"tb_durian", "cherry_88", "Banana猫", "tb_apple"}, 4},
		{"nick prefix, case-insensitive", data.CustomerFilter{Query: "TB_", Sort: data.SortNick}, []string{"tb_apple", "tb_durian"}, 2},
		{"chinese name fragment", data.CustomerFilter{Query: "小明"}, []string{"tb_apple"}, 1},
		{"phone fragment", data.CustomerFilter{Query: "0002222"}, []string{"Banana猫"}, 1},
		{"phone fragment with a dash", data.CustomerFilter{Query: "139-0000"}, []string{"Banana猫"}, 1},
		{"city", data.CustomerFilter{Query: "杭州", Sort: data.SortTotal, Desc: true}, []string{"tb_durian", "tb_apple"}, 2},
		{"all words must match", data.CustomerFilter{Query: "杭州 apple"}, []string{"tb_apple"}, 1},
		{"nothing matches", data.CustomerFilter{Query: "不存在"}, nil, 0},
		{"sort by total", data.CustomerFilter{Sort: data.SortTotal, Desc: true}, []string{"tb_durian", "Banana猫", "tb_apple", "cherry_88"}, 4},
		{"sort by trades", data.CustomerFilter{Sort: data.SortTrades, Desc: true}, []string{"Banana猫", "tb_durian", "tb_apple", "cherry_88"}, 4},
		{"sort by tier, then id", data.CustomerFilter{Sort: data.SortTier, Desc: true}, []string{"tb_durian", "Banana猫", "tb_apple", "cherry_88"}, 4},
		{"sort by name", data.CustomerFilter{Sort: data.SortName}, []string{"Banana猫", "tb_apple", "cherry_88", "tb_durian"}, 4},
		{"page with limit and offset", data.CustomerFilter{Sort: data.SortTotal, Desc: true, Limit: 2, Offset: 1}, []string{"Banana猫", "tb_apple"}, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, total, err := s.FindCustomers(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(nicks(got), tc.want) || total != tc.wantTotal {
				t.Errorf("got %v (total %d), want %v (total %d)", nicks(got), total, tc.want, tc.wantTotal)
			}
		})
	}
	if _, _, err := s.FindCustomers(ctx, data.CustomerFilter{Sort: "x; DROP TABLE customers"}); err == nil {
		t.Error("unknown sort column: got no error")
	}
}

func TestTagsTypedInOneBoxAreSplit(t *testing.T) {
	s := openTestStore(t)
	c := &data.Customer{Nick: "标签", Tags: []string{"老客, 爱喝茶；VIP、老客"}}
	if err := s.CreateCustomer(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	got, _ := s.FindCustomerByID(context.Background(), c.ID)
	if want := []string{"老客", "爱喝茶", "VIP"}; !reflect.DeepEqual(got.Tags, want) {
		t.Errorf("got %v, want %v", got.Tags, want)
	}
}
