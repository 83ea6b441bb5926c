package gui

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"shopcrm/data/sqlite"
	"shopcrm/gui/internal/guitest"
	"shopcrm/i18n"
)

// BenchmarkOpenWindowToFirstPage builds the whole window on the 200k-customer /
// 1M-trade archive that the data benchmarks generate, until the first page is in the
// table (fonts, theme and the database open included; GPU drawing excluded). The
// work the window starts runs in order as it would on its goroutines; the page's RFM
// segments, which come right after it, are outside the timing (see
// BenchmarkOpenWindowToRatedPage).
func BenchmarkOpenWindowToFirstPage(b *testing.B) { benchOpenWindow(b, false) }

// BenchmarkOpenWindowToRatedPage is BenchmarkOpenWindowToFirstPage until the first
// page also shows its RFM segments (today's whole-shop parameters computed).
func BenchmarkOpenWindowToRatedPage(b *testing.B) { benchOpenWindow(b, true) }

func benchOpenWindow(b *testing.B, rated bool) {
	dir := filepath.Join(os.TempDir(), "shopcrm-bench-200000-1000000")
	if _, err := os.Stat(filepath.Join(dir, sqlite.DBFileName)); err != nil {
		b.Skip("no benchmark archive: run `make bench`, which generates it first")
	}
	if err := i18n.Use(i18n.Chinese); err != nil {
		b.Fatal(err)
	}
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		start := processCPU()
		a := test.NewTempApp(b)
		store, err := sqlite.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		q := &guitest.JobQueue{}
		g := newApp(a, store, q.Spawn)
		q.RunUntil(func() bool { return g.customers.Total() != 0 })
		if got := g.customers.Total(); got != 200_000 {
			b.Fatalf("first page: total %d, want 200000", got)
		}
		if !rated {
			b.StopTimer()
			cpu += processCPU() - start
		}
		q.RunUntil(func() bool { return false })
		if c := g.customers.Row(0); c.Stats.TradeCount > 0 && c.Rating.Segment == "" {
			b.Fatal("first page: no RFM segment after the window's work")
		}
		if rated {
			cpu += processCPU() - start
		}
		b.StartTimer()
		g.win.Close()
		store.Close()
	}
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
}
