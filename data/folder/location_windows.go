package folder

import (
	"path/filepath"

	"golang.org/x/sys/windows"
)

// onNetworkFS reports whether the path's drive is a mapped network drive.
func onNetworkFS(path string) bool {
	vol := filepath.VolumeName(path)
	if vol == "" {
		return false
	}
	root, err := windows.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return false
	}
	return windows.GetDriveType(root) == windows.DRIVE_REMOTE
}
