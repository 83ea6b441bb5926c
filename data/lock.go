package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// LockFileName is the lock file in the data folder. It only ever holds an OS lock;
// the operating system releases that lock when the process ends, crash or kill
// included, so a stale file never blocks the next start.
const LockFileName = "shopcrm.lock"

// ErrLocked means another ShopCRM (window or command) already has this data folder open.
var ErrLocked = errors.New("data folder is in use by another ShopCRM")

// folderLock is the held lock of one data folder.
type folderLock struct{ f *os.File }

// lockFolder takes the data folder's lock without waiting: ErrLocked when another
// process (or another Store in this one) holds it.
func lockFolder(dir string) (*folderLock, error) {
	f, err := os.OpenFile(filepath.Join(dir, LockFileName), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open lock file: %w", classifyIOError(err))
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, err
	}
	return &folderLock{f: f}, nil
}

// release gives the lock back. Safe on nil and more than once.
func (l *folderLock) release() {
	if l == nil || l.f == nil {
		return
	}
	unlockFile(l.f)
	l.f.Close()
	l.f = nil
}
