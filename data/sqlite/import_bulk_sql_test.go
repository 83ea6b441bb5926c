package sqlite

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestBulkInsertStoresEveryValue writes rows of every mix of shared and varying
// columns, more mixes than a table prepares statements for, and reads them back.
func TestBulkInsertStoresEveryValue(t *testing.T) {
	s := openTestStore(t)
	if _, err := s.db.Exec(`CREATE TABLE bulk (a INTEGER, b TEXT, c TEXT, d INTEGER, e TEXT)`); err != nil {
		t.Fatal(err)
	}
	const width = 5
	b := newBulkInsert(`INSERT INTO bulk (a, b, c, d, e) VALUES `, "", width)
	rng := rand.New(rand.NewPCG(7, 7))
	var want []string
	for stmt := 0; stmt < 3*maxBulkShapes; stmt++ {
		rows := 1 + rng.IntN(6)
		constant := rng.IntN(1 << width) // the columns that hold one value in this statement
		var vals []any
		for i := 0; i < rows; i++ {
			var row []any
			for j := 0; j < width; j++ {
				k := i
				if constant&(1<<j) != 0 {
					k = 0
				}
				if j%3 == 0 {
					row = append(row, int64(stmt*100+k))
				} else {
					row = append(row, fmt.Sprintf("s%d-%d-%d", stmt, j, k))
				}
			}
			vals = append(vals, row...)
			want = append(want, fmt.Sprint(row...))
		}
		query, args := b.statement(vals)
		if _, err := s.db.Exec(query, args...); err != nil {
			t.Fatalf("statement %d (%d rows, constant %05b): %v\n%s", stmt, rows, constant, err, query)
		}
	}
	sharing := 0
	for shape := range b.sql {
		if shape.shared != 0 {
			sharing++
		}
	}
	if sharing != maxBulkShapes {
		t.Errorf("%d statements with shared columns prepared, want the limit, %d", sharing, maxBulkShapes)
	}
	rows, err := s.db.Query(`SELECT a, b, c, d, e FROM bulk ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		vals, err := scanValues(rows, width)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprint(vals...))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stored rows differ:\n got  %s\n want %s", strings.Join(got, "|"), strings.Join(want, "|"))
	}
}

// TestBulkInsertBindsSharedValuesOnce: on an order sheet's rows the batch, the time
// and the columns the sheet lacks are bound once per statement.
func TestBulkInsertBindsSharedValuesOnce(t *testing.T) {
	b := newBulkInsert(`INSERT INTO t (a, b, c) VALUES `, "", 3)
	query, args := b.statement([]any{int64(1), "x", "same", int64(2), "y", "same", int64(3), "z", "same"})
	const wantQuery = `INSERT INTO t (a, b, c) VALUES (?2,?3,?1),(?,?,?1),(?,?,?1)`
	want := []any{"same", int64(1), "x", int64(2), "y", int64(3), "z"}
	if query != wantQuery || !reflect.DeepEqual(args, want) {
		t.Errorf("got %s %v, want %s %v", query, args, wantQuery, want)
	}
}
