package importer

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"shopcrm/data"
	"shopcrm/data/sqlite"
)

// Crash tests: a child process (this test binary, re-run with crashChildEnv set)
// imports, reverts or restores, and is killed with SIGKILL at several moments. Every
// time the database must open (the OS released the folder lock), pass quick_check, and
// hold all or none of the operation.

const crashChildEnv = "SHOPCRM_CRASH_CHILD" // "op|data dir|argument"

// crashRows is the size of the generated sheet: large enough that a kill lands in the
// middle of reading, writing and committing.
var crashRows = map[bool]int{false: 30000, true: 3000}[raceEnabled]

// TestCrashChild is the child's body; it does nothing in a normal test run.
func TestCrashChild(t *testing.T) {
	spec := os.Getenv(crashChildEnv)
	if spec == "" {
		t.Skip("only runs as the child of the crash tests")
	}
	parts := strings.SplitN(spec, "|", 3)
	op, dir, arg := parts[0], parts[1], parts[2]
	store, err := sqlite.Open(dir)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	fmt.Println("ready")
	ctx := context.Background()
	switch op {
	case "import":
		_, err = Import(ctx, store, arg, Options{Progress: func(n int) { fmt.Println("rows", n) }})
	case "revert":
		id, _ := strconv.ParseInt(arg, 10, 64)
		err = store.RevertImport(ctx, id)
	case "restore":
		err = store.Restore(ctx, arg)
	}
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	store.Close()
	fmt.Println("done")
	os.Exit(0)
}

// crashFixture is a data folder with one earlier buyer, and the same folder after the
// big import, from which each case copies its starting state.
type crashFixture struct {
	sheet        string
	before       string // data folder before the import (with a backup of that state)
	after        string // data folder after the import
	beforeTrades int
	afterTrades  int
	batch        int64
	backup       string // the backup of the before state, inside after/backups
}

func newCrashFixture(t *testing.T) *crashFixture {
	t.Helper()
	root := t.TempDir()
	f := &crashFixture{sheet: filepath.Join(root, "orders.csv"), before: filepath.Join(root, "before"), after: filepath.Join(root, "after")}
	if err := writeOrderCSVUTF8(f.sheet, crashRows); err != nil {
		t.Fatal(err)
	}
	s, err := sqlite.Open(f.before)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c := &data.Customer{Platform: data.PlatformTaobao, Nick: "老顾客"}
	if err := s.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateTrade(ctx, &data.Trade{CustomerID: c.ID, TradedAt: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), AmountFen: 100}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	copyDir(t, f.before, f.after)
	s, err = sqlite.Open(f.after)
	if err != nil {
		t.Fatal(err)
	}
	res, err := ImportWithBackup(ctx, s, f.sheet, Options{})
	if err != nil {
		t.Fatal(err)
	}
	f.batch = res.BatchID
	list, _ := s.Backups()
	if len(list) != 1 {
		t.Fatalf("import should be preceded by one backup, got %d", len(list))
	}
	f.backup = list[0].Path
	s.Close()
	f.beforeTrades, _ = tradeState(t, f.before)
	f.afterTrades, _ = tradeState(t, f.after)
	if f.afterTrades < f.beforeTrades+crashRows/2 {
		t.Fatalf("fixture import made %d trades from %d rows", f.afterTrades-f.beforeTrades, crashRows)
	}
	return f
}

// tradeState opens the folder as the next start would: lock, quick_check, and counts.
func tradeState(t *testing.T, dir string) (trades int, batchInPlace bool) {
	t.Helper()
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer s.Close()
	ctx := context.Background()
	if err := s.Check(ctx); err != nil {
		t.Fatalf("quick_check after kill: %v", err)
	}
	batches, err := s.FindImportBatches(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range batches {
		batchInPlace = batchInPlace || b.RevertedAt.IsZero()
	}
	_, total, err := s.FindCustomers(ctx, data.CustomerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var sum int
	err = s.EachCustomer(ctx, data.CustomerFilter{}, func(c *data.Customer) error {
		sum += c.Stats.TradeCount
		return nil
	})
	if err != nil || total == 0 {
		t.Fatalf("customers after kill: %d, %v", total, err)
	}
	return sum, batchInPlace
}

// killAt runs the child and kills it when moment says so, after delay.
func killAt(t *testing.T, spec string, moment func(line string) bool, delay time.Duration) (finished bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+spec)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	killed := false
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "error") {
			t.Errorf("child: %s", line)
		}
		if line == "done" {
			finished = true
		}
		if !killed && moment(line) {
			time.Sleep(delay)
			cmd.Process.Kill()
			killed = true
		}
	}
	io.Copy(io.Discard, out)
	cmd.Wait()
	return finished
}

func rowsAtLeast(n int) func(string) bool {
	return func(line string) bool {
		v, ok := strings.CutPrefix(line, "rows ")
		got, _ := strconv.Atoi(v)
		return ok && got >= n
	}
}

func TestKilledImportLeavesAllOrNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test imports a generated sheet in child processes")
	}
	f := newCrashFixture(t)
	moments := []struct {
		name  string
		when  func(string) bool
		delay time.Duration
	}{
		{"on open", func(l string) bool { return l == "ready" }, 0},
		{"first rows", rowsAtLeast(1), 0},
		{"a quarter read", rowsAtLeast(crashRows / 4), 0},
		{"half read", rowsAtLeast(crashRows / 2), 0},
		{"all read, writing", rowsAtLeast(crashRows), 0},
		{"committing", rowsAtLeast(crashRows), 300 * time.Millisecond},
		{"after the end", func(l string) bool { return l == "done" }, 0},
	}
	for _, m := range moments {
		t.Run(m.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data")
			copyDir(t, f.before, dir)
			finished := killAt(t, "import|"+dir+"|"+f.sheet, m.when, m.delay)
			trades, inPlace := tradeState(t, dir)
			switch {
			case !inPlace && trades == f.beforeTrades:
				t.Logf("killed before the commit: nothing imported (finished=%v)", finished)
			case inPlace && trades == f.afterTrades:
				t.Logf("killed after the commit: all imported")
			default:
				t.Errorf("half an import: %d trades (before %d, after %d), batch in place %v",
					trades, f.beforeTrades, f.afterTrades, inPlace)
			}
		})
	}
}

func TestKilledRevertAndRestoreLeaveAllOrNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test runs child processes")
	}
	f := newCrashFixture(t)
	ready := func(l string) bool { return l == "ready" }
	for _, op := range []string{"revert", "restore"} {
		for _, delay := range []time.Duration{0, 20 * time.Millisecond, 80 * time.Millisecond, 250 * time.Millisecond, 800 * time.Millisecond, 4 * time.Second} {
			t.Run(fmt.Sprintf("%s killed after %v", op, delay), func(t *testing.T) {
				dir := filepath.Join(t.TempDir(), "data")
				copyDir(t, f.after, dir)
				arg := strconv.FormatInt(f.batch, 10)
				if op == "restore" {
					arg = filepath.Join(dir, sqlite.BackupDirName, filepath.Base(f.backup))
				}
				finished := killAt(t, op+"|"+dir+"|"+arg, ready, delay)
				trades, inPlace := tradeState(t, dir)
				switch {
				case trades == f.afterTrades && inPlace:
					t.Logf("killed before the commit: unchanged (finished=%v)", finished)
				case trades == f.beforeTrades && (op == "restore" || !inPlace):
					t.Logf("killed after the commit: all undone (finished=%v)", finished)
				default:
					t.Errorf("half a %s: %d trades (before %d, after %d), batch in place %v",
						op, trades, f.beforeTrades, f.afterTrades, inPlace)
				}
			})
		}
	}
}

// copyDir copies a closed data folder (database and backups).
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o700)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
}
