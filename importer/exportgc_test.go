package importer

import (
	"runtime/debug"
	"testing"
)

// TestLowerGCPercentRestoresAfterTheLastExport: overlapping exports lower the GC target
// once and put the seller's setting back after the last one, whatever the order they
// end in; a lower setting is left alone.
func TestLowerGCPercentRestoresAfterTheLastExport(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	a := lowerGCPercent()
	b := lowerGCPercent()
	if got := debug.SetGCPercent(exportGCPercent); got != exportGCPercent {
		t.Errorf("during two exports: GC percent %d, want %d", got, exportGCPercent)
	}
	a()
	if got := debug.SetGCPercent(exportGCPercent); got != exportGCPercent {
		t.Errorf("after the first ended: GC percent %d, want %d", got, exportGCPercent)
	}
	b()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("after both ended: GC percent %d, want 100 back", got)
	}
	debug.SetGCPercent(20)
	lowerGCPercent()()
	if got := debug.SetGCPercent(100); got != 20 {
		t.Errorf("with a lower setting: GC percent %d, want 20 kept", got)
	}
}
