//go:build !linux && !darwin && !windows

package folder

// onNetworkFS cannot tell on this system; path names still catch sync folders.
func onNetworkFS(string) bool { return false }
