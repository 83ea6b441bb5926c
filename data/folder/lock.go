package folder

import (
	"fmt"
	"os"
	"path/filepath"

	"shopcrm/data"
)

// LockFileName is the lock file in the data folder. It only ever holds an OS lock;
// the operating system releases that lock when the process ends, crash or kill
// included, so a stale file never blocks the next start.
const LockFileName = "shopcrm.lock"

// Lock is the held one-instance lock of one data folder.
type Lock struct{ f *os.File }

// TakeLock takes the data folder's lock without waiting: data.ErrLocked when another
// process (or another store in this one) holds it.
func TakeLock(dir string) (*Lock, error) {
	f, err := os.OpenFile(filepath.Join(dir, LockFileName), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open lock file: %w", data.ClassifyIO(err))
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, err
	}
	return &Lock{f: f}, nil
}

// Release gives the lock back. Safe on nil and more than once.
func (l *Lock) Release() {
	if l == nil || l.f == nil {
		return
	}
	unlockFile(l.f)
	l.f.Close()
	l.f = nil
}
