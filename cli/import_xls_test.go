package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// TestImportReadsLegacyXLS: `shopcrm import` takes an Excel 97–2003 export as it comes.
// TB2018_1783rows.xls holds 1,783 dated orders of 1,783 buyers (the answer key of
// importer/testdata/xls_key.py); none is skipped or rejected.
func TestImportReadsLegacyXLS(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "data", "mingri", "TB2018_1783rows.xls")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("real test files are not here: %v", err)
	}
	rows := runCSV(t, "import", path, "--data", t.TempDir(), "--format", "csv")
	if len(rows) != 2 {
		t.Fatalf("got %v, want a header and one line", rows)
	}
	want := []string{"1783", "0", "0", "1783", "0", "0", "0", "0"}
	for i, w := range want {
		if rows[1][i] != w {
			t.Errorf("%s: got %s, want %s", rows[0][i], rows[1][i], w)
		}
	}
}
