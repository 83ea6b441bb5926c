package importer

import (
	"context"
	"io"

	"shopcrm/data"
	"shopcrm/importer/export"
)

// MessageStore is what writing a message sheet asks of the archive.
type MessageStore interface {
	// MessageRows yields each buyer's phone, name and filled message and counts those
	// left out.
	MessageRows(ctx context.Context, spec data.OutreachSpec, words data.GapWords, fn func(data.MessageRow) error) (data.LeftOut, error)
	// CountOutreach is how many buyers MessageRows walks, for the progress.
	CountOutreach(ctx context.Context, spec data.OutreachSpec) (int, error)
	Audit(ctx context.Context, action data.AuditAction, count int, detail string) error
}

// MessageFile writes the message sheet of spec (手机号, 姓名, 内容, one row per buyer
// with a full phone) to path, written beside it and renamed into place, and returns
// the rows written and the buyers left out by reason; words words {升级差额}. progress (nil for none) is told
// how many of the group's buyers are done, at most once per thousandth.
func MessageFile(ctx context.Context, store MessageStore, path string, spec data.OutreachSpec, words data.GapWords, progress ExportProgress) (int, data.LeftOut, error) {
	var left data.LeftOut
	var n int
	report := func(int) {}
	if progress != nil {
		total, err := store.CountOutreach(ctx, spec)
		if err != nil {
			return 0, left, err
		}
		total, last := max(total, 1), -1
		progress(0, total)
		report = func(done int) {
			if step := done * 1000 / total; step != last {
				last = step
				progress(min(done, total), total)
			}
		}
	}
	err := writeFile(ctx, path, func(w io.Writer) error {
		var err error
		done := 0
		n, err = export.Messages(w, func(yield func(data.MessageRow) error) error {
			var rerr error
			left, rerr = store.MessageRows(ctx, spec, words, func(r data.MessageRow) error {
				done++
				report(done)
				return yield(r)
			})
			return rerr
		})
		return err
	})
	if err != nil {
		return 0, left, err
	}
	return n, left, store.Audit(ctx, data.AuditExport, n, "message sheet")
}
