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

// BenchmarkAgendaTargetedAndCapped is the 提醒 screen with every kind limited to two
// RFM segments or a saved group (a bound on totals) and the default cap holding back
// the buyers of 5,000 care messages logged this week. The rules and messages are
// taken back after the run.
func BenchmarkAgendaTargetedAndCapped(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	rules, err := s.ReminderRules(ctx)
	if err != nil {
		b.Fatal(err)
	}
	g := &data.SavedGroup{Name: "bench 大客户", Filter: data.CustomerFilter{TotalFen: data.Range{}.AtLeast(50000)}}
	if err := s.SaveGroup(ctx, g); err != nil {
		b.Fatal(err)
	}
	since := localStart(s.Today().AddDate(0, 0, -3))
	if _, err := s.db.Exec(`INSERT INTO contacts (customer_id, contacted_at, channel, summary, created_at, care)
		SELECT id, ?, 'wechat', '', ?, 'birthday' FROM customers WHERE id % 40 = 0`, since, since); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		s.db.Exec(`DELETE FROM contacts WHERE care = 'birthday' AND contacted_at = ?`, since)
		for _, r := range rules {
			s.SaveReminderRule(ctx, r) // before the group goes, or the group's rules would be switched off
		}
		s.DeleteSavedGroup(ctx, g.ID)
	})
	for _, k := range data.RuleKinds {
		r := *rules[k]
		r.TargetSegments, r.TargetGroup = []data.Segment{"HHH", "HLH"}, g.ID
		if err := s.SaveReminderRule(ctx, &r); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	var held int
	for i := 0; i < b.N; i++ {
		a, err := s.Agenda(ctx, s.Today(), 7)
		if err != nil {
			b.Fatal(err)
		}
		held = len(a.Held)
	}
	b.ReportMetric(float64(held), "held")
	reportPeakRSS(b)
}
