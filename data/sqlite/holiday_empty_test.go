package sqlite

import (
	"context"
	"testing"
	"time"

	"shopcrm/data"
)

// TestNoHolidayGreetingToNoOne: a holiday greeting is a reminder only when someone
// would get it; an empty archive has nothing to do (issue 16: "双12 · 问候 0 位客户"
// and a "(1)" badge on an empty archive).
func TestNoHolidayGreetingToNoOne(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	year := data.ReminderFilter{From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)}
	holidays := func() []*data.Reminder {
		rs, err := s.Reminders(ctx, year)
		if err != nil {
			t.Fatal(err)
		}
		var out []*data.Reminder
		for _, r := range rs {
			if r.Kind == data.KindHoliday {
				out = append(out, r)
			}
		}
		return out
	}
	if hs := holidays(); len(hs) != 0 {
		t.Errorf("an empty archive has %d holiday greetings, first to %d customers", len(hs), hs[0].GroupSize)
	}
	if err := s.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformTaobao, Nick: "小米粒"}); err != nil {
		t.Fatal(err)
	}
	hs := holidays()
	if len(hs) == 0 || hs[0].GroupSize != 1 {
		t.Errorf("with one customer: %d greetings, want some, each to 1 customer", len(hs))
	}
}
