package importer

import (
	"runtime/debug"
	"sync"
)

// exportGCPercent is the collector's target while an export runs: a new cycle once the
// heap grew by 50% instead of Go's default 100%. An export's live heap is mostly the
// stream writer's sheet buffers (about 20 MB a sheet, kept until the file is written)
// and the trades' owners; everything else it allocates dies within a row, so
// collecting a little sooner costs little work and keeps its peak memory down.
const exportGCPercent = 50

var exportGC struct {
	sync.Mutex
	running int // exports running
	before  int // the GC percent before the first of them
}

// lowerGCPercent sets exportGCPercent (unless the setting is lower already) until the
// returned function is called; overlapping exports restore it once, after the last.
func lowerGCPercent() (restore func()) {
	exportGC.Lock()
	defer exportGC.Unlock()
	if exportGC.running == 0 {
		exportGC.before = debug.SetGCPercent(exportGCPercent)
		if exportGC.before >= 0 && exportGC.before < exportGCPercent {
			debug.SetGCPercent(exportGC.before)
		}
	}
	exportGC.running++
	return func() {
		exportGC.Lock()
		defer exportGC.Unlock()
		if exportGC.running--; exportGC.running == 0 {
			debug.SetGCPercent(exportGC.before)
		}
	}
}
