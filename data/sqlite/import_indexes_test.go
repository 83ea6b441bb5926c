package sqlite

import (
	"context"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"shopcrm/data"
)

// schemaIndexes lists the definitions of every index on customers and trades.
func schemaIndexes(t *testing.T, s *Store) map[string]string {
	t.Helper()
	return schemaObjects(t, s, "index")
}

// schemaObjects lists the definitions of every index and trigger on customers and
// trades, or of those of one kind.
func schemaObjects(t *testing.T, s *Store, kind ...string) map[string]string {
	t.Helper()
	if len(kind) == 0 {
		kind = []string{"index", "trigger"}
	}
	rows, err := s.db.Query(`SELECT name, sql FROM sqlite_schema
		WHERE type IN (SELECT value FROM json_each(?)) AND sql IS NOT NULL AND tbl_name IN ('customers', 'trades')`,
		`["`+strings.Join(kind, `","`)+`"]`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var name, sql string
		if err := rows.Scan(&name, &sql); err != nil {
			t.Fatal(err)
		}
		out[name] = sql
	}
	return out
}

// TestIndexListsNameSchemaObjects: what an import into an empty store drops is read
// from the schema; the few names import_indexes.go lists must be in it, so a
// migration that renames or drops one cannot leave a list stale.
func TestIndexListsNameSchemaObjects(t *testing.T) {
	s := openTestStore(t)
	have := schemaIndexes(t, s)
	for _, name := range append(slices.Clone(keptIndexes), closingIndexes...) {
		if _, ok := have[name]; !ok {
			t.Errorf("%s is listed but the schema has no such index", name)
		}
	}
	for _, name := range keptIndexes {
		if !strings.HasPrefix(have[name], "CREATE UNIQUE") {
			t.Errorf("%s is kept for an ON CONFLICT clause but is not UNIQUE", name)
		}
	}
	triggers := schemaObjects(t, s, "trigger")
	for _, name := range deferredTriggers {
		if _, ok := triggers[name]; !ok {
			t.Errorf("%s is in deferredTriggers but the schema has no such trigger", name)
		}
	}
	// Every index is dropped but the kept ones; one left for later is one nothing
	// but speed depends on.
	later := laterIndexes(t, s)
	ds, err := deferrable(context.Background(), s.db)
	if err != nil {
		t.Fatal(err)
	}
	dropped := map[string]bool{}
	for _, d := range ds {
		dropped[d.name] = true
	}
	for name := range have {
		if dropped[name] == slices.Contains(keptIndexes, name) {
			t.Errorf("index %s: dropped %v, want %v", name, dropped[name], !dropped[name])
		}
	}
	for name := range later {
		if strings.HasPrefix(have[name], "CREATE UNIQUE") {
			t.Errorf("%s is UNIQUE: the import must create it before it commits", name)
		}
		if slices.Contains([]string{"trades_customer_stats", "customers_platform_nick"}, name) {
			t.Errorf("%s is read by the import's closing statements", name)
		}
	}
	if len(later) == 0 {
		t.Error("no index is left for later")
	}
}

// laterIndexes lists the indexes an import into an empty store leaves to the
// background job.
func laterIndexes(t *testing.T, s *Store) map[string]bool {
	t.Helper()
	ds, err := deferrable(context.Background(), s.db)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, d := range ds {
		if d.later {
			out[d.name] = true
		}
	}
	return out
}

// laterKeys lists the indexes waiting for the background job.
func laterKeys(t *testing.T, s *Store) []string {
	t.Helper()
	rows, err := s.db.Query(`SELECT substr(key, ?) FROM settings WHERE key GLOB ? ORDER BY key`,
		len(laterIndexPrefix)+1, laterIndexPrefix+"*")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		out = append(out, name)
	}
	return out
}

// checkIndexes fails unless the schema's indexes and triggers are want's, none
// missing, none more, and no index waits for the background job.
func checkIndexes(t *testing.T, s *Store, want map[string]string, when string) {
	t.Helper()
	got := schemaObjects(t, s)
	for name, sql := range want {
		if got[name] != sql {
			t.Errorf("%s, %s is %q; want %q", when, name, got[name], sql)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s there are %d indexes and triggers, want %d", when, len(got), len(want))
	}
	if keys := laterKeys(t, s); len(keys) > 0 {
		t.Errorf("%s, indexes still wait for the background job: %v", when, keys)
	}
}

// TestImportIntoEmptyStoreKeepsTheSchema: an import into an empty store, a dry run,
// a failed one and ones that need a dropped index mid-way all end with every index
// as the migrations made it: at once, or, for those left for later, once the background job
// has run.
func TestImportIntoEmptyStoreKeepsTheSchema(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		opt  data.ImportOptions
		rows []data.ImportRow
		fail bool
	}{
		{"orders", data.ImportOptions{FileName: "a"}, mixedRows(5, 300), false},
		{"dry run", data.ImportOptions{FileName: "b", DryRun: true}, mixedRows(6, 300), false},
		{"no order numbers", data.ImportOptions{FileName: "c"}, archiveRows(), false},
		{"failed", data.ImportOptions{FileName: "d"}, append(mixedRows(7, 50), data.ImportRow{Row: 99}), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTestStore(t)
			want, later := schemaObjects(t, s), laterIndexes(t, s)
			release := holdIndexing(s)
			next := rowsOf(tc.rows...)
			if tc.fail {
				n := 0
				next = func() (*data.ImportRow, error) {
					if n++; n > 40 {
						return nil, context.Canceled // a source that breaks off
					}
					return rowsOf(tc.rows[n-1:]...)()
				}
			}
			_, err := s.Import(ctx, tc.opt, nil, next)
			if tc.fail != (err != nil) {
				t.Fatalf("import: %v", err)
			}
			// What is missing now is what waits for the background job, and that is
			// only ever an index left for later.
			got := schemaObjects(t, s)
			var missing []string
			for name := range want {
				if _, ok := got[name]; !ok {
					missing = append(missing, name)
				}
				if !later[name] && got[name] != want[name] {
					t.Errorf("after the import, index %s is %q; want %q", name, got[name], want[name])
				}
			}
			slices.Sort(missing)
			if keys := laterKeys(t, s); !slices.Equal(keys, missing) {
				t.Errorf("after the import, indexes %v are missing and %v wait for the background job", missing, keys)
			}
			if tc.name == "orders" && len(missing) == 0 {
				t.Error("the import created every index before it committed")
			}
			release()
			checkIndexes(t, s, want, "after the background job")
		})
	}
}

// TestLaterIndexesAreCreatedByWhatComesFirst: the indexes an import left for later
// are there for the next import, after a close and reopen, and before a migration.
func TestLaterIndexesAreCreatedByWhatComesFirst(t *testing.T) {
	ctx := context.Background()
	importHeld := func(t *testing.T, s *Store) {
		t.Helper()
		holdIndexing(s)
		if _, err := s.Import(ctx, data.ImportOptions{FileName: "a"}, nil, rowsOf(mixedRows(9, 200)...)); err != nil {
			t.Fatal(err)
		}
		if len(laterKeys(t, s)) == 0 {
			t.Fatal("the import left no index for later")
		}
	}
	t.Run("next import", func(t *testing.T) {
		s := openTestStore(t)
		want := schemaObjects(t, s)
		importHeld(t, s)
		// The background job is still held: the second import creates them itself,
		// before its lookups by phone and name.
		res, err := s.Import(ctx, data.ImportOptions{FileName: "b"}, nil, rowsOf(mixedRows(10, 200)...))
		if err != nil {
			t.Fatal(err)
		}
		if res.CustomersCreated+res.CustomersUpdated+res.CustomersUnchanged == 0 {
			t.Fatal("the second import matched no customer")
		}
		checkIndexes(t, s, want, "after the second import")
	})
	t.Run("reopen", func(t *testing.T) {
		dir := t.TempDir()
		s, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		want := schemaObjects(t, s)
		importHeld(t, s) // Close comes before the job runs
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if s, err = Open(dir); err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		s.WaitBackground()
		checkIndexes(t, s, want, "after reopening")
	})
	t.Run("migration", func(t *testing.T) {
		s := openTestStore(t)
		want := schemaObjects(t, s)
		importHeld(t, s)
		// As if the archive came from the version before a newer one with one more
		// migration: migrating creates the waiting indexes first.
		withLaterMigration(t, "9999_later.sql", `CREATE TABLE later_test (x INTEGER)`)
		if err := s.migrate(ctx); err != nil {
			t.Fatal(err)
		}
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name = 'later_test'`).Scan(&n); err != nil || n != 1 {
			t.Fatalf("the later migration did not run (%v)", err)
		}
		checkIndexes(t, s, want, "after migrating")
	})
}

// TestImportWithoutTriggersGradesAsTheyWould: the triggers an import into an empty
// store drops would have changed nothing: every customer's tier is the one migration
// 0002's trigger gives, with the seller's own tiers, and the search rows are right.
func TestImportWithoutTriggersGradesAsTheyWould(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	tiers := mustTiers(t, s)
	two, fen := 2, int64(3000)
	tiers[2].MinTrades, tiers[2].MinTotalFen = &two, &fen // 高级客户 from 2 trades or ¥30
	if err := s.SaveTiers(ctx, tiers); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(ctx, data.ImportOptions{FileName: "a"}, nil, rowsOf(mixedRows(11, 400)...)); err != nil {
		t.Fatal(err)
	}
	var ranks, stale int
	err := s.db.QueryRow(`SELECT count(DISTINCT tier_rank), count(*) FILTER (WHERE c.tier_rank IS NOT
		coalesce((SELECT max(tr.rank) FROM tiers tr WHERE (tr.min_trades IS NULL AND tr.min_total_fen IS NULL)
			OR c.trade_count >= tr.min_trades OR c.total_fen >= tr.min_total_fen), 0))
		FROM customers c`).Scan(&ranks, &stale)
	if err != nil {
		t.Fatal(err)
	}
	if stale != 0 || ranks < 3 {
		t.Errorf("%d customers carry a tier the trigger would change; %d tiers in use, want 3 or more", stale, ranks)
	}
	checkSearch(t, s, "after the import")
}

// withLaterMigration adds, for the test, a migration after the embedded ones: an
// archive migrated so far is then one from the version before.
func withLaterMigration(t *testing.T, name, body string) {
	t.Helper()
	files := fstest.MapFS{}
	names, err := fs.Glob(embeddedMigrations, "migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		b, err := fs.ReadFile(embeddedMigrations, n)
		if err != nil {
			t.Fatal(err)
		}
		files[n] = &fstest.MapFile{Data: b}
	}
	files["migrations/"+name] = &fstest.MapFile{Data: []byte(body)}
	migrationFS = files
	t.Cleanup(func() { migrationFS = embeddedMigrations })
}
