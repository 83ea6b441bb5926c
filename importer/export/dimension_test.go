package export

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shopcrm/data"
)

var (
	dimensionRE = regexp.MustCompile(`<dimension ref="([^"]*)"\s*(?:/>|></dimension>)`)
	cellRefRE   = regexp.MustCompile(`<c r="([A-Z]+)([0-9]+)"`)
)

// usedRange is the range spanned by the cells a worksheet's XML really holds, worked
// out from every <c r="…"> of the sheet ("A1" for a sheet without cells).
func usedRange(t *testing.T, body string) string {
	t.Helper()
	minCol, minRow, maxCol, maxRow := 0, 0, 0, 0
	for _, m := range cellRefRE.FindAllStringSubmatch(body, -1) {
		col, row, err := excelize.CellNameToCoordinates(m[1] + m[2])
		if err != nil {
			t.Fatalf("cell %s%s: %v", m[1], m[2], err)
		}
		if minCol == 0 || col < minCol {
			minCol = col
		}
		if minRow == 0 || row < minRow {
			minRow = row
		}
		maxCol, maxRow = max(maxCol, col), max(maxRow, row)
	}
	if maxRow == 0 {
		return "A1"
	}
	from, _ := excelize.CoordinatesToCellName(minCol, minRow)
	to, _ := excelize.CoordinatesToCellName(maxCol, maxRow)
	if from == to {
		return from
	}
	return from + ":" + to
}

// TestArchiveWritesEachSheetsRealDimension: readers that trust <dimension> (instead of
// reading every row) must see every cell, on every sheet, the hidden column map
// included, whatever the number of rows and columns.
func TestArchiveWritesEachSheetsRealDimension(t *testing.T) {
	cs, ts := sample()
	var many []*data.Customer
	for i := range 1200 {
		many = append(many, &data.Customer{Platform: data.PlatformTaobao, Nick: fmt.Sprintf("buyer%d", i)})
	}
	for _, tt := range []struct {
		name      string
		layout    Layout
		customers []*data.Customer
		trades    []ownedTrade
	}{
		{"the sample shop", sampleLayout(), cs, ts},
		{"no rows, headers only", DefaultLayout(), nil, nil},
		{"a thousand rows, two columns", Layout{Customers: DefaultLayout().Customers[:2], Trades: DefaultLayout().Trades[:1]}, many, nil},
		{"one customer column", Layout{Customers: DefaultLayout().Customers[1:2], Trades: DefaultLayout().Trades}, cs[:1], ts[:1]},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := write(t, tt.layout, tt.customers, tt.trades)
			zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				t.Fatal(err)
			}
			sheets := 0
			for _, zf := range zr.File {
				if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
					continue
				}
				sheets++
				rc, err := zf.Open()
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(rc)
				rc.Close()
				m := dimensionRE.FindStringSubmatch(string(body))
				want := usedRange(t, string(body))
				if m == nil {
					t.Errorf("%s: no <dimension>, want %q", zf.Name, want)
				} else if m[1] != want {
					t.Errorf("%s: <dimension ref=%q>, want the cells' range %q", zf.Name, m[1], want)
				}
			}
			if sheets != 3 {
				t.Errorf("got %d worksheets, want 3", sheets)
			}
		})
	}
}
