package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"

	"shopcrm/data"
)

// mixedRows is a sheet that exercises every way a row can go: new and repeat buyers,
// buyers found by phone or by name, masked phones, tags and extra fields, line items
// of one order far apart, orders without numbers, rows repeated, rows without an
// identity.
func mixedRows(seed uint64, n int) []data.ImportRow {
	rng := rand.New(rand.NewPCG(seed, 1))
	platforms := []data.Platform{data.PlatformTaobao, data.PlatformJD, data.PlatformOther}
	var rows []data.ImportRow
	for i := 0; i < n; i++ {
		k := rng.IntN(n/4 + 1)
		c := data.Customer{Platform: platforms[k%3]}
		phone := fmt.Sprintf("1380000%04d", k)
		if k%5 == 0 {
			phone = fmt.Sprintf("0571-8800%04d", k) // a landline, kept as written
		}
		switch rng.IntN(8) {
		case 0: // phone only
			c.Phone = phone
		case 1: // name only
			c.Name = fmt.Sprintf("客户%d", k%7)
		case 2: // masked phone
			c.Nick = fmt.Sprintf("nick%d", k)
			c.Phone = fmt.Sprintf("138****%04d", k)
		default:
			c.Nick = fmt.Sprintf("nick%d", k)
			c.Phone = phone
			if rng.IntN(3) == 0 {
				c.Email = fmt.Sprintf("u%d@qq.com", k)
			}
			switch rng.IntN(10) {
			case 0, 1:
				c.Nick = "" // the same buyer's phone on a row without their nick
			case 2:
				c.Nick = fmt.Sprintf("alt%d", k) // another buyer with the same phone
			}
		}
		if rng.IntN(15) == 0 {
			c.Tags = []string{fmt.Sprintf("标签%d", rng.IntN(4)), "老客"}
		}
		if rng.IntN(12) == 0 {
			c.Extra = map[string]string{"备注2": fmt.Sprintf("x%d", rng.IntN(3))}
		}
		if rng.IntN(10) == 0 {
			c.City = "杭州"
		}
		r := data.ImportRow{Row: i + 2, Customer: c}
		if rng.IntN(12) != 0 {
			t := &data.Trade{TradedAt: at(1+rng.IntN(28), rng.IntN(24)), Goods: fmt.Sprintf("商品%d", rng.IntN(5)),
				Quantity: 1 + rng.IntN(2), AmountFen: int64(100 * (1 + rng.IntN(50)))}
			switch rng.IntN(6) {
			case 0: // no order number
			case 1: // a line of an earlier order
				t.OrderNo = fmt.Sprintf("O%d", rng.IntN(i+1))
			default:
				t.OrderNo = fmt.Sprintf("O%d", i)
			}
			if rng.IntN(20) == 0 {
				t.Status = data.StatusRefunded
			}
			r.Trade = t
		}
		if rng.IntN(30) == 0 && len(rows) > 0 {
			r = rows[rng.IntN(len(rows))] // a row seen before
			r.Row = i + 2
		}
		rows = append(rows, r)
	}
	return rows
}

// dumpStore lists every row of the tables an import writes, for comparing stores.
func dumpStore(t *testing.T, s *Store) map[string][]string {
	t.Helper()
	s.background.Wait() // the search index of the last import's new customers
	out := map[string][]string{}
	for table, query := range map[string]string{
		"customers": "", "trades": "", "customer_search": "", "tags": "", "customer_tags": "",
		"import_batches": "", "settings": "",
		// Snapshots of different rows may be taken in another order: a trade's when
		// its INSERT finds the order number taken.
		"batch_changes": `SELECT batch_id, entity, entity_id, action, before FROM batch_changes ORDER BY 1, 2, 3`,
	} {
		if query == "" {
			query = `SELECT * FROM ` + table + ` ORDER BY 1, 2`
		}
		rows, err := s.db.Query(query)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals, err := scanValues(rows, len(cols))
			if err != nil {
				t.Fatal(err)
			}
			out[table] = append(out[table], fmt.Sprint(vals...))
		}
		rows.Close()
	}
	rows, err := s.db.Query(`SELECT rowid FROM customer_fts WHERE customer_fts MATCH 'nic' ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		out["fts"] = append(out["fts"], fmt.Sprint(id))
	}
	rows.Close()
	return out
}

// checkSearch fails unless every customer's search text is what the triggers would
// write and the full-text index matches the search table.
func checkSearch(t *testing.T, s *Store, what string) {
	t.Helper()
	s.background.Wait()
	var wrong int
	if err := s.db.QueryRow(`SELECT count(*) FROM customers c LEFT JOIN customer_search s ON s.id = c.id
		WHERE s.text IS NOT ` + searchTextSQL).Scan(&wrong); err != nil {
		t.Fatal(err)
	}
	var extra int
	if err := s.db.QueryRow(`SELECT count(*) FROM customer_search WHERE id NOT IN (SELECT id FROM customers)`).Scan(&extra); err != nil {
		t.Fatal(err)
	}
	if wrong+extra > 0 {
		t.Errorf("%s: %d customers with a wrong search text, %d search rows without a customer", what, wrong, extra)
	}
	if _, err := s.db.Exec(`INSERT INTO customer_fts (customer_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("%s: full-text index: %v", what, err)
	}
	// FTS5's integrity check does not look at its row count (the first number of its
	// averages record, an SQLite varint), which a 'delete' of a row it never indexed
	// lowers: ranking would be off, and a later 'optimize' could fail.
	var rows uint64
	var avg []byte
	if err := s.db.QueryRow(`SELECT (SELECT count(*) FROM customer_search), coalesce((SELECT block FROM customer_fts_data WHERE id = 1), x'00')`).Scan(&rows, &avg); err != nil {
		t.Fatal(err)
	}
	if n := sqliteVarint(avg); n != rows {
		t.Errorf("%s: the full-text index counts %d rows, the search table has %d", what, n, rows)
	}
}

// sqliteVarint decodes the SQLite variable-length integer at the start of b.
func sqliteVarint(b []byte) uint64 {
	var v uint64
	for i, c := range b {
		if i == 8 {
			return v<<8 | uint64(c)
		}
		v = v<<7 | uint64(c&0x7f)
		if c < 0x80 {
			break
		}
	}
	return v
}

// importWith imports rows with at most size rows per bulk INSERT.
// Size 1 is the reference: one row per INSERT and no shortcuts, as if every row were
// looked up and written at once.
func importWith(t *testing.T, s *Store, size int, name string, rows []data.ImportRow) *data.ImportResult {
	t.Helper()
	defer func(old int) { bulkRows, importShortcuts = old, true }(bulkRows)
	bulkRows, importShortcuts = size, size > 1
	res, err := s.Import(context.Background(), data.ImportOptions{FileName: name}, nil, rowsOf(rows...))
	if err != nil {
		t.Fatalf("import %s with %d-row INSERTs: %v", name, size, err)
	}
	return res
}

// diffDumps reports the first differing row of each table.
func diffDumps(t *testing.T, what string, want, got map[string][]string) {
	t.Helper()
	for table, w := range want {
		g := got[table]
		if reflect.DeepEqual(w, g) {
			continue
		}
		for i := 0; i < max(len(w), len(g)); i++ {
			var a, b string
			if i < len(w) {
				a = w[i]
			}
			if i < len(g) {
				b = g[i]
			}
			if a != b {
				t.Errorf("%s: %s row %d:\n want %s\n got  %s", what, table, i, a, b)
				break
			}
		}
		if len(w) != len(g) {
			t.Errorf("%s: %s has %d rows, want %d", what, table, len(g), len(w))
		}
	}
}

// TestBulkImportMatchesRowByRow imports the same sheets row by row (one row per
// INSERT, every lookup asked of the database) and with multi-row INSERTs of several
// sizes and the import's shortcuts: the stores, the counts and the reverts must be
// the same.
func TestBulkImportMatchesRowByRow(t *testing.T) {
	first, second := mixedRows(1, 600), mixedRows(2, 600)
	second = append(second, first[100:250]...) // an earlier import's orders and buyers again
	var ref, refReverted map[string][]string
	var refRes []*data.ImportResult
	for _, size := range []int{1, 3, 16, 128} {
		s := openTestStore(t)
		r1 := importWith(t, s, size, "first", first)
		r2 := importWith(t, s, size, "second", second)
		got := dumpStore(t, s)
		checkSearch(t, s, fmt.Sprintf("%d-row INSERTs", size))
		if err := s.RevertImport(context.Background(), r2.BatchID); err != nil {
			t.Fatal(err)
		}
		reverted := dumpStore(t, s)
		checkSearch(t, s, fmt.Sprintf("%d-row INSERTs, reverted", size))
		if size == 1 {
			ref, refRes, refReverted = got, []*data.ImportResult{r1, r2}, reverted
			if r2.CustomersUpdated == 0 || r2.TradesUpdated+r2.TradesUnchanged == 0 || len(got["customer_tags"]) == 0 {
				t.Fatalf("the sheets miss a case: %+v, %d tags", r2, len(got["customer_tags"]))
			}
			continue
		}
		for i, r := range []*data.ImportResult{r1, r2} {
			a, b := *refRes[i], *r
			a.BatchID, b.BatchID = 0, 0
			if !reflect.DeepEqual(a, b) {
				t.Errorf("%d-row INSERTs, import %d: got %+v, want %+v", size, i+1, b, a)
			}
		}
		diffDumps(t, fmt.Sprintf("%d-row INSERTs", size), ref, got)
		diffDumps(t, fmt.Sprintf("%d-row INSERTs, reverted", size), refReverted, reverted)
	}
}

// TestRevertBulkImportRestoresExactly: after a bulk-written import over an archive
// and its revert, the archive is exactly as before.
func TestRevertBulkImportRestoresExactly(t *testing.T) {
	s := openTestStore(t)
	importWith(t, s, 128, "first", mixedRows(3, 500))
	before := dumpStore(t, s)
	res := importWith(t, s, 128, "second", append(mixedRows(4, 500), mixedRows(3, 500)[:200]...))
	if res.TradesCreated == 0 || res.CustomersUpdated == 0 {
		t.Fatalf("the second import changed too little to test: %+v", res)
	}
	if err := s.RevertImport(context.Background(), res.BatchID); err != nil {
		t.Fatal(err)
	}
	after := dumpStore(t, s)
	// The batch itself stays listed, marked reverted.
	delete(before, "import_batches")
	delete(after, "import_batches")
	diffDumps(t, "after revert", before, after)
	if strings.Join(after["fts"], ",") != strings.Join(before["fts"], ",") {
		t.Error("the full-text index differs after the revert")
	}
}

// TestImportKeepsForeignKeys: the import's connection gets its foreign keys and other
// settings back, and an import whose rows point at nothing does not commit.
func TestImportKeepsForeignKeys(t *testing.T) {
	s := openTestStore(t)
	s.db.SetMaxOpenConns(1) // the import's connection is the one used next
	ctx := context.Background()
	importWith(t, s, 128, "first", mixedRows(5, 50))
	for pragma, want := range map[string]int{"cache_size": -4096, "foreign_keys": 1, "wal_autocheckpoint": 1000} {
		var got int
		if err := s.db.QueryRow(`PRAGMA ` + pragma).Scan(&got); err != nil || got != want {
			t.Errorf("%s after an import: %d, %v; want the app's %d", pragma, got, err, want)
		}
	}
	err := s.CreateTrade(ctx, &data.Trade{CustomerID: 999999, Platform: data.PlatformTaobao, TradedAt: at(1, 1), AmountFen: 100, Quantity: 1})
	if !errors.Is(err, data.ErrNotFound) {
		t.Errorf("a trade of a missing customer after an import: got %v, want ErrNotFound", err)
	}
	// Both ways of checking: the store's customers numbered without gaps (the
	// shortcut of an import into an empty store), and with a gap (the full check).
	for _, gap := range []bool{false, true} {
		err = s.inImportTx(ctx, func(tx *sql.Tx) error {
			im := &importRun{ctx: ctx, tx: tx, batch: 1, startedEmpty: true}
			if gap {
				if _, err := tx.Exec(`DELETE FROM customers WHERE id = 2`); err != nil {
					return err
				}
			}
			if _, err := tx.Exec(`INSERT INTO trades (customer_id, traded_at, batch_id, created_at, updated_at)
				VALUES (999999, '2026-01-01 00:00:00', 1, '', '')`); err != nil {
				return err
			}
			if ok, err := im.keysInRange(); ok || err != nil {
				t.Errorf("gap %v: the range check passed an orphan trade (%v)", gap, err)
			}
			return im.checkKeys()
		})
		if err == nil || !strings.Contains(err.Error(), "missing") {
			t.Errorf("an orphan trade in the batch (gap %v): got %v, want the key check to fail", gap, err)
		}
	}
	err = s.inImportTx(ctx, func(tx *sql.Tx) error {
		im := &importRun{ctx: ctx, tx: tx, batch: 1, startedEmpty: true}
		if ok, err := im.keysInRange(); !ok || err != nil {
			t.Errorf("the range check failed a whole archive: %v, %v", ok, err)
		}
		return errDryRun
	})
	if !errors.Is(err, errDryRun) {
		t.Fatal(err)
	}
	var n int
	s.db.QueryRow(`SELECT count(*) FROM trades WHERE customer_id = 999999`).Scan(&n)
	if n != 0 {
		t.Error("the orphan trade was committed")
	}
}

// TestDryRunReportsWhatTheImportDoes: a dry run, which stops before the closing
// steps, counts and lists exactly what the import then does, into an empty store
// and over an archive.
func TestDryRunReportsWhatTheImportDoes(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	for i, rows := range [][]data.ImportRow{mixedRows(8, 400), append(mixedRows(9, 300), mixedRows(8, 400)[50:200]...)} {
		dry, err := s.Import(ctx, data.ImportOptions{FileName: "dry", DryRun: true}, nil, rowsOf(rows...))
		if err != nil {
			t.Fatal(err)
		}
		real, err := s.Import(ctx, data.ImportOptions{FileName: "real"}, nil, rowsOf(rows...))
		if err != nil {
			t.Fatal(err)
		}
		real.BatchID = 0
		if !reflect.DeepEqual(dry, real) {
			t.Errorf("import %d: the dry run said %+v, the import did %+v", i+1, dry, real)
		}
		if real.CustomersCreated == 0 || (i == 1 && real.CustomersUpdated+real.CustomersUnchanged == 0) {
			t.Fatalf("import %d changed too little to compare: %+v", i+1, real)
		}
	}
}

// TestImportCheckpointsInTheBackground: an import's commit leaves its pages in the
// WAL, and a background checkpoint copies them into the database file.
func TestImportCheckpointsInTheBackground(t *testing.T) {
	s := openTestStore(t)
	size := func() int64 {
		fi, err := os.Stat(s.Path())
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	before := size()
	importWith(t, s, 128, "first", mixedRows(6, 3000))
	s.background.Wait()
	if after := size(); after <= before {
		t.Errorf("database file: %d bytes before the import, %d after its checkpoint; want it grown", before, after)
	}
}
