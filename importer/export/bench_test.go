package export

import (
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"shopcrm/data"
)

// countWriter discards what it is given and counts it.
type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// peakHeap samples the live heap until stop is called and returns the highest value.
func peakHeap() (stop func() uint64) {
	var (
		mu   sync.Mutex
		peak uint64
		done = make(chan struct{})
		wg   sync.WaitGroup
	)
	sample := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		mu.Lock()
		peak = max(peak, m.HeapAlloc)
		mu.Unlock()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(5 * time.Millisecond)
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
	return func() uint64 {
		close(done)
		wg.Wait()
		sample()
		return peak
	}
}

// benchArchive exports n synthetic customers with one trade each, made row by row the
// way a database scan hands them over, and reports the peak live heap and file size.
func benchArchive(b *testing.B, n int) {
	layout := DefaultLayout().WithExtras([]string{"积分"}, []string{"快递单号"})
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	customer := func(i int) *data.Customer {
		return &data.Customer{Platform: data.PlatformTaobao, Nick: fmt.Sprintf("买家%07d", i), Name: "张三",
			Gender: data.GenderFemale, Birthday: "1990-08-15", Phone: fmt.Sprintf("138%08d", i),
			Email: fmt.Sprintf("buyer%d@example.com", i), Province: "浙江", City: "杭州",
			Address: "浙江省杭州市西湖区文三路 100 号", Tags: []string{"老客"}, Note: "只收顺丰",
			Extra: map[string]string{"积分": fmt.Sprint(i % 5000)},
			Stats: data.CustomerStats{TradeCount: 1, TotalFen: int64(i%100000) + 1, LastTrade: base.Add(time.Duration(i) * time.Minute)}}
	}
	customers := func(yield func(*data.Customer) error) error {
		for i := range n {
			if err := yield(customer(i)); err != nil {
				return err
			}
		}
		return nil
	}
	trades := func(yield func(*data.Trade, *data.Customer) error) error {
		for i := range n {
			c := customer(i)
			t := &data.Trade{Platform: data.PlatformTaobao, OrderNo: fmt.Sprintf("%018d", 100000000000000000+i),
				TradedAt: c.Stats.LastTrade, Status: data.StatusPaid, Goods: "西湖龙井 250g", Quantity: 1,
				AmountFen: c.Stats.TotalFen, ShipName: c.Name, ShipPhone: c.Phone, ShipAddress: c.Address,
				Extra: map[string]string{"快递单号": fmt.Sprintf("SF%013d", i)}}
			if err := yield(t, c); err != nil {
				return err
			}
		}
		return nil
	}
	b.ReportAllocs()
	var peak uint64
	var size int64
	for b.Loop() {
		runtime.GC()
		stop := peakHeap()
		var w countWriter
		if err := Archive(&w, layout, time.FixedZone("CST", 8*3600), customers, trades); err != nil {
			b.Fatal(err)
		}
		peak, size = max(peak, stop()), w.n
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(size)/(1<<20), "file-MiB")
}

// BenchmarkArchive200k exports 200,000 customers and 200,000 trades.
func BenchmarkArchive200k(b *testing.B) { benchArchive(b, 200_000) }

// BenchmarkArchive20k is the same shop at a tenth of the size: its peak heap should
// be about the same as the 200k one's, since rows stream.
func BenchmarkArchive20k(b *testing.B) { benchArchive(b, 20_000) }
