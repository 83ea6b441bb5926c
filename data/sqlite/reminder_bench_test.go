package sqlite

import (
	"context"
	"testing"
	"time"

	"shopcrm/data"
)

// benchReminders runs count over the 200k-customer / 1M-trade archive on its "today"
// and reports how many it found, in unit.
func benchReminders(b *testing.B, unit string, count func(ctx context.Context, s *Store) (int, error)) {
	s := benchStore(b)
	ctx := context.Background()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		var err error
		if n, err = count(ctx, s); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), unit)
	reportPeakRSS(b)
}

// BenchmarkTodayReminders is today's reminders, every kind derived (target ≤ 300 ms).
func BenchmarkTodayReminders(b *testing.B) {
	benchReminders(b, "reminders", func(ctx context.Context, s *Store) (int, error) {
		rs, err := s.Reminders(ctx, data.ReminderFilter{From: s.Today(), To: s.Today()})
		return len(rs), err
	})
}

// BenchmarkAgenda is the whole 提醒 screen: the overdue week, today and the next 7 days.
func BenchmarkAgenda(b *testing.B) {
	benchReminders(b, "reminders", func(ctx context.Context, s *Store) (int, error) {
		a, err := s.Agenda(ctx, s.Today(), 7)
		if err != nil {
			return 0, err
		}
		return len(a.Overdue) + len(a.Today) + len(a.Upcoming), nil
	})
}

// BenchmarkHolidayDay is a day with a holiday greeting to VIP tiers and a tag: the
// group is counted over the whole archive.
func BenchmarkHolidayDay(b *testing.B) {
	rule := &data.ReminderRule{Enabled: true, LeadDays: 7, TargetTiers: []string{"tier.vip", "tier.supreme"}, TargetTags: []string{"老客"}}
	benchReminders(b, "customers", func(ctx context.Context, s *Store) (int, error) {
		n, _, err := s.holidayGroup(ctx, rule, data.DefaultCareCap, []time.Time{s.Today()})
		return n, err
	})
}
