package sqlite

import (
	"encoding/json"
	"os"
	"path/filepath"
	"time"
)

// cleanMarkerName is written beside the database when a store closes cleanly. It
// records the day of the last quick_check and the file's size and modification time
// at close, so that reopening the same day a file nobody has touched since does not
// read the whole archive again (seconds for 200,000 customers). A crash leaves no
// marker (Open removes it), a sync tool or a copy changes the size or time, and a new
// day checks again: each of those runs the full quick_check.
const cleanMarkerName = "shopcrm.clean"

// cleanMarker is the marker's content.
type cleanMarker struct {
	CheckedOn string `json:"checked_on"` // local day of the last quick_check, 2006-01-02
	Size      int64  `json:"size"`
	ModTime   int64  `json:"mod_time"` // UnixNano
}

// takeCleanMarker reads and removes the marker; it reports the day of the last check
// when the database is still exactly as it was closed ("" otherwise).
func takeCleanMarker(dir string) string {
	path := filepath.Join(dir, cleanMarkerName)
	body, err := os.ReadFile(path)
	os.Remove(path)
	if err != nil {
		return ""
	}
	var m cleanMarker
	if json.Unmarshal(body, &m) != nil {
		return ""
	}
	st, err := os.Stat(filepath.Join(dir, DBFileName))
	if err != nil || st.Size() != m.Size || st.ModTime().UnixNano() != m.ModTime {
		return ""
	}
	if fileExists(filepath.Join(dir, DBFileName+"-wal")) {
		return "" // a clean close leaves no write-ahead log behind
	}
	return m.CheckedOn
}

// writeCleanMarker records a clean close of a store checked on day checkedOn.
func writeCleanMarker(dir, checkedOn string) {
	if checkedOn == "" {
		return
	}
	st, err := os.Stat(filepath.Join(dir, DBFileName))
	if err != nil {
		return
	}
	body, _ := json.Marshal(cleanMarker{CheckedOn: checkedOn, Size: st.Size(), ModTime: st.ModTime().UnixNano()})
	os.WriteFile(filepath.Join(dir, cleanMarkerName), body, 0o600) // best effort: no marker only means a check next time
}

// localDay is the local calendar day of t.
func localDay(t time.Time) string { return t.Local().Format("2006-01-02") }
