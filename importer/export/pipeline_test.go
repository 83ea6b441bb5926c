package export

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shopcrm/data"
	"shopcrm/importer/field"
)

// manyCustomers yields n customers named buyer0 … buyer(n-1), then fails with err
// when it is not nil.
func manyCustomers(n int, err error) func(func(*data.Customer) error) error {
	return func(yield func(*data.Customer) error) error {
		for i := range n {
			if e := yield(&data.Customer{Platform: data.PlatformTaobao, Nick: fmt.Sprintf("buyer%d", i)}); e != nil {
				return e
			}
		}
		return err
	}
}

// TestArchiveStreamsRowsInOrderAndReportsProgress: rows read on one goroutine and
// written on another arrive complete and in order, across many batches and a partial
// last one, and progress counts every row once, ending at the total.
func TestArchiveStreamsRowsInOrderAndReportsProgress(t *testing.T) {
	const n = 3*batchRows + 17
	var buf bytes.Buffer
	var reported []int
	err := ArchiveProgress(&buf, DefaultLayout(), cst, manyCustomers(n, nil), nil, func(rows int) { reported = append(reported, rows) })
	if err != nil {
		t.Fatal(err)
	}
	rows, err := open(t, buf.Bytes()).GetRows(CustomersSheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != n+1 {
		t.Fatalf("got %d rows, want %d and the header", len(rows)-1, n)
	}
	for i, r := range rows[1:] {
		if want := fmt.Sprintf("buyer%d", i); len(r) < 2 || r[1] != want {
			t.Fatalf("row %d: got %v, want nick %s", i+2, r, want)
		}
	}
	if len(reported) == 0 || reported[len(reported)-1] != n {
		t.Errorf("progress: got %v, want it to end at %d", reported, n)
	}
	for i := 1; i < len(reported); i++ {
		if reported[i] <= reported[i-1] {
			t.Errorf("progress went %d → %d, want it to grow", reported[i-1], reported[i])
		}
	}
}

// TestArchiveStreamFailures: an iterator failing after many rows, and one that panics,
// end the export with an error and no workbook, on either sheet.
func TestArchiveStreamFailures(t *testing.T) {
	errGone := errors.New("database went away")
	panics := func(func(*data.Customer) error) error { panic("boom") }
	tradesFail := func(yield func(*data.Trade, *data.Customer) error) error {
		c := &data.Customer{Nick: "a"}
		for range 2*batchRows + 5 {
			if err := yield(&data.Trade{OrderNo: "1"}, c); err != nil {
				return err
			}
		}
		return errGone
	}
	for _, tt := range []struct {
		name      string
		customers func(func(*data.Customer) error) error
		trades    func(func(*data.Trade, *data.Customer) error) error
		want      string
	}{
		{"customers fail after many rows", manyCustomers(5*batchRows+3, errGone), nil, errGone.Error()},
		{"trades fail after many rows", manyCustomers(3, nil), tradesFail, errGone.Error()},
		{"a panicking walk", panics, nil, "boom"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Archive(&buf, DefaultLayout(), cst, tt.customers, tt.trades)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error saying %q", err, tt.want)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes, want no workbook", buf.Len())
			}
		})
	}
}

// TestStreamStopsTheWalkWhenTheWriterFails: when writing fails (here Excel's row limit
// reached mid-sheet) the reading goroutine is stopped instead of walking on or hanging.
func TestStreamStopsTheWalkWhenTheWriterFails(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		t.Fatal(err)
	}
	s, err := newSheetWriter(f, "Sheet1", DefaultLayout().Customers, st, cst)
	if err != nil {
		t.Fatal(err)
	}
	s.rows = excelize.TotalRows - 10
	walked := 0
	err = s.stream(func(put func(func(field.Key) any) error) error {
		for range 100 * batchRows {
			if err := put(func(field.Key) any { return "x" }); err != nil {
				return err
			}
			walked++
		}
		return nil
	}, func(int) {})
	if !errors.Is(err, ErrTooManyRows) {
		t.Errorf("got %v, want %v", err, ErrTooManyRows)
	}
	if walked >= 100*batchRows {
		t.Errorf("the walk went on to its end (%d rows), want it stopped", walked)
	}
}
