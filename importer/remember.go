package importer

import (
	"context"
	"encoding/json"
	"io"

	"github.com/xuri/excelize/v2"

	"shopcrm/data"
	"shopcrm/importer/field"
)

// mappingSettingPrefix keys remembered mappings in the settings table by header signature.
const mappingSettingPrefix = "mapping:"

// RememberMapping stores the seller's corrected mapping for sheets with this header.
func RememberMapping(ctx context.Context, s Store, m *Mapping) error {
	b, err := json.Marshal(m.Fields)
	if err != nil {
		return err
	}
	return s.SetSetting(ctx, mappingSettingPrefix+m.Signature(), string(b))
}

// RecallMapping applies a remembered mapping for this header, if there is one, and
// reports whether it did. A ShopCRM archive's sheets keep the mapping their column
// map gives.
func RecallMapping(ctx context.Context, s Store, m *Mapping) (bool, error) {
	if m.Archive {
		return false, nil
	}
	v, err := s.Setting(ctx, mappingSettingPrefix+m.Signature(), "")
	if err != nil || v == "" {
		return false, err
	}
	var fields []field.Key
	if json.Unmarshal([]byte(v), &fields) != nil || len(fields) != len(m.Headers) {
		return false, nil
	}
	m.Fields = fields
	return true, nil
}

// IssueHeaders are the column titles of a problem report, in the seller's language.
type IssueHeaders struct{ Sheet, Row, Column, Reason, Value string }

// WriteIssues saves the row problems of an import as an xlsx sheet the seller can
// work through; reason translates a reason code into a sentence. Values are written
// as text cells, never as formulas.
func WriteIssues(w io.Writer, issues []data.RowIssue, h IssueHeaders, reason func(string) string) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Sheet1"
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, width := range []float64{12, 8, 18, 60, 30} {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{h.Sheet, h.Row, h.Column, h.Reason, h.Value}); err != nil {
		return err
	}
	for i, is := range issues {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, []any{is.Sheet, is.Row, is.Column, reason(is.Reason), is.Value}); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}
