package data

import (
	"strings"
	"time"
	"unicode/utf8"
)

// An outreach queue (逐个发送) walks a group, or a holiday greeting's buyers, one buyer
// at a time: their filled message goes on the clipboard, the id to paste it into is
// shown, and 已发送 logs a care message (Contact.Care) and moves on. Starting one
// snapshots its members, most valuable first, into stored rows, so a queue stopped
// (or a window closed) goes on later where it was. A message sheet (短信表) is the
// same buyers' filled messages as one row each for a bulk SMS tool.

// OutreachSpec is what a queue or a message sheet is made from.
type OutreachSpec struct {
	// Label names the run where it is offered for resuming ("春节问候", a group's name).
	Label string
	// Holiday, a holiday id of the calendar, makes it the holiday greeting's buyers
	// (the holiday rule's targets); when empty, Filter's customers (a group).
	Holiday string
	Filter  CustomerFilter
	// Kind is the template Body was written from (its messages' goods follow it).
	Kind ReminderKind
	// Body is the message with placeholders (FillTemplate), as the seller left it.
	Body string
	// HolidayName is what {节日} becomes, and GoodsFallback what {商品} becomes for a
	// buyer with no goods: words in the seller's language, kept with the run.
	HolidayName, GoodsFallback string
}

// Outreach validation fields, named in ValidationError.Field.
const (
	FieldOutreachBody  = "outreach_body"
	FieldOutreachLabel = "outreach_label"
)

// maxOutreachBody is the longest message, in characters (a template's limit).
const maxOutreachBody = 2000

// Validate trims the label and body and checks them, the holiday and the filter.
func (s *OutreachSpec) Validate() error {
	s.Label = strings.Join(strings.Fields(s.Label), " ")
	s.Body = strings.TrimSpace(s.Body)
	switch {
	case s.Label == "":
		return Invalid(FieldOutreachLabel, CodeRequired)
	case utf8.RuneCountInString(s.Label) > 80:
		return Invalid(FieldOutreachLabel, CodeTooLong)
	case s.Body == "":
		return Invalid(FieldOutreachBody, CodeRequired)
	case utf8.RuneCountInString(s.Body) > maxOutreachBody:
		return Invalid(FieldOutreachBody, CodeTooLong)
	}
	if s.Kind == "" {
		s.Kind = KindHoliday
	}
	if s.Holiday != "" {
		if _, ok := HolidayByID(s.Holiday); !ok {
			return Invalid("holiday", CodeInvalid)
		}
		return nil
	}
	s.Filter = s.Filter.Selection()
	return s.Filter.Validate()
}

// Care is the Contact.Care of a message sent from the spec: the holiday reminder's
// kind for a greeting, CareGroup for a group.
func (s OutreachSpec) Care() string {
	if s.Holiday != "" {
		return string(KindHoliday)
	}
	return CareGroup
}

// Message fills the body for a buyer with fields f (ReminderMessageFields), with
// the spec's holiday name and the goods fallback, the upgrade gap worded by words
// (nil: left out).
func (s OutreachSpec) Message(f MessageFields, words GapWords) string {
	if words != nil {
		f.UpgradeGap = words(f.Gap)
	}
	if s.HolidayName != "" {
		f.Holiday = s.HolidayName
	}
	if f.Goods == "" {
		f.Goods = s.GoodsFallback
	}
	return FillTemplate(s.Body, f)
}

// LeftOut counts buyers of a queue or sheet left out, by reason. Each buyer is
// counted once, under the first reason that holds in this order: blacklisted, opted
// out, held back by the frequency cap, no full phone (a sheet only), a phone a more
// valuable buyer of the sheet has already (a sheet only: one text per number).
type LeftOut struct {
	Blacklisted, OptedOut, Capped, NoPhone, SamePhone int
}

// Total is how many were left out.
func (l LeftOut) Total() int { return l.Blacklisted + l.OptedOut + l.Capped + l.NoPhone + l.SamePhone }

// Left-out reasons as stored and counted.
const (
	LeftBlacklisted = "blacklisted"
	LeftOptedOut    = "opted_out"
	LeftCapped      = "capped"
	LeftNoPhone     = "no_phone"
	LeftSamePhone   = "same_phone"
)

// Add counts one buyer left out for reason (one of the Left… constants).
func (l *LeftOut) Add(reason string, n int) {
	switch reason {
	case LeftBlacklisted:
		l.Blacklisted += n
	case LeftOptedOut:
		l.OptedOut += n
	case LeftCapped:
		l.Capped += n
	case LeftNoPhone:
		l.NoPhone += n
	case LeftSamePhone:
		l.SamePhone += n
	}
}

// OutreachRun is a started queue: its spec, when it began and ended, and how far it
// got.
type OutreachRun struct {
	ID int64
	OutreachSpec
	CreatedAt  time.Time
	FinishedAt time.Time // zero while it can be resumed
	// LeftOut counts the buyers left out at the start, and those held back later
	// (a buyer blacklisted, opted out or capped by the time their turn came).
	LeftOut LeftOut
	// Sent, Skipped and Pending count its buyers by state.
	Sent, Skipped, Pending int
}

// Total is how many buyers the queue holds.
func (r *OutreachRun) Total() int { return r.Sent + r.Skipped + r.Pending }

// OutreachState is where a buyer of a queue is.
type OutreachState string

// A queue's buyer is pending until sent or skipped.
const (
	OutreachPending OutreachState = "pending"
	OutreachSent    OutreachState = "sent"
	OutreachSkipped OutreachState = "skipped"
)

// OutreachItem is one buyer of a queue, as the customer is now.
type OutreachItem struct {
	ID       int64 // the item's own id in the store
	RunID    int64
	Position int // 1 for the most valuable buyer
	State    OutreachState
	// ContactID is the contact record a sent buyer's message wrote.
	ContactID int64

	CustomerID                     int64
	Platform                       Platform
	Nick, Name                     string
	Phone, WeChat, Wangwang, Email string
	TotalFen                       int64
	Trades                         int
}

// Reach is the id to paste the message into and the channel that is: the 旺旺 id (or
// nick) of a Taobao / Tmall buyer, else their 微信号, else their full phone (a text
// message to a mobile, a call to a landline), else their nick on the platform's own
// chat. An empty id means none is known.
func (it *OutreachItem) Reach() (id string, ch Channel) {
	if it.Platform == PlatformTaobao || it.Platform == PlatformTmall {
		if id := firstNonEmpty(it.Wangwang, it.Nick); id != "" {
			return id, ChannelWangwang
		}
	}
	switch {
	case it.WeChat != "":
		return it.WeChat, ChannelWeChat
	case TextablePhone(it.Phone):
		return it.Phone, ChannelSMS
	case it.Phone != "" && !IsMaskedPhone(it.Phone):
		return it.Phone, ChannelPhone
	case it.Nick != "":
		return it.Nick, ChannelOther
	}
	return "", ChannelOther
}

// TextablePhone reports whether a text message can go to a normalized phone: a
// mainland mobile, an international +number or a foreign number, never a masked
// one (138****1234) nor a mainland landline (0571-88886666).
func TextablePhone(s string) bool {
	switch {
	case s == "" || IsMaskedPhone(s) || landlineCN.MatchString(s):
		return false
	case IsMobilePhone(s) || intlPhone.MatchString(s):
		return true
	}
	return otherPhone.MatchString(s)
}

// MessageRow is one row of a message sheet (手机号, 姓名, 内容), or, with Left set (a
// Left… reason), a buyer left out of it, who has no row.
type MessageRow struct {
	Phone, Name, Text string
	Left              string
}
