package folder

import (
	"path/filepath"
	"strings"
)

// syncedFolderMarks are path parts of folders that sync services copy around. SQLite
// in such a folder gets torn copies and conflicting versions; on a network share its
// locks are unreliable.
var syncedFolderMarks = []struct{ mark, service string }{
	{"onedrive", "OneDrive"},
	{"dropbox", "Dropbox"},
	{"mobile documents", "iCloud Drive"},
	{"icloud drive", "iCloud Drive"},
	{"iclouddrive", "iCloud Drive"},
	{"nutstore", "坚果云"},
	{"坚果云", "坚果云"},
	{"我的坚果云", "坚果云"},
	{"google drive", "Google Drive"},
	{"googledrive", "Google Drive"},
	{"baidunetdisk", "百度网盘"},
	{"百度网盘", "百度网盘"},
	{"box sync", "Box"},
	{"seafile", "Seafile"},
	{"nextcloud", "Nextcloud"},
	{"owncloud", "ownCloud"},
	{"syncthing", "Syncthing"},
	{"wps云盘", "WPS 云盘"},
	{"wpsdrive", "WPS 云盘"},
}

// Network is the service name Synced gives a network share (NFS, SMB).
const Network = "network"

// Synced names the sync service (OneDrive, Dropbox, iCloud Drive, 坚果云, …) or
// Network when dir lies in a cloud-synced folder or on a network share, and ""
// for a plain local folder. It is a warning, not a refusal: the seller may know better.
func Synced(dir string) string {
	if strings.HasPrefix(dir, `\\`) || strings.HasPrefix(dir, "//") {
		return Network // a UNC path: \\server\share
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	for _, part := range strings.FieldsFunc(strings.ToLower(abs), func(r rune) bool { return r == '/' || r == '\\' }) {
		for _, m := range syncedFolderMarks {
			if part == m.mark || strings.HasPrefix(part, m.mark+" ") || strings.HasPrefix(part, m.mark+"-") ||
				strings.HasPrefix(part, m.mark+"(") || strings.HasPrefix(part, m.mark+"（") {
				return m.service
			}
		}
	}
	if onNetworkFS(abs) {
		return Network
	}
	return ""
}

// parentDir is the folder above p (p itself at the root).
func parentDir(p string) string { return filepath.Dir(p) }
