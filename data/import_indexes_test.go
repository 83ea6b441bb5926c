package data

import (
	"context"
	"slices"
	"testing"
)

// schemaIndexes lists the definitions of every index on customers and trades.
func schemaIndexes(t *testing.T, s *Store) map[string]string {
	t.Helper()
	rows, err := s.db.Query(`SELECT name, sql FROM sqlite_schema
		WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('customers', 'trades')`)
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

// TestEveryIndexIsDeferredOrKept: a new index on customers or trades must be put in
// deferredIndexes or keptIndexes, so an import into an empty store never keeps an
// index it need not, nor drops one a statement of it reads without creating it first.
func TestEveryIndexIsDeferredOrKept(t *testing.T) {
	s := openTestStore(t)
	have := schemaIndexes(t, s)
	for name := range have {
		if !slices.Contains(deferredIndexes, name) && !slices.Contains(keptIndexes, name) {
			t.Errorf("index %s is neither in deferredIndexes nor in keptIndexes", name)
		}
	}
	for _, name := range append(slices.Clone(deferredIndexes), keptIndexes...) {
		if _, ok := have[name]; !ok {
			t.Errorf("%s is listed but the schema has no such index", name)
		}
	}
}

// TestImportIntoEmptyStoreKeepsTheSchema: an import into an empty store, a dry run,
// a failed one and ones that need a dropped index mid-way all end with every index
// as the migrations made it.
func TestImportIntoEmptyStoreKeepsTheSchema(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		opt  ImportOptions
		rows []ImportRow
		fail bool
	}{
		{"orders", ImportOptions{FileName: "a"}, mixedRows(5, 300), false},
		{"dry run", ImportOptions{FileName: "b", DryRun: true}, mixedRows(6, 300), false},
		{"no order numbers", ImportOptions{FileName: "c"}, archiveRows(), false},
		{"failed", ImportOptions{FileName: "d"}, append(mixedRows(7, 50), ImportRow{Row: 99}), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTestStore(t)
			want := schemaIndexes(t, s)
			next := rowsOf(tc.rows...)
			if tc.fail {
				n := 0
				next = func() (*ImportRow, error) {
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
			got := schemaIndexes(t, s)
			for name, sql := range want {
				if got[name] != sql {
					t.Errorf("after the import, index %s is %q; want %q", name, got[name], sql)
				}
			}
			if len(got) != len(want) {
				t.Errorf("after the import there are %d indexes, want %d", len(got), len(want))
			}
		})
	}
}
