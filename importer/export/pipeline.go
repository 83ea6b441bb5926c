package export

import (
	"errors"
	"fmt"

	"github.com/xuri/excelize/v2"

	"shopcrm/importer/field"
)

// batchRows is how many rows travel together from the reading goroutine to the
// writing one: enough to make the hand-over cheap, few enough to keep memory flat.
const batchRows = 256

// batches is how many batches exist: one being filled, the others written or waiting.
const batches = 3

// batch is rows of cells, len(cols) cells a row.
type batch struct {
	cells []excelize.Cell
	rows  int
}

// errWriterStopped ends the reading side when the writing side has failed.
var errWriterStopped = errors.New("export: the sheet writer stopped")

// stream writes the rows walk produces. walk runs on a goroutine of its own and calls
// put once per row with the row's value by field; put turns the values into cells
// there, so the store's walk and the cell values take one core while this goroutine
// writes the XML on another. report is told how many rows went in after each batch.
// The first error of either side is returned; a panic in walk comes back as an error.
func (s *sheetWriter) stream(walk func(put func(value func(field.Key) any) error) error, report func(rows int)) error {
	n := len(s.cols)
	if n == 0 {
		return walk(func(func(field.Key) any) error { return nil })
	}
	free := make(chan *batch, batches)
	full := make(chan *batch, batches)
	for range batches {
		free <- &batch{cells: make([]excelize.Cell, batchRows*n)}
	}
	stop := make(chan struct{})
	walked := make(chan error, 1)
	go func() {
		var b *batch
		take := func() error {
			select {
			case b = <-free:
				b.rows = 0
				return nil
			case <-stop:
				return errWriterStopped
			}
		}
		err := func() (err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("export: %v", r)
				}
			}()
			if err := take(); err != nil {
				return err
			}
			return walk(func(value func(field.Key) any) error {
				if b.rows == batchRows {
					full <- b
					if err := take(); err != nil {
						return err
					}
				}
				row := b.cells[b.rows*n : (b.rows+1)*n]
				for i, c := range s.cols {
					row[i] = s.cell(value(c.Field))
				}
				b.rows++
				return nil
			})
		}()
		if err == nil && b != nil && b.rows > 0 {
			full <- b
		}
		close(full)
		walked <- err
	}()

	var werr error
	for b := range full {
		failed := werr != nil
		for i := 0; i < b.rows && werr == nil; i++ {
			werr = s.write(b.cells[i*n : (i+1)*n])
		}
		switch {
		case werr == nil:
			report(b.rows)
		case !failed:
			close(stop)
		}
		free <- b
	}
	if err := <-walked; werr == nil {
		return err
	}
	return werr
}
