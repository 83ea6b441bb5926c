package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"

	"shopcrm/data"
)

// The benchmark archive: 200k customers and 1M trades, generated once into the temp
// folder and reused by later runs (delete it to regenerate).
const (
	benchCustomers = 200_000
	benchTrades    = 1_000_000
)

// benchOptions is the benchmark archive's sample shop (the export benchmark's too).
var benchOptions = data.DemoOptions{Customers: benchCustomers, Trades: benchTrades, Seed: 42}

var (
	benchOnce sync.Once
	benchDir  string
	benchErr  error
)

func benchArchive(b *testing.B) string {
	benchOnce.Do(func() {
		benchDir = filepath.Join(os.TempDir(), fmt.Sprintf("shopcrm-bench-%d-%d", benchCustomers, benchTrades))
		benchErr = DemoArchive(context.Background(), benchDir, benchOptions)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDir
}

// benchStore opens the archive and resets the peak-RSS counter, so the reported peak
// is what opening and querying use, not the one-off generation.
func benchStore(b *testing.B) *Store {
	dir := benchArchive(b)
	runtime.GC()
	debug.FreeOSMemory()
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) // Linux: reset VmHWM
	s, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	b.ResetTimer() // the figures are the queries, not the open (BenchmarkFirstPage has that)
	return s
}

// reportPeakRSS adds the process's peak resident memory (Linux VmHWM) in MB.
func reportPeakRSS(b *testing.B) {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.Atoi(f[1])
			b.ReportMetric(float64(kb)/1024, "peak-RSS-MB")
		}
	}
}

func benchFind(b *testing.B, s *Store, f data.CustomerFilter) {
	f.Limit = 100
	for i := 0; i < b.N; i++ {
		rows, total, err := s.FindCustomers(context.Background(), f)
		if err != nil || len(rows) == 0 || total == 0 {
			b.Fatalf("got %d rows of %d, %v", len(rows), total, err)
		}
	}
	reportPeakRSS(b)
}

// BenchmarkFirstPage is what start-up costs before the list shows: open the database
// (integrity of migrations included) and fetch the first page with the total count.
func BenchmarkFirstPage(b *testing.B) {
	dir := benchArchive(b)
	for i := 0; i < b.N; i++ {
		s, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		if rows, _, err := s.FindCustomers(context.Background(), data.CustomerFilter{Desc: true, Limit: 100}); err != nil || len(rows) != 100 {
			b.Fatalf("first page: %d rows, %v", len(rows), err)
		}
		s.Close()
	}
	reportPeakRSS(b)
}

func BenchmarkSearchNickPrefix(b *testing.B) {
	benchFind(b, benchStore(b), data.CustomerFilter{Query: "tb12"})
}

func BenchmarkSearchPhoneFragment(b *testing.B) {
	benchFind(b, benchStore(b), data.CustomerFilter{Query: "8888"})
}

func BenchmarkSearchChineseName(b *testing.B) {
	benchFind(b, benchStore(b), data.CustomerFilter{Query: "王芳"})
}

func BenchmarkSortByTotal(b *testing.B) {
	benchFind(b, benchStore(b), data.CustomerFilter{Sort: data.SortTotal, Desc: true})
}

// BenchmarkSortByTrades sorts by 交易次数 through customers_groups, whose first
// column is the trade count (migration 0007 dropped the single-column index).
func BenchmarkSortByTrades(b *testing.B) {
	benchFind(b, benchStore(b), data.CustomerFilter{Sort: data.SortTrades, Desc: true})
}

func BenchmarkSortByTier(b *testing.B) {
	benchFind(b, benchStore(b), data.CustomerFilter{Sort: data.SortTier, Desc: true})
}

func BenchmarkSearchSortedByTotal(b *testing.B) {
	benchFind(b, benchStore(b), data.CustomerFilter{Query: "杭州", Sort: data.SortTotal, Desc: true})
}

// BenchmarkDeepPage is scrolling far down the list: the page at row 150,000.
func BenchmarkDeepPage(b *testing.B) {
	benchFind(b, benchStore(b), data.CustomerFilter{Sort: data.SortTotal, Desc: true, Offset: 150_000})
}

// BenchmarkRegroup groups the whole archive as of today: tiers, RFM averages and cut
// points, segments and dormant buyers, and tags.
func BenchmarkRegroup(b *testing.B) {
	s := benchStore(b)
	for i := 0; i < b.N; i++ {
		g, err := s.Regroup(context.Background(), s.Now())
		if err != nil || g.All.Customers != benchCustomers {
			b.Fatalf("regroup: %+v, %v", g, err)
		}
	}
	reportPeakRSS(b)
}

// BenchmarkRegroupAsOfPast groups as of a year ago, from the trades up to that day.
func BenchmarkRegroupAsOfPast(b *testing.B) {
	s := benchStore(b)
	for i := 0; i < b.N; i++ {
		g, err := s.Regroup(context.Background(), s.Now().AddDate(-1, 0, 0))
		if err != nil || !g.Params.Historical {
			b.Fatalf("regroup: %v", err)
		}
	}
	reportPeakRSS(b)
}

// BenchmarkTierCountsWhileTyping is the data call behind the 分组 screen's live counts
// after a threshold edit.
func BenchmarkTierCountsWhileTyping(b *testing.B) {
	s := benchStore(b)
	tiers, err := s.Tiers(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		n := 3 + i%5
		tiers[2].MinTrades = &n
		if _, err := s.TierCounts(context.Background(), tiers); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFilterSegment lists the first page of one RFM segment today.
func BenchmarkFilterSegment(b *testing.B) {
	benchFind(b, benchStore(b), data.CustomerFilter{Segment: "HHH"})
}

// BenchmarkGroupsFirstView is what the 分组 screen needs before it shows its tier
// table: the tiers and their counts (the rest of the screen follows, see
// BenchmarkRegroup and BenchmarkMonthlyStats).
func BenchmarkGroupsFirstView(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		tiers, err := s.Tiers(ctx)
		if err != nil {
			b.Fatal(err)
		}
		counts, err := s.TierCounts(ctx, tiers)
		if err != nil || len(counts) != len(tiers) {
			b.Fatalf("tier counts: %v", err)
		}
	}
}

// BenchmarkMonthlyStats is the 分组 charts' last twelve months of sales and buyers.
func BenchmarkMonthlyStats(b *testing.B) {
	s := benchStore(b)
	for i := 0; i < b.N; i++ {
		if _, err := s.MonthlyStats(context.Background(), s.Now(), 12); err != nil {
			b.Fatal(err)
		}
	}
}
