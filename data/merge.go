package data

import (
	"context"
	"errors"
	"time"
)

// CustomerMerge is one merge of two customers by hand: Gone's trades, contacts,
// reminders and tags went to Kept, Kept's empty fields were filled from Gone and Gone
// was removed. Undoing it puts both back as they were.
type CustomerMerge struct {
	ID       int64
	KeptID   int64
	GoneID   int64
	GoneName string // Gone's display name when merged, for the undo button
	MergedAt time.Time
	UndoneAt time.Time // zero while in place
}

// ErrMergeSelf: a customer cannot be merged into themselves.
var ErrMergeSelf = errors.New("merge a customer into themselves")

// MergeStore merges customers by hand (PRODUCT.md, "Who is who").
type MergeStore interface {
	// MergeCustomers merges customer gone into kept, after a backup, and returns the
	// merge, which UndoMerge can undo.
	MergeCustomers(ctx context.Context, keptID, goneID int64) (*CustomerMerge, error)
	// UndoMerge puts both customers of a merge back as they were, with what each
	// had; what was added to the kept customer since stays with them.
	UndoMerge(ctx context.Context, mergeID int64) error
	// FindMerges lists the merges into a customer still in place, newest first.
	FindMerges(ctx context.Context, keptID int64) ([]*CustomerMerge, error)
}

// MergeInto is kept with gone's details laid into its empty fields, gone's further
// phone kept as another phone, and gone's tags and extra fields added.
func MergeInto(kept, gone *Customer) *Customer {
	m := *kept
	for _, f := range []struct{ dst, v *string }{
		{&m.Nick, &gone.Nick}, {&m.Name, &gone.Name}, {&m.Email, &gone.Email}, {&m.WeChat, &gone.WeChat},
		{&m.Wangwang, &gone.Wangwang}, {&m.QQ, &gone.QQ}, {&m.Province, &gone.Province}, {&m.City, &gone.City},
		{&m.Address, &gone.Address}, {&m.Source, &gone.Source}, {&m.Note, &gone.Note},
	} {
		if *f.dst == "" {
			*f.dst = *f.v
		}
	}
	if m.Birthday == "" {
		m.Birthday, m.BirthdayLunar = gone.Birthday, gone.BirthdayLunar
	}
	if m.Gender == GenderUnknown {
		m.Gender = gone.Gender
	}
	m.MarketingOptOut = kept.MarketingOptOut || gone.MarketingOptOut
	m.Tags = NormalizeTags(append(append([]string{}, kept.Tags...), gone.Tags...))
	m.Extra = map[string]string{}
	for k, v := range gone.Extra {
		m.Extra[k] = v
	}
	for k, v := range kept.Extra {
		m.Extra[k] = v
	}
	switch {
	case m.Phone == "" || IsMaskedPhone(m.Phone) && gone.Phone != "" && !IsMaskedPhone(gone.Phone):
		if gone.Phone != "" {
			m.Phone = gone.Phone
		}
	case gone.Phone != "" && !IsMaskedPhone(gone.Phone):
		m.AddOtherPhone(gone.Phone)
	}
	for _, p := range splitPhones(gone.Extra[ExtraOtherPhones]) {
		m.AddOtherPhone(p)
	}
	if len(m.Extra) == 0 {
		m.Extra = nil
	}
	return &m
}
