package ui_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"shopcrm/gui/internal/guitest"
	"shopcrm/gui/ui"
)

// TestExportProgressShowsRowsAndCancels: the export dialog shows how many rows are
// written; 取消 cancels the export's context, says so, and leaves no file where the
// save dialog had created an empty one. (The export runs on the test's goroutine,
// through a job queue, and taps 取消 itself half-way.)
func TestExportProgressShowsRowsAndCancels(t *testing.T) {
	_, w := guitest.Window(t, "zh")
	path := filepath.Join(t.TempDir(), "客户档案.xlsx")
	if err := os.WriteFile(path, nil, 0o600); err != nil { // what the save dialog leaves
		t.Fatal(err)
	}
	var q guitest.JobQueue
	var stopped error
	ui.RunWithProgress(w, q.Spawn, "导出完成", path, func(ctx context.Context, progress func(int, int)) (string, error) {
		progress(300, 1200)
		rows := lang.L("export.progress.rows", map[string]any{"Done": 300, "Total": 1200})
		if !guitest.HasText(w, rows) {
			t.Errorf("the dialog does not show %q", rows)
		}
		test.Tap(guitest.Button(t, w, lang.L("action.cancel")))
		stopped = ctx.Err()
		return "", stopped
	})
	q.RunUntil(func() bool { return false })
	if !errors.Is(stopped, context.Canceled) {
		t.Fatalf("after 取消 the export's context: %v, want context.Canceled", stopped)
	}
	if !guitest.HasTextContaining(w, lang.L("export.cancelled")) {
		t.Errorf("no %q message", lang.L("export.cancelled"))
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the empty file is still there (%v), want it removed", err)
	}
}

// TestExportProgressFinishesWithTheMessage: a finished export shows its message, and
// the file it wrote stays.
func TestExportProgressFinishesWithTheMessage(t *testing.T) {
	_, w := guitest.Window(t, "zh")
	path := filepath.Join(t.TempDir(), "客户档案.xlsx")
	var q guitest.JobQueue
	ui.RunWithProgress(w, q.Spawn, "导出完成", path, func(ctx context.Context, progress func(int, int)) (string, error) {
		progress(1200, 1200)
		if want := lang.L("export.progress.finishing", map[string]any{"Done": 1200, "Total": 1200}); !guitest.HasText(w, want) {
			t.Errorf("the dialog does not show %q", want)
		}
		return "已导出 3 位客户", os.WriteFile(path, []byte("xlsx"), 0o600)
	})
	q.RunUntil(func() bool { return false })
	if !guitest.HasTextContaining(w, "已导出 3 位客户") {
		t.Error("no done message")
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "xlsx" {
		t.Errorf("file: %q, %v; want the export kept", b, err)
	}
}
