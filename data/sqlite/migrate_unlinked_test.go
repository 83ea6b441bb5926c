package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"shopcrm/data"
)

// oldArchive writes, at path, an archive as the version before migration 0009 left
// it (migrations 0001–0008 applied), holding a batch, two customers with their stats
// and three trades, and returns the trades table as it reads and the definitions of
// the indexes and triggers of customers and trades.
func oldArchive(t *testing.T, path string) ([]string, map[string]string) {
	t.Helper()
	if err := createFile(path); err != nil { // the page size and journal a new archive gets
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	stmts := []string{`CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) WITHOUT ROWID`}
	for _, name := range names {
		if name >= "migrations/0009" {
			continue
		}
		body, err := fs.ReadFile(migrationFS, name)
		if err != nil {
			t.Fatal(err)
		}
		stmts = append(stmts, string(body), `INSERT INTO migrations VALUES ('`+name+`', '2026-01-01 00:00:00')`)
	}
	stmts = append(stmts,
		`INSERT INTO import_batches (id, file_name, content_hash, imported_at) VALUES (1, '档案.xlsx', 'h', '2026-05-01 00:00:00')`,
		`INSERT INTO customers (id, platform, nick, name, created_at, updated_at) VALUES
			(1, 'taobao', '小米粒', '李米', '2026-05-01 00:00:00', '2026-05-01 00:00:00'),
			(2, 'taobao', '花花', '', '2026-05-01 00:00:00', '2026-05-01 00:00:00')`,
		`INSERT INTO trades (id, customer_id, platform, order_no, traded_at, status, goods, amount_fen, batch_id, created_at, updated_at) VALUES
			(1, 1, 'taobao', '3304375611452180770', '2026-05-02 10:00:00', 'paid', '龙井', 26800, 1, '2026-05-01 00:00:00', '2026-05-01 00:00:00'),
			(2, 1, 'taobao', '', '2026-05-03 10:00:00', 'unpaid', '普洱', 15800, NULL, '2026-05-01 00:00:00', '2026-05-01 00:00:00'),
			(3, 2, 'taobao', '3304375611452180771', '2026-05-04 10:00:00', 'paid', '白茶', 52800, NULL, '2026-05-01 00:00:00', '2026-05-01 00:00:00')`,
		`UPDATE customers SET (trade_count, total_fen, first_trade_at, last_trade_at) = (`+statsSelectSQL+`)`,
	)
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("old archive: %v", err)
		}
	}
	schema := map[string]string{}
	rows, err := db.Query(`SELECT name, sql FROM sqlite_schema
		WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN ('customers', 'trades')`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			t.Fatal(err)
		}
		schema[name] = def
	}
	return tradeDump(t, db), schema
}

// tradeDump reads the trades table's rows, the columns of the version before 0009.
func tradeDump(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query(`SELECT id, customer_id, platform, order_no, traded_at, status, goods, quantity, amount_fen,
		refund_fen, ship_name, ship_phone, ship_address, note, extra, batch_id, created_at, updated_at FROM trades ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		vals := make([]any, 18)
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, v := range vals {
			b.WriteString(fmtAny(v) + "|")
		}
		out = append(out, b.String())
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func fmtAny(v any) string {
	switch v := v.(type) {
	case nil:
		return "NULL"
	case []byte:
		return string(v)
	}
	return fmt.Sprint(v)
}

// TestMigrationToUnlinkedOrdersKeepsAnOldArchive: an archive made by the version
// before 0009, with data, opened (and restored from a backup) by this one: every
// trade as it was, every index and trigger as a new archive has them, no broken key,
// the stats as they were, and a trade may now have no customer.
func TestMigrationToUnlinkedOrdersKeepsAnOldArchive(t *testing.T) {
	ctx := context.Background()
	fresh := openTestStore(t)
	for _, how := range []string{"open", "restore"} {
		t.Run(how, func(t *testing.T) {
			dir := t.TempDir()
			var s *Store
			var before []string
			var wantSchema map[string]string
			if how == "open" {
				before, wantSchema = oldArchive(t, filepath.Join(dir, DBFileName))
				var err error
				if s, err = Open(dir); err != nil {
					t.Fatalf("open old archive: %v", err)
				}
				t.Cleanup(func() { s.Close() })
			} else {
				old := filepath.Join(t.TempDir(), "old-backup.db")
				before, wantSchema = oldArchive(t, old)
				s = openTestStore(t)
				if err := s.Restore(ctx, old); err != nil {
					t.Fatalf("restore old backup: %v", err)
				}
			}
			if got := tradeDump(t, s.db); strings.Join(got, "\n") != strings.Join(before, "\n") {
				t.Errorf("trades after the migration:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(before, "\n"))
			}
			// Every index and trigger on trades as it was, by name and definition, and
			// the one 0009 adds; the whole schema as a new archive has it (later
			// migrations change the customers' indexes).
			wantSchema["trades_unlinked"] = `CREATE INDEX trades_unlinked ON trades(traded_at) WHERE customer_id IS NULL`
			got, newSchema := schemaObjects(t, s), schemaObjects(t, fresh)
			if !maps.Equal(got, newSchema) {
				t.Errorf("indexes and triggers after the migration:\n%v\nwant as a new archive's:\n%v", got, newSchema)
			}
			for name, def := range wantSchema {
				if strings.Contains(def, " ON trades") && got[name] != def {
					t.Errorf("%s after the migration: %q, want %q", name, got[name], def)
				}
			}
			var fkProblems int
			s.db.QueryRow(`SELECT count(*) FROM pragma_foreign_key_check`).Scan(&fkProblems)
			var integrity string
			s.db.QueryRow(`PRAGMA integrity_check`).Scan(&integrity)
			var notNull int
			s.db.QueryRow(`SELECT "notnull" FROM pragma_table_info('trades') WHERE name = 'customer_id'`).Scan(&notNull)
			if fkProblems != 0 || integrity != "ok" || notNull != 0 {
				t.Errorf("got %d foreign key problems, integrity %q, customer_id notnull=%d; want 0, ok, 0", fkProblems, integrity, notNull)
			}
			c, err := s.FindCustomerByNick(ctx, data.PlatformTaobao, "小米粒")
			if err != nil {
				t.Fatal(err)
			}
			if c.Stats.TradeCount != 1 || c.Stats.TotalFen != 26800 {
				t.Errorf("小米粒 after the migration: %d trades, %d fen; want 1, 26800", c.Stats.TradeCount, c.Stats.TotalFen)
			}
			// The old batch still reverts, and its customer's stats follow.
			if err := s.RevertImport(ctx, 1); err != nil {
				t.Fatalf("revert the old batch: %v", err)
			}
			if c, _ = s.FindCustomerByNick(ctx, data.PlatformTaobao, "小米粒"); c == nil || c.Stats.TradeCount != 0 || c.Stats.TotalFen != 0 {
				t.Errorf("小米粒 after reverting the batch of their order: %+v, want no counting trade", c)
			}
		})
	}
}
