package folder

import "syscall"

// onNetworkFS reports whether the path (or its nearest existing parent) is on a
// network file system (NFS, SMB, AFP, WebDAV).
func onNetworkFS(path string) bool {
	var st syscall.Statfs_t
	for p := path; ; p = parentDir(p) {
		if syscall.Statfs(p, &st) == nil {
			name := make([]byte, 0, len(st.Fstypename))
			for _, c := range st.Fstypename {
				if c == 0 {
					break
				}
				name = append(name, byte(c))
			}
			switch string(name) {
			case "nfs", "smbfs", "afpfs", "webdav", "cifs":
				return true
			}
			return false
		}
		if parentDir(p) == p {
			return false
		}
	}
}
