package data

import (
	"encoding/json"
	"strings"
	"time"
)

// SavedGroup is a customer filter saved under a name: a live group on 分组 whose
// members are whoever matches the filter today (they change as trades come in).
type SavedGroup struct {
	ID     int64
	Name   string
	Filter CustomerFilter // the selection only: sort and paging are not kept
	// CreatedAt and UpdatedAt are set by the store.
	CreatedAt, UpdatedAt time.Time
}

// Saved group validation fields, named in ValidationError.Field.
const (
	FieldGroupName = "group_name" // empty, too long, or taken by another saved group
)

// maxGroupName is the longest saved group name, in characters.
const maxGroupName = 40

// Validate trims the name and checks it and the filter. A name already taken is the
// store's to find (ErrConflict).
func (g *SavedGroup) Validate() error {
	g.Name = strings.Join(strings.Fields(g.Name), " ")
	switch {
	case g.Name == "":
		return Invalid(FieldGroupName, CodeRequired)
	case len([]rune(g.Name)) > maxGroupName:
		return Invalid(FieldGroupName, CodeTooLong)
	}
	g.Filter = g.Filter.Selection()
	return g.Filter.Validate()
}

// Selection is f without its sort and paging: which customers it keeps.
func (f CustomerFilter) Selection() CustomerFilter {
	f.Sort, f.Desc, f.Limit, f.Offset = SortCreated, false, 0, 0
	return f
}

// EncodeFilter writes the selection of f as the JSON a saved group keeps. Unset
// fields are left out, so a filter saved today reads back the same after new fields
// are added.
func EncodeFilter(f CustomerFilter) (string, error) {
	b, err := json.Marshal(savedFilter(f.Selection()))
	return string(b), err
}

// DecodeFilter reads a filter written by EncodeFilter and validates it.
func DecodeFilter(s string) (CustomerFilter, error) {
	var sf savedFilter
	if err := json.Unmarshal([]byte(s), &sf); err != nil {
		return CustomerFilter{}, Invalid("filter", CodeInvalid)
	}
	f := CustomerFilter(sf)
	return f, f.Validate()
}

// savedFilter is CustomerFilter with the JSON names a saved group stores; its fields
// must stay those of CustomerFilter (the conversions above say so to the compiler).
type savedFilter struct {
	Query         string       `json:"query,omitempty"`
	Tag           string       `json:"tag,omitempty"`
	Tier          string       `json:"tier,omitempty"`
	Segment       Segment      `json:"segment,omitempty"`
	Dormant       bool         `json:"dormant,omitempty"`
	Goods         string       `json:"goods,omitempty"`
	Trades        Range        `json:"trades,omitzero"`
	TotalFen      Range        `json:"total_fen,omitzero"`
	AverageFen    Range        `json:"average_fen,omitzero"`
	DaysSinceLast Range        `json:"days_since_last,omitzero"`
	FirstTrade    DateRange    `json:"first_trade,omitzero"`
	LastTrade     DateRange    `json:"last_trade,omitzero"`
	Platform      Platform     `json:"platform,omitempty"`
	Province      string       `json:"province,omitempty"`
	City          string       `json:"city,omitempty"`
	Source        string       `json:"source,omitempty"`
	Gender        Gender       `json:"gender,omitempty"`
	BirthdayMonth int          `json:"birthday_month,omitempty"`
	OptedOut      YesNo        `json:"opted_out,omitempty"`
	Blacklisted   YesNo        `json:"blacklisted,omitempty"`
	HasPhone      YesNo        `json:"has_phone,omitempty"`
	HasWeChat     YesNo        `json:"has_wechat,omitempty"`
	Sort          CustomerSort `json:"-"`
	Desc          bool         `json:"-"`
	Limit         int          `json:"-"`
	Offset        int          `json:"-"`
}
