package export

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"shopcrm/data"
)

// A message sheet reads back with excelize as exactly its rows under 手机号, 姓名, 内容,
// every cell a string, and no row for a buyer left out: a landline keeps its leading 0, an 11-digit phone stays
// digits, a message that looks like a formula stays text.
func TestMessagesReadBackAsText(t *testing.T) {
	rows := []data.MessageRow{
		{Phone: "13812345678", Name: "王小明", Text: "王小明您好，春节快乐！"},
		{Phone: "0571-88886666", Name: "赵敏", Text: "=1+1 不是公式"},
		{Phone: "+8613800138000", Name: "Ann", Text: "Hi Ann,\nhappy holidays"},
	}
	var buf bytes.Buffer
	n, err := Messages(&buf, func(yield func(data.MessageRow) error) error {
		for _, r := range rows {
			if err := yield(r); err != nil {
				return err
			}
			if err := yield(data.MessageRow{Left: data.LeftOptedOut}); err != nil { // a buyer left out: no row
				return err
			}
		}
		return nil
	})
	if err != nil || n != len(rows) {
		t.Fatalf("wrote %d rows, %v; want %d", n, err, len(rows))
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := f.GetRows(MessagesSheet)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"手机号", "姓名", "内容"}}
	for _, r := range rows {
		want = append(want, []string{r.Phone, r.Name, r.Text})
	}
	if len(got) != len(want) {
		t.Fatalf("got %d rows, want %d: %q", len(got), len(want), got)
	}
	for i := range want {
		for j := range want[i] {
			if got[i][j] != want[i][j] {
				t.Errorf("row %d col %d: %q, want %q", i+1, j+1, got[i][j], want[i][j])
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if ct, err := f.GetCellType(MessagesSheet, cell); err != nil || (ct != excelize.CellTypeSharedString && ct != excelize.CellTypeInlineString) {
				t.Errorf("%s is of type %v (%v), want a string cell", cell, ct, err)
			}
			if formula, _ := f.GetCellFormula(MessagesSheet, cell); formula != "" {
				t.Errorf("%s has formula %q", cell, formula)
			}
		}
	}
}
