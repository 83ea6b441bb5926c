package sqlite

import (
	"os"
	"path/filepath"
	"strings"

	"shopcrm/data"
)

// rotateBackups deletes the backups rotation no longer keeps, and leftovers of backups
// that were interrupted (a crash during VACUUM INTO).
func rotateBackups(dir string) error {
	list, err := ListBackups(filepath.Dir(dir))
	if err != nil {
		return err
	}
	for _, b := range expiredBackups(list) {
		if err := os.Remove(b.Path); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".partial") {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
	return nil
}

// expiredBackups picks, from a newest-first list, what rotation drops: daily backups
// beyond the newest 7 except the newest of each of the 4 weeks before them, manual
// backups beyond the newest 10, and operation backups beyond the newest 10.
func expiredBackups(list []*data.BackupInfo) []*data.BackupInfo {
	var out []*data.BackupInfo
	daily, manual, ops := 0, 0, 0
	weeks := map[[2]int]bool{}
	for _, b := range list {
		keep := false
		switch b.Kind {
		case data.BackupDaily:
			daily++
			if daily <= keepDaily {
				keep = true
				break
			}
			y, w := b.At.Local().ISOWeek()
			wk := [2]int{y, w}
			if !weeks[wk] && len(weeks) < keepWeekly {
				weeks[wk] = true
				keep = true
			}
		case data.BackupManual:
			manual++
			keep = manual <= keepManual
		default:
			ops++
			keep = ops <= keepOperation
		}
		if !keep {
			out = append(out, b)
		}
	}
	return out
}
