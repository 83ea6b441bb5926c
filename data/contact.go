package data

import (
	"time"
)

// Channel is how the seller reached a buyer.
type Channel string

// Contact channels (旺旺, 微信, 电话, 短信, 邮件, 其他).
const (
	ChannelWangwang Channel = "wangwang"
	ChannelWeChat   Channel = "wechat"
	ChannelPhone    Channel = "phone"
	ChannelSMS      Channel = "sms"
	ChannelEmail    Channel = "email"
	ChannelOther    Channel = "other"
)

// Channels lists the channels in the order the GUI offers them.
var Channels = []Channel{ChannelWangwang, ChannelWeChat, ChannelPhone, ChannelSMS, ChannelEmail, ChannelOther}

// DefaultChannel is the usual way to reach a buyer of platform p: 旺旺 on Taobao and
// Tmall, WeChat elsewhere.
func DefaultChannel(p Platform) Channel {
	if p == PlatformTaobao || p == PlatformTmall {
		return ChannelWangwang
	}
	return ChannelWeChat
}

// Contact is a contact record (沟通记录). Logging one resets the buyer's dormant clock;
// NextFollowUp, when set, becomes a custom reminder on that date.
type Contact struct {
	ID           int64
	CustomerID   int64
	At           time.Time // zero: now
	Channel      Channel
	Summary      string
	NextFollowUp time.Time // calendar date, zero for none
	FollowUpID   int64     // the reminder this contact handled, if any
	// Care is what care message this contact was (care.go): the reminder kind it was
	// sent for, CareGroup from an outreach queue, or "" for an ordinary contact.
	// Care messages count against the frequency cap.
	Care      string
	CreatedAt time.Time
}
