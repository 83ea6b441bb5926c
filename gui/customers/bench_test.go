package customers

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"shopcrm/data/sqlite"
	"shopcrm/i18n"
)

// BenchmarkSearchAsYouType is the time from the last keystroke in the search box to
// the first page of matches in the list, the search delay (debounce) included, on the
// 200k-customer / 1M-trade archive the data benchmarks generate (issue 16: ≤ 150 ms).
// The list's work runs on goroutines as in the window.
func BenchmarkSearchAsYouType(b *testing.B) {
	dir := filepath.Join(os.TempDir(), "shopcrm-bench-200000-1000000")
	if _, err := os.Stat(filepath.Join(dir, sqlite.DBFileName)); err != nil {
		b.Skip("no benchmark archive: run `make bench`, which generates it first")
	}
	if err := i18n.Use(i18n.Chinese); err != nil {
		b.Fatal(err)
	}
	test.NewTempApp(b)
	store, err := sqlite.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	done := make(chan struct{}, 16)
	spawn := func(f func()) {
		go func() { f(); done <- struct{}{} }()
	}
	w := test.NewWindow(nil)
	defer w.Close()
	s := New(w, store, func() time.Time { return store.Now() }, true, spawn)
	w.SetContent(s.Content)
	queries := []string{"小", "张伟", "138", "tb1", "幸福", "上海"}
	quiet := func() { // let the previous search's follow-up work (ratings) finish
		for {
			select {
			case <-done:
			case <-time.After(300 * time.Millisecond):
				return
			}
		}
	}
	s.Reload()
	quiet()
	var total time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := queries[i%len(queries)]
		start := time.Now()
		s.search.SetText(q)
		for s.pages.total == 0 || s.filter.Query != q {
			<-done
		}
		total += time.Since(start)
		if testing.Verbose() {
			b.Logf("%q: %v", q, time.Since(start))
		}
		b.StopTimer()
		quiet()
		s.search.SetText("")
		quiet()
		b.StartTimer()
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms-keystroke-to-rows")
}
