//go:build unix

package folder

import (
	"errors"
	"fmt"
	"os"
	"syscall"

	"shopcrm/data"
)

// lockFile takes an exclusive flock. flock locks belong to the open file, so a second
// Open in the same process is refused too, and the kernel drops the lock when the
// process dies.
func lockFile(f *os.File) error {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) || errors.Is(err, syscall.EAGAIN) {
		return data.ErrLocked
	}
	if errors.Is(err, syscall.ENOLCK) || errors.Is(err, syscall.EOPNOTSUPP) || errors.Is(err, syscall.ENOSYS) {
		// Some network file systems have no locks: start anyway (Settings warns
		// about data folders on network shares).
		return nil
	}
	if err != nil {
		return fmt.Errorf("lock data folder: %w", err)
	}
	return nil
}

func unlockFile(f *os.File) { syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }
