//go:build !unix && !windows

package folder

import "os"

// lockFile is a no-op where the OS has no advisory file locks (js/wasm, plan9).
func lockFile(*os.File) error { return nil }

func unlockFile(*os.File) {}
