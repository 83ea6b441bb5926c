package sqlite

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"shopcrm/data"
)

// safetyBenchDir is a private copy of the 200k / 1M benchmark archive, so backups
// and the folder lock never touch the shared one other benchmarks read.
func safetyBenchDir(b *testing.B) string {
	dir := filepath.Join(os.TempDir(), "shopcrm-safety-bench")
	dst := filepath.Join(dir, DBFileName)
	if st, err := os.Stat(dst); err == nil && st.Size() > 0 {
		return dir
	}
	src := filepath.Join(benchArchive(b), DBFileName)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		b.Fatal(err)
	}
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkOpenWithQuickCheck is the start-up cost of the integrity check: lock,
// open, quick_check and migrations of the 200k-customer / 1M-trade archive.
func BenchmarkOpenWithQuickCheck(b *testing.B) {
	dir := safetyBenchDir(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		os.Remove(filepath.Join(dir, cleanMarkerName)) // as on the first start of a day
		s, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
	reportPeakRSS(b)
}

// BenchmarkReopenSameDay is a later start the same day of the same archive, closed
// cleanly and untouched since: the integrity check is not repeated.
func BenchmarkReopenSameDay(b *testing.B) {
	dir := safetyBenchDir(b)
	s, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
	reportPeakRSS(b)
}

// BenchmarkBackup is one verified backup (VACUUM INTO, then open + quick_check of the
// copy) of the 200k-customer / 1M-trade archive: the wait before an import.
func BenchmarkBackup(b *testing.B) {
	s, err := Open(safetyBenchDir(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		info, err := s.Backup(context.Background(), data.BackupManual)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(info.Size)/(1<<20), "backup-MB")
		s.DiscardBackup(info)
	}
	reportPeakRSS(b)
}
