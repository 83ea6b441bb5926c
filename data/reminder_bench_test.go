package data

import (
	"context"
	"testing"
)

// BenchmarkTodayReminders is the 提醒 screen on start-up over the 200k-customer / 1M-trade
// archive: every kind derived for today (target ≤ 300 ms).
func BenchmarkTodayReminders(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	today := s.Today()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		rs, err := s.Reminders(ctx, ReminderFilter{From: today, To: today})
		if err != nil {
			b.Fatal(err)
		}
		n = len(rs)
	}
	b.ReportMetric(float64(n), "reminders")
	reportPeakRSS(b)
}

// BenchmarkAgenda is the whole screen: overdue week, today and the next 7 days.
func BenchmarkAgenda(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	today := s.Today()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		a, err := s.Agenda(ctx, today, 7)
		if err != nil {
			b.Fatal(err)
		}
		n = len(a.Overdue) + len(a.Today) + len(a.Upcoming)
	}
	b.ReportMetric(float64(n), "reminders")
	reportPeakRSS(b)
}
