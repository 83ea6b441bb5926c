package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"shopcrm/data"
)

// DemoArchive fills an empty folder once, keeps one of the asked size and refuses to
// add to one of another size.
func TestDemoArchiveIsMadeOnceAndReused(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "bench")
	o := data.DemoOptions{Customers: 30, Trades: 90, Seed: 7}
	for i := 0; i < 2; i++ {
		if err := DemoArchive(ctx, dir, o); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	n, _, err := s.CountFiltered(ctx, data.CustomerFilter{})
	s.Close()
	if err != nil || n != 30 {
		t.Fatalf("%d customers after two calls (%v), want 30", n, err)
	}
	if err := DemoArchive(ctx, dir, data.DemoOptions{Customers: 40, Trades: 90}); err == nil {
		t.Error("a folder of another size was added to")
	}
}
