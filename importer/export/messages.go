package export

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"shopcrm/data"
	"shopcrm/importer/field"
)

// A message sheet (短信表) is what a bulk SMS tool reads: one row per buyer with their
// phone, their name and the message filled for them.

// MessagesSheet names the message sheet's one sheet.
const MessagesSheet = "短信"

// MessageText is the 内容 column's field: a buyer's filled message.
const MessageText field.Key = "message:text"

// MessageColumns are the message sheet's columns, in order.
var MessageColumns = []Column{{"手机号", field.Phone}, {"姓名", field.Name}, {"内容", MessageText}}

// Messages writes the message sheet to w, one row per row rows yields (a row with Left
// set is a buyer left out: it has no row), and returns how many it wrote. Every cell is a text cell (a phone keeps its leading digits and never
// becomes 1.38E+10; a message starting with "=" is text, never a formula), and rows
// are streamed as the archive's are.
func Messages(w io.Writer, rows func(yield func(data.MessageRow) error) error) (n int, err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("export: clean up: %w", cerr)
		}
	}()
	if err := f.SetSheetName(f.GetSheetName(0), MessagesSheet); err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	st, err := newStyles(f)
	if err != nil {
		return 0, fmt.Errorf("export: styles: %w", err)
	}
	sw, err := newSheetWriter(f, MessagesSheet, MessageColumns, st, nil)
	if err != nil {
		return 0, err
	}
	err = sw.stream(func(put func(func(field.Key) any) error) error {
		return rows(func(r data.MessageRow) error {
			if r.Left != "" {
				return nil
			}
			n++
			return put(func(k field.Key) any {
				switch k {
				case field.Phone:
					return r.Phone
				case field.Name:
					return r.Name
				}
				return r.Text
			})
		})
	}, func(int) {})
	if err != nil {
		return 0, fmt.Errorf("export messages: %w", err)
	}
	refs := map[string]string{}
	if err := sw.close(refs); err != nil {
		return 0, err
	}
	return n, writeThrough(f, w, refs)
}
