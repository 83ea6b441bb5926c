package export_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"shopcrm/data"
	"shopcrm/data/sqlite"
	"shopcrm/importer"
	"shopcrm/importer/export"
)

// The export benchmark's archive: the store's demo generator's 200k customers and 1M
// trades, generated once into the temp folder and reused (delete it to regenerate).
// Its own folder, so a schema change elsewhere never touches it.
const (
	benchCustomers = 200_000
	benchTrades    = 1_000_000
)

var (
	benchOnce sync.Once
	benchDir  string
	benchErr  error
)

func benchArchive(b *testing.B) string {
	benchOnce.Do(func() {
		benchDir = filepath.Join(os.TempDir(), fmt.Sprintf("shopcrm-export-bench-%d-%d", benchCustomers, benchTrades))
		benchErr = sqlite.DemoArchive(context.Background(), benchDir,
			data.DemoOptions{Customers: benchCustomers, Trades: benchTrades, Seed: 42})
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDir
}

// memPeak measures the peak live heap (sampled), the peak resident memory (Linux
// VmHWM, reset at the start) and the CPU time (user and system, every core) of what
// runs between its start and its stop. CPU time tells the work apart from the wall
// time when other processes share the machine.
func memPeak() (stop func(b *testing.B)) {
	cpu0 := cpuTime()
	runtime.GC()
	debug.FreeOSMemory()
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) // Linux: reset VmHWM
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	sample := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		peak = max(peak, m.HeapAlloc)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				sample()
			}
		}
	}()
	return func(b *testing.B) {
		close(done)
		wg.Wait()
		sample()
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
		b.ReportMetric((cpuTime() - cpu0).Seconds(), "cpu-s")
		if raw, err := os.ReadFile("/proc/self/status"); err == nil {
			for _, line := range strings.Split(string(raw), "\n") {
				if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
					kb, _ := strconv.Atoi(f[1])
					b.ReportMetric(float64(kb)/1024, "peak-RSS-MB")
				}
			}
		}
	}
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkExport is the whole export of the demo archive, as the window and
// `shopcrm export` run it: the store's walk, the cells, the xlsx file on disk.
func BenchmarkExport(b *testing.B) {
	s, err := sqlite.Open(benchArchive(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	path := filepath.Join(b.TempDir(), "export.xlsx")
	b.ResetTimer()
	for b.Loop() {
		stop := memPeak()
		n, err := importer.ExportFile(context.Background(), s, path, data.CustomerFilter{}, time.Local)
		if err != nil || n != benchCustomers {
			b.Fatalf("exported %d customers, %v", n, err)
		}
		stop(b)
	}
	reportSize(b, path)
}

func reportSize(b *testing.B, path string) {
	if fi, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(fi.Size())/(1<<20), "file-MiB")
	}
}

// BenchmarkBareStreamWriter is the yardstick: excelize's StreamWriter alone writing a
// workbook of the same shape as BenchmarkExport's (200k rows of the customer sheet's
// 21 columns, 1M rows of the trade sheet's 15, typed and styled the same way), from
// rows held ready in memory: a sample of the archive's own customers and trades, cycled.
func BenchmarkBareStreamWriter(b *testing.B) {
	s, err := sqlite.Open(benchArchive(b))
	if err != nil {
		b.Fatal(err)
	}
	customers, trades := sampleRows(b, s, 1000)
	s.Close()
	path := filepath.Join(b.TempDir(), "bare.xlsx")
	b.ResetTimer()
	for b.Loop() {
		stop := memPeak()
		if err := writeBare(path, customers, trades); err != nil {
			b.Fatal(err)
		}
		stop(b)
	}
	reportSize(b, path)
}

var errEnough = errors.New("enough")

// sampleRows reads the first n customers and trades of the archive.
func sampleRows(b *testing.B, s *sqlite.Store, n int) ([]*data.Customer, [][2]any) {
	ctx := context.Background()
	var cs []*data.Customer
	err := s.EachCustomer(ctx, data.CustomerFilter{}, func(c *data.Customer) error {
		if cs = append(cs, c); len(cs) == n {
			return errEnough
		}
		return nil
	})
	var ts [][2]any
	if err == nil || errors.Is(err, errEnough) {
		err = s.EachTrade(ctx, data.CustomerFilter{}, func(t *data.Trade, owner *data.Customer) error {
			o := *owner // the walk reuses owner
			if ts = append(ts, [2]any{t, &o}); len(ts) == n {
				return errEnough
			}
			return nil
		})
	}
	if err != nil && !errors.Is(err, errEnough) {
		b.Fatal(err)
	}
	return cs, ts
}

// writeBare writes the yardstick workbook: one styled cell per value, nothing else.
func writeBare(path string, customers []*data.Customer, trades [][2]any) error {
	f := excelize.NewFile()
	defer f.Close()
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49})
	integer, _ := f.NewStyle(&excelize.Style{NumFmt: 1})
	moneyFmt, dtFmt := `"¥"#,##0.00`, "yyyy-mm-dd hh:mm:ss"
	money, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &moneyFmt})
	dt, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &dtFmt})
	str := func(s string) any {
		if s == "" {
			return nil
		}
		return excelize.Cell{StyleID: text, Value: s}
	}
	when := func(t time.Time) any { return excelize.Cell{StyleID: dt, Value: t.UTC()} }
	f.SetSheetName("Sheet1", export.CustomersSheet)
	f.NewSheet(export.TradesSheet)

	sw, err := f.NewStreamWriter(export.CustomersSheet)
	if err != nil {
		return err
	}
	row := make([]any, 21)
	for i := range benchCustomers {
		c := customers[i%len(customers)]
		row = append(row[:0], str(string(c.Platform)), str(c.Nick), str(c.Name), str(string(c.Gender)),
			str(c.Birthday), nil, str(c.Phone), str(c.Email), str(c.WeChat), str(c.Wangwang), str(c.QQ),
			str(c.Province), str(c.City), str(c.Address), str(c.Source), str(strings.Join(c.Tags, ",")),
			str(c.Note), str("否"), excelize.Cell{StyleID: integer, Value: c.Stats.TradeCount},
			excelize.Cell{StyleID: money, Value: float64(c.Stats.TotalFen) / 100}, when(c.Stats.LastTrade))
		if err := sw.SetRow("A"+strconv.Itoa(i+1), row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}

	if sw, err = f.NewStreamWriter(export.TradesSheet); err != nil {
		return err
	}
	row = make([]any, 15)
	for i := range benchTrades {
		t, o := trades[i%len(trades)][0].(*data.Trade), trades[i%len(trades)][1].(*data.Customer)
		row = append(row[:0], str(string(t.Platform)), str(t.OrderNo), str(o.Nick), str(o.Name), str(o.Phone),
			when(t.TradedAt), str(string(t.Status)), str(t.Goods), excelize.Cell{StyleID: integer, Value: t.Quantity},
			excelize.Cell{StyleID: money, Value: float64(t.AmountFen) / 100}, nil,
			str(t.ShipName), str(t.ShipPhone), str(t.ShipAddress), str(t.Note))
		if t.RefundFen != 0 {
			row[10] = excelize.Cell{StyleID: money, Value: float64(t.RefundFen) / 100}
		}
		if err := sw.SetRow("A"+strconv.Itoa(i+1), row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}
