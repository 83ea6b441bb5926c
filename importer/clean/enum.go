package clean

import (
	"strings"

	"shopcrm/data"
)

// Gender reads 男/女, 先生/女士/小姐, M/F, male/female (any case, full-width too).
// An empty cell, 未知, 保密, 其他 and "unknown" are data.GenderUnknown with ok=true;
// anything else is ok=false.
func Gender(s string) (data.Gender, bool) {
	if g, ok := genders[s]; ok {
		return g, true
	}
	if g, ok := genders[key(s)]; ok {
		return g, true
	}
	return data.GenderUnknown, false
}

var genders = map[string]data.Gender{
	"男": data.GenderMale, "男性": data.GenderMale, "男士": data.GenderMale, "先生": data.GenderMale,
	"m": data.GenderMale, "male": data.GenderMale, "man": data.GenderMale,
	"女": data.GenderFemale, "女性": data.GenderFemale, "女士": data.GenderFemale, "小姐": data.GenderFemale,
	"f": data.GenderFemale, "female": data.GenderFemale, "woman": data.GenderFemale,
	"": data.GenderUnknown, "未知": data.GenderUnknown, "保密": data.GenderUnknown, "不详": data.GenderUnknown,
	"其他": data.GenderUnknown, "unknown": data.GenderUnknown,
}

// Status maps a platform's order status to a data.TradeStatus. Unknown text gives
// ("", false) so the caller can report it rather than guess.
//
//   - StatusPaid: the buyer's money reached the seller and was not given back:
//     交易成功, 买家已付款/等待卖家发货, 卖家已发货/等待买家确认收货, 已发货, 已完成,
//     已签收, 待发货, 退款中 (a refund asked for is not a refund made), Shopify paid,
//     partially_paid and partially_refunded (the refunded part comes from the refund
//     column, not from the status).
//   - StatusUnpaid: 等待买家付款, 未付款, 待付款, pending, unpaid, and Shopify
//     authorized: the card was only authorized, not charged, and an authorization
//     lapses unless captured; counting it would count money the seller may never get.
//   - StatusClosed: 交易关闭, 已关闭, 已取消, voided, cancelled, expired.
//   - StatusRefunded: 退款成功, 已退款, 全额退款, refunded.
//
// Longer Chinese texts are classified by these phrases in that order of precedence
// (partial refund, refund, closed, unpaid, paid): "已发货，退款成功" is refunded,
// "部分退款成功" is paid.
func Status(s string) (data.TradeStatus, bool) {
	if st, ok := statuses[s]; ok {
		return st, true
	}
	k := key(s)
	if st, ok := statuses[k]; ok {
		return st, true
	}
	for _, r := range statusPhrases {
		for _, p := range r.phrases {
			if strings.Contains(k, p) {
				return r.status, true
			}
		}
	}
	return "", false
}

var statuses = map[string]data.TradeStatus{
	"paid": data.StatusPaid, "partially_paid": data.StatusPaid, "partially_refunded": data.StatusPaid,
	"partiallypaid": data.StatusPaid, "partiallyrefunded": data.StatusPaid,
	"completed": data.StatusPaid, "complete": data.StatusPaid, "shipped": data.StatusPaid,
	"pending": data.StatusUnpaid, "unpaid": data.StatusUnpaid, "authorized": data.StatusUnpaid,
	"voided": data.StatusClosed, "cancelled": data.StatusClosed, "canceled": data.StatusClosed,
	"expired": data.StatusClosed, "closed": data.StatusClosed,
	"refunded": data.StatusRefunded,
	// Shopee, Lazada, TikTok Shop and WooCommerce words.
	"delivered": data.StatusPaid, "toship": data.StatusPaid, "readytoship": data.StatusPaid, "toreceive": data.StatusPaid,
	"awaitingshipment": data.StatusPaid, "awaitingcollection": data.StatusPaid, "intransit": data.StatusPaid,
	"processing":      data.StatusPaid,
	"awaitingpayment": data.StatusUnpaid, "on-hold": data.StatusUnpaid, "onhold": data.StatusUnpaid,
	"failed": data.StatusClosed, "returned": data.StatusRefunded,
	// Taobao's exact texts, so the common rows skip the phrase rules.
	"交易成功": data.StatusPaid, "买家已付款，等待卖家发货": data.StatusPaid, "卖家已发货，等待买家确认": data.StatusPaid,
	"等待买家付款": data.StatusUnpaid, "交易关闭": data.StatusClosed,
	"完成": data.StatusPaid, "已付款": data.StatusPaid, "已支付": data.StatusPaid,
}

// statusPhrases classify the many Chinese status texts, most decisive first.
var statusPhrases = []struct {
	status  data.TradeStatus
	phrases []string
}{
	{data.StatusPaid, []string{"部分退款"}},
	{data.StatusRefunded, []string{"退款成功", "已退款", "全额退款", "退款完成"}},
	{data.StatusClosed, []string{"关闭", "取消", "作废"}},
	{data.StatusUnpaid, []string{"等待买家付款", "未付款", "待付款", "待支付", "未支付", "等待付款"}},
	{data.StatusPaid, []string{"交易成功", "已付款", "已支付", "已发货", "待发货", "等待卖家发货", "等待买家确认",
		"确认收货", "已完成", "已签收", "待收货", "待签收", "等待出库", "已出库", "退款中", "售后", "配货"}},
}

// Bool reads a yes/no cell: 是/否, 对/错, 有/无, yes/no, y/n, true/false, 1/0, on/off,
// √/×. ok=false for an empty cell or anything else.
func Bool(s string) (value bool, ok bool) {
	if v, ok := bools[s]; ok {
		return v, true
	}
	v, ok := bools[key(s)]
	return v, ok
}

var bools = map[string]bool{
	"是": true, "对": true, "有": true, "yes": true, "y": true, "true": true, "1": true, "on": true, "√": true, "✓": true,
	"否": false, "错": false, "无": false, "no": false, "n": false, "false": false, "0": false, "off": false,
	"×": false, "✗": false,
}

// key is the lookup form of an enum cell: Text, lower case, no spaces.
func key(s string) string {
	s = Text(s)
	if strings.IndexByte(s, ' ') >= 0 {
		s = strings.ReplaceAll(s, " ", "")
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}
