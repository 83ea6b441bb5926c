package clean

import (
	"testing"

	"shopcrm/data"
)

func TestGender(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want data.Gender
		ok   bool
	}{
		{"男", "男", data.GenderMale, true},
		{"女", "女", data.GenderFemale, true},
		{"upper M", "M", data.GenderMale, true},
		{"upper F", "F", data.GenderFemale, true},
		{"male", "male", data.GenderMale, true},
		{"Female capitalised", "Female", data.GenderFemale, true},
		{"先生", "先生", data.GenderMale, true},
		{"女士", "女士", data.GenderFemale, true},
		{"小姐", "小姐", data.GenderFemale, true},
		{"padded", " 女 ", data.GenderFemale, true},
		{"full-width M", "Ｍ", data.GenderMale, true},
		{"empty is unknown", "", data.GenderUnknown, true},
		{"未知 is unknown", "未知", data.GenderUnknown, true},
		{"保密 is unknown", "保密", data.GenderUnknown, true},
		{"placeholder is unknown", "null", data.GenderUnknown, true},
		{"garbage", "abc", data.GenderUnknown, false},
		{"a number is not a gender", "1", data.GenderUnknown, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Gender(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %q %v, want %q %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestStatus(t *testing.T) {
	tests := []struct {
		in   string
		want data.TradeStatus
		ok   bool
	}{
		{"交易成功", data.StatusPaid, true},
		// PLATFORMS.md statuses: Shopee, TikTok, Lazada, WooCommerce, Xiaohongshu, Pinduoduo.
		{"To ship", data.StatusPaid, true}, {"Awaiting shipment", data.StatusPaid, true}, {"delivered", data.StatusPaid, true},
		{"In transit", data.StatusPaid, true}, {"returned", data.StatusRefunded, true}, {"failed", data.StatusClosed, true},
		{"on-hold", data.StatusUnpaid, true}, {"Processing", data.StatusPaid, true}, {"待配货", data.StatusPaid, true},
		{"配货中", data.StatusPaid, true}, {"已发货，待收货", data.StatusPaid, true}, {"已关闭", data.StatusClosed, true},
		{"买家已付款，等待卖家发货", data.StatusPaid, true},
		{"买家已付款,等待卖家发货", data.StatusPaid, true},
		{"等待卖家发货", data.StatusPaid, true},
		{"卖家已发货，等待买家确认", data.StatusPaid, true},
		{"卖家已发货，等待买家确认收货", data.StatusPaid, true},
		{"已发货", data.StatusPaid, true},
		{"已完成", data.StatusPaid, true},
		{"完成", data.StatusPaid, true},
		{"已签收", data.StatusPaid, true},
		{"待发货", data.StatusPaid, true},
		{"退款中", data.StatusPaid, true},
		{"部分退款成功", data.StatusPaid, true},
		{"paid", data.StatusPaid, true},
		{"Paid", data.StatusPaid, true},
		{"partially_paid", data.StatusPaid, true},
		{"partially_refunded", data.StatusPaid, true},
		{"等待买家付款", data.StatusUnpaid, true},
		{"未付款", data.StatusUnpaid, true},
		{"待付款", data.StatusUnpaid, true},
		{"pending", data.StatusUnpaid, true},
		{"unpaid", data.StatusUnpaid, true},
		{"authorized", data.StatusUnpaid, true},
		{"交易关闭", data.StatusClosed, true},
		{"已关闭", data.StatusClosed, true},
		{"已取消", data.StatusClosed, true},
		{"voided", data.StatusClosed, true},
		{"cancelled", data.StatusClosed, true},
		{"expired", data.StatusClosed, true},
		{"退款成功", data.StatusRefunded, true},
		{"已退款", data.StatusRefunded, true},
		{"已发货，退款成功", data.StatusRefunded, true},
		{"refunded", data.StatusRefunded, true},
		{" Refunded ", data.StatusRefunded, true},
		{"", "", false},
		{"什么", "", false},
		{"shipping", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := Status(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %q %v, want %q %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestBool(t *testing.T) {
	tests := []struct {
		in       string
		want, ok bool
	}{
		{"是", true, true}, {"否", false, true},
		{"yes", true, true}, {"no", false, true},
		{"Yes", true, true}, {"NO", false, true},
		{"true", true, true}, {"FALSE", false, true},
		{"1", true, true}, {"0", false, true},
		{"Y", true, true}, {"n", false, true},
		{"√", true, true}, {"×", false, true},
		{" 是 ", true, true},
		{"", false, false}, {"maybe", false, false}, {"2", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := Bool(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %v %v, want %v %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}
