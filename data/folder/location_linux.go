package folder

import "syscall"

// Linux statfs magic numbers of network and FUSE file systems (sshfs, rclone, …).
var networkFSTypes = map[int64]bool{
	0x6969:     true, // NFS
	0x517B:     true, // SMB
	0xFF534D42: true, // CIFS
	0xFE534D42: true, // SMB2
	0x65735546: true, // FUSE
	0x564c:     true, // NCP
	0x73757245: true, // Coda
	0x5346414f: true, // AFS
}

// onNetworkFS reports whether the path (or its nearest existing parent) is on a
// network file system.
func onNetworkFS(path string) bool {
	var st syscall.Statfs_t
	for p := path; ; p = parentDir(p) {
		if syscall.Statfs(p, &st) == nil {
			return networkFSTypes[int64(st.Type)]
		}
		if parentDir(p) == p {
			return false
		}
	}
}
