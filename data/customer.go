package data

import (
	"strings"
	"time"
)

// Platform is the shop platform a customer or trade belongs to.
type Platform string

// Platforms sellers use. PlatformOther covers offline, WeChat shops and the rest.
const (
	PlatformTaobao  Platform = "taobao"
	PlatformTmall   Platform = "tmall"
	PlatformJD      Platform = "jd"
	PlatformPDD     Platform = "pdd"
	PlatformDouyin  Platform = "douyin"
	PlatformShopify Platform = "shopify"
	PlatformOther   Platform = "other"

	PlatformKuaishou    Platform = "kuaishou"    // 快手小店
	PlatformYouzan      Platform = "youzan"      // 有赞
	PlatformWeChat      Platform = "wechat"      // 微信小店 / 视频号小店
	PlatformXiaohongshu Platform = "xiaohongshu" // 小红书
	Platform1688        Platform = "1688"        // 1688 (B2B)
	PlatformShopee      Platform = "shopee"
	PlatformLazada      Platform = "lazada"
	PlatformTikTok      Platform = "tiktok" // TikTok Shop
	PlatformWooCommerce Platform = "woocommerce"
)

// Platforms lists every platform in the order the GUI offers them.
var Platforms = []Platform{PlatformTaobao, PlatformTmall, PlatformJD, PlatformPDD, PlatformDouyin, PlatformKuaishou,
	PlatformYouzan, PlatformWeChat, PlatformXiaohongshu, Platform1688, PlatformShopee, PlatformLazada, PlatformTikTok,
	PlatformShopify, PlatformWooCommerce, PlatformOther}

// Valid reports whether p is one of Platforms.
func (p Platform) Valid() bool {
	for _, q := range Platforms {
		if p == q {
			return true
		}
	}
	return false
}

// Gender of a customer; the zero value means unknown.
type Gender string

// Genders.
const (
	GenderUnknown Gender = ""
	GenderMale    Gender = "male"
	GenderFemale  Gender = "female"
)

// DemoSource marks customers made by the demo generator, so sample data can be removed.
const DemoSource = "demo"

// Customer is one buyer (客户). Stats and Tier are derived and read-only.
type Customer struct {
	ID       int64
	Platform Platform
	Nick     string // 顾客网名 / 买家会员名, unique per platform
	Name     string // 真实姓名
	Gender   Gender
	// Birthday is "YYYY-MM-DD", or "MM-DD" when the year is unknown; a lunar date when
	// BirthdayLunar is set (then the month and day are lunar month and day).
	Birthday        string
	BirthdayLunar   bool
	Phone           string
	Email           string
	WeChat          string
	Wangwang        string
	QQ              string
	Province        string
	City            string
	Address         string
	Source          string
	Note            string
	Tags            []string
	MarketingOptOut bool
	// Extra keeps imported columns that have no field of their own, by header name.
	Extra     map[string]string
	CreatedAt time.Time
	UpdatedAt time.Time

	// Blacklisted (黑名单) buyers get no care reminder; BlacklistReason says why (the
	// reasons of both, "；"-joined, for two listed buyers merged). Read-only here: set
	// with the store's Blacklist and Unblacklist.
	Blacklisted     bool
	BlacklistReason string

	Stats CustomerStats
	Tier  string // tier name: a translation key for the default tiers
	// Rating is the RFM scores, segment and dormancy as of today, set by RateCustomers.
	Rating Rating
}

// CustomerStats are derived from the customer's trades by the counting rule.
type CustomerStats struct {
	TradeCount int
	TotalFen   int64
	FirstTrade time.Time
	LastTrade  time.Time
}

// AverageFen is the average order value of counting trades, 0 without trades.
func (s CustomerStats) AverageFen() int64 {
	if s.TradeCount == 0 {
		return 0
	}
	return s.TotalFen / int64(s.TradeCount)
}

// DaysSinceLast is the number of calendar days in loc from the last counting trade to
// now, or -1 when there is none.
func (s CustomerStats) DaysSinceLast(now time.Time, loc *time.Location) int {
	if s.LastTrade.IsZero() {
		return -1
	}
	return daysBetween(s.LastTrade.In(loc), now.In(loc))
}

func daysBetween(a, b time.Time) int {
	da := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	db := time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Hours() / 24)
}

// DisplayName is the nick, or the real name when there is no nick; a customer known
// only by masked values (张**, 138****5678) or an email shows those.
func (c *Customer) DisplayName() string {
	switch {
	case c.Nick != "":
		return c.Nick
	case c.Name != "":
		return c.Name
	case c.Extra[ExtraMaskedNick] != "":
		return c.Extra[ExtraMaskedNick]
	case c.Extra[ExtraMaskedName] != "":
		return c.Extra[ExtraMaskedName]
	case c.Phone != "":
		return MaskPhone(c.Phone)
	}
	return c.Email
}

// Normalize trims every text field, folds full-width letters in ids and cleans the
// phone, so that what is stored and compared is canonical.
func (c *Customer) Normalize() {
	for _, f := range []*string{&c.Nick, &c.Name, &c.Email, &c.WeChat, &c.Wangwang, &c.QQ,
		&c.Province, &c.City, &c.Address, &c.Source, &c.Note, &c.Birthday} {
		*f = strings.TrimSpace(*f)
	}
	c.Email = NormalizeEmail(c.Email)
	c.QQ = CleanText(c.QQ)
	c.Birthday = CleanText(c.Birthday)
	c.Phone = NormalizePhone(c.Phone)
	if c.Platform == "" {
		c.Platform = PlatformOther
	}
	c.Tags = NormalizeTags(c.Tags)
}

// SearchWords splits a search box's text into the words a customer must match:
// lower-case and half-width, a phone fragment ("138-0013") as its digits.
func SearchWords(query string) []string {
	words := strings.Fields(strings.ToLower(CleanText(query)))
	for i, w := range words {
		if d := strings.NewReplacer("-", "", "+", "").Replace(w); d != w && allDigits(d) {
			words[i] = d
		}
	}
	return words
}
