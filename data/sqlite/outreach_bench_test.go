package sqlite

import (
	"context"
	"os"
	"testing"

	"shopcrm/data"
)

// outreachBenchStore opens the archive in $OUTREACH_BENCH (a copy of a large demo
// shop: `shopcrm demo --customers 200000 --trades 800000`); each run adds queues to
// it, so it is never the shared benchmark archive.
func outreachBenchStore(b *testing.B) *Store {
	dir := os.Getenv("OUTREACH_BENCH")
	if dir == "" {
		b.Skip("set OUTREACH_BENCH to a data folder with a large demo shop")
	}
	s, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	b.ResetTimer()
	return s
}

// benchGroup is a large group: buyers with two or more trades.
var benchGroup = data.CustomerFilter{Trades: data.Range{}.AtLeast(2)}

// BenchmarkStartOutreach snapshots a large group into a queue (its buyers ordered by
// value, the left-out ones counted), then reads its first buyer and message.
func BenchmarkStartOutreach(b *testing.B) {
	s := outreachBenchStore(b)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		run, err := s.StartOutreach(ctx, data.OutreachSpec{Label: "bench", Filter: benchGroup, Body: "{姓名}，{商品}上新了"})
		if err != nil {
			b.Fatal(err)
		}
		it, err := s.NextOutreach(ctx, run.ID)
		if err != nil || it == nil {
			b.Fatal(it, err)
		}
		if _, err := s.OutreachMessage(ctx, run, it, nil); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(run.Pending), "buyers")
		s.FinishOutreach(ctx, run.ID)
	}
}

// BenchmarkSendOutreach is one 已发送 on a large queue: the contact and state written,
// the next buyer and message read, the run's counts read again (what a key press does).
func BenchmarkSendOutreach(b *testing.B) {
	s := outreachBenchStore(b)
	ctx := context.Background()
	run, err := s.StartOutreach(ctx, data.OutreachSpec{Label: "bench", Filter: benchGroup, Body: "{姓名}，{商品}上新了"})
	if err != nil {
		b.Fatal(err)
	}
	defer s.FinishOutreach(ctx, run.ID)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		it, err := s.NextOutreach(ctx, run.ID)
		if err != nil || it == nil {
			b.Fatal(it, err)
		}
		msg, err := s.OutreachMessage(ctx, run, it, nil)
		if err == nil {
			_, err = s.SendOutreach(ctx, run, it, msg)
		}
		if err == nil {
			_, err = s.OutreachRun(ctx, run.ID)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMessageRows fills every message of a large group's sheet.
func BenchmarkMessageRows(b *testing.B) {
	s := outreachBenchStore(b)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		n := 0
		_, err := s.MessageRows(ctx, data.OutreachSpec{Label: "bench", Filter: benchGroup, Body: "{姓名}，{商品}上新了"}, nil,
			func(data.MessageRow) error { n++; return nil })
		if err != nil || n == 0 {
			b.Fatal(n, err)
		}
		b.ReportMetric(float64(n), "rows")
	}
}
