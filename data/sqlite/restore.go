package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"shopcrm/data"
	"shopcrm/data/folder"

	"modernc.org/sqlite"
)

// restorer is the part of the driver's connection that copies a whole database in.
type restorer interface {
	NewRestore(srcURI string) (*sqlite.Backup, error)
}

// Restore replaces the whole database with a backup. The backup is verified first and
// the current state is backed up (kind "restore") before anything changes; the copy
// runs with SQLite's online backup API as one write transaction, so a crash or kill
// during it leaves the old database whole. Migrations then bring an older backup up
// to date, and the restore is written to the audit log.
func (s *Store) Restore(ctx context.Context, path string) error {
	if err := VerifyBackup(ctx, path); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	// Rotation waits until the chosen file is copied in: it may be the one it drops.
	if _, err := s.backupLocked(ctx, data.BackupRestore, false); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	src, done, err := s.inPageSize(ctx, path)
	if err != nil {
		return fmt.Errorf("restore: %w", data.Classify(err))
	}
	err = s.restoreFrom(ctx, src)
	done()
	if err != nil {
		return fmt.Errorf("restore: %w", data.Classify(err))
	}
	if err := rotateBackups(BackupDir(s.dir)); err != nil {
		return fmt.Errorf("rotate backups: %w", err)
	}
	if err := s.migrate(ctx); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	if err := s.resumeIndexing(ctx); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	return s.Audit(ctx, data.AuditBackupRestore, 1, "")
}

func (s *Store) restoreFrom(ctx context.Context, path string) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		r, ok := dc.(restorer)
		if !ok {
			return fmt.Errorf("driver cannot restore")
		}
		b, err := r.NewRestore(readOnlyDSN(path))
		if err != nil {
			return err
		}
		for more := true; more; {
			if more, err = b.Step(-1); err != nil {
				b.Finish()
				return err
			}
		}
		return b.Finish()
	})
}

// RestoreDamaged puts a backup in place of a damaged database in the data folder dir,
// without opening the damaged file: it is kept beside as shopcrm.db.damaged-<time> for
// support, and the backup is copied in under a temporary name and renamed over it, so
// a crash leaves either the old file or the new one. It takes the folder's lock.
func RestoreDamaged(ctx context.Context, dir, backup string) error {
	if err := VerifyBackup(ctx, backup); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	lock, err := folder.TakeLock(dir)
	if err != nil {
		return err
	}
	defer lock.Release()
	dbPath := filepath.Join(dir, DBFileName)
	tmp := dbPath + ".restoring"
	if err := copyFile(backup, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("restore: %w", data.Classify(err))
	}
	stamp := time.Now().UTC().Format(backupStamp)
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if fileExists(dbPath + suffix) {
			if err := os.Rename(dbPath+suffix, dbPath+".damaged-"+stamp+suffix); err != nil {
				os.Remove(tmp)
				return fmt.Errorf("restore: %w", data.Classify(err))
			}
		}
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		return fmt.Errorf("restore: %w", data.Classify(err))
	}
	syncDir(dir)
	return nil
}

// copyFile copies src to dst and flushes it to the disk.
func copyFile(src, dst string) error {
	in, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(in); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
