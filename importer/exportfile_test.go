package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"shopcrm/data"
	"shopcrm/data/sqlite"
)

func demoStore(t *testing.T, customers, trades int) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.GenerateDemo(context.Background(), data.DemoOptions{Customers: customers, Trades: trades, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestExportFileProgressCountsEveryRowUpToTheTotal: the progress an export reports
// starts at 0, only grows, and ends at the total, which is every customer and trade
// written.
func TestExportFileProgressCountsEveryRowUpToTheTotal(t *testing.T) {
	s := demoStore(t, 400, 1500)
	path := filepath.Join(t.TempDir(), "out.xlsx")
	var done []int
	total := 0
	n, err := ExportFileProgress(context.Background(), s, path, data.CustomerFilter{}, time.UTC, func(d, tot int) {
		done, total = append(done, d), tot
	})
	if err != nil || n != 400 {
		t.Fatalf("got %d customers, %v; want 400", n, err)
	}
	if total != 1900 || len(done) < 3 || done[0] != 0 || done[len(done)-1] != total {
		t.Errorf("progress: total %d, reports %v; want 0 … 1900", total, done)
	}
	for i := 1; i < len(done); i++ {
		if done[i] < done[i-1] {
			t.Errorf("progress went back: %d → %d", done[i-1], done[i])
		}
	}
}

// TestExportFileCancelledLeavesNoFile: cancelling an export while it writes rows ends it
// with context.Canceled, and neither the workbook nor a temp file is left behind.
func TestExportFileCancelledLeavesNoFile(t *testing.T) {
	s := demoStore(t, 2000, 6000)
	dir := t.TempDir()
	path := filepath.Join(dir, "out.xlsx")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := ExportFileProgress(ctx, s, path, data.CustomerFilter{}, time.UTC, func(d, total int) {
		if d > 0 && d < total {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("left %d files behind (%s …), want none", len(left), left[0].Name())
	}
}
