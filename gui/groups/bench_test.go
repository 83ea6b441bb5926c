package groups

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"shopcrm/data/sqlite"
	"shopcrm/i18n"
)

// BenchmarkTierThresholdEdit is one keystroke in a tier threshold on the 分组 screen
// of the 200k-customer archive, until the live counts are in the labels.
func BenchmarkTierThresholdEdit(b *testing.B) {
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
	w := test.NewWindow(nil)
	defer w.Close()
	s := New(w, store, func() time.Time { return store.Now() }, func(f func()) { f() })
	w.SetContent(s.Content)
	s.Reload()
	e := s.tiers
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.lines[2].trades.SetText(fmt.Sprint(2 + i%5))
		if e.lines[2].count.Text == "" {
			b.Fatal("no counts")
		}
	}
}
