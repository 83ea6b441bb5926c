package sqlite

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"shopcrm/data"
)

// fillForCheck gives a store enough pages that damageFile has something to damage.
func fillForCheck(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	for i := 0; i < 300; i++ {
		c := &data.Customer{Platform: data.PlatformTaobao, Nick: "买家" + string(rune('一'+i)), Address: "浙江省杭州市西湖区文三路 100 号 3 幢 501 室"}
		if err := s.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSameDayReopenOfAnUntouchedFileSkipsTheCheck(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if s.checkedOn == "" || !s.checkedAtOpen {
		t.Fatal("the first open must run quick_check")
	}
	s.Close()
	if !fileExists(filepath.Join(dir, cleanMarkerName)) {
		t.Fatal("a clean close should leave the marker")
	}
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if s.checkedAtOpen {
		t.Error("a same-day reopen of a cleanly closed, untouched file should trust the morning's check")
	}
	if fileExists(filepath.Join(dir, cleanMarkerName)) {
		t.Error("an open store must not leave a marker: a crash now must lead to a check")
	}
	if got := takeCleanMarker(dir); got != "" {
		t.Errorf("marker while open: %q", got)
	}
	s.Close()
}

func TestFileChangedAfterACleanCloseIsCheckedAgain(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	fillForCheck(t, s)
	s.Close()
	damageFile(t, filepath.Join(dir, DBFileName)) // a sync tool or a failing disk, between two runs
	_, err = Open(dir)
	if !errors.Is(err, data.ErrCorrupt) {
		t.Fatalf("a file damaged after a clean close: got %v, want ErrCorrupt", err)
	}
}

func TestMarkerOfAnotherDayOrAfterACrashMeansACheck(t *testing.T) {
	dir := t.TempDir()
	dayBefore := localDay(time.Now()) // a run across midnight checks on either day
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	path := filepath.Join(dir, cleanMarkerName)
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m cleanMarker
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatal(err)
	}
	if today := localDay(time.Now()); m.CheckedOn != today && m.CheckedOn != dayBefore {
		t.Fatalf("marker day: got %q, want today (%s)", m.CheckedOn, today)
	}
	m.CheckedOn = localDay(time.Now().AddDate(0, 0, -1))
	body, _ = json.Marshal(m)
	if err := os.WriteFile(path, body, 0o600); err != nil {
		t.Fatal(err)
	}
	if got := takeCleanMarker(dir); got == localDay(time.Now()) {
		t.Error("yesterday's check must not count for today")
	}
	// No marker at all (the app crashed, or was killed): the day of the last check is unknown.
	if got := takeCleanMarker(dir); got != "" {
		t.Errorf("no marker: got %q, want a check", got)
	}
	// A write-ahead log left beside the file: it was not closed cleanly.
	writeCleanMarker(dir, localDay(time.Now()))
	if err := os.WriteFile(filepath.Join(dir, DBFileName+"-wal"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := takeCleanMarker(dir); got != "" {
		t.Errorf("with a leftover WAL: got %q, want a check", got)
	}
}
