package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The command line refuses a file in another currency than the archive's with the
// same sentence as the window, and writes nothing.
func TestImportSaysWhenTheFileIsInAnotherCurrency(t *testing.T) {
	dir := t.TempDir()
	if _, errOut, code := run(t, "demo", "--data", dir, "--customers", "5", "--trades", "10", "--seed", "1"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	path := filepath.Join(t.TempDir(), "orders.csv")
	body := "Name,Email,Financial Status,Paid at,Currency,Total\n#1,a@example.com,paid,2025-01-02 10:00:00 +0000,USD,10.00\n"
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := run(t, "import", "--data", dir, path)
	if code == 0 || !strings.Contains(errOut, "这个文件的金额是 USD，档案用的是 CNY") {
		t.Errorf("exit %d, stderr %q; want the currency sentence", code, errOut)
	}
}
