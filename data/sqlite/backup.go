package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"shopcrm/data"
)

// BackupDirName is the folder of backups inside the data folder.
const BackupDirName = "backups"

// Rotation limits.
const (
	keepDaily     = 7
	keepWeekly    = 4
	keepManual    = 10
	keepOperation = 10
)

// backupStamp is the UTC time in a backup's file name: sortable, no colons (Windows).
const backupStamp = "20060102-150405"

// BackupDir is where the backups of the data folder dir live.
func BackupDir(dir string) string { return filepath.Join(dir, BackupDirName) }

// Backup copies the whole database with VACUUM INTO into the backups folder, checks the
// copy by opening it and running quick_check, and only then gives it its final name;
// older backups are then rotated out. A failed backup leaves no file behind.
func (s *Store) Backup(ctx context.Context, kind data.BackupKind) (*data.BackupInfo, error) {
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	return s.backupLocked(ctx, kind, true)
}

// backupLocked takes a backup with backupMu held; rotate drops expired backups after.
func (s *Store) backupLocked(ctx context.Context, kind data.BackupKind, rotate bool) (*data.BackupInfo, error) {
	dir := BackupDir(s.dir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create backup folder: %w", data.Classify(err))
	}
	at := s.now().Truncate(time.Second)
	final := freeBackupName(dir, at, kind)
	tmp := final + ".partial"
	os.Remove(tmp)
	if err := s.vacuumInto(ctx, tmp); err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("backup: %w", data.Classify(err))
	}
	if err := VerifyBackup(ctx, tmp); err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("backup: %w", err)
	}
	if err := syncFile(tmp); err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("backup: %w", data.Classify(err))
	}
	if err := os.Rename(tmp, final); err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("backup: %w", data.Classify(err))
	}
	syncDir(dir)
	st, err := os.Stat(final)
	if err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	if !rotate {
		return &data.BackupInfo{Path: final, Kind: kind, At: at, Size: st.Size()}, nil
	}
	if err := rotateBackups(dir); err != nil {
		return nil, fmt.Errorf("rotate backups: %w", err)
	}
	return &data.BackupInfo{Path: final, Kind: kind, At: at, Size: st.Size()}, nil
}

// vacuumInto writes a compact, consistent copy of the database to path.
func (s *Store) vacuumInto(ctx context.Context, path string) error {
	_, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, path)
	return err
}

// freeBackupName is the file name for a backup taken at "at", unused so far.
func freeBackupName(dir string, at time.Time, kind data.BackupKind) string {
	base := "shopcrm-" + at.UTC().Format(backupStamp) + "-" + string(kind)
	name := filepath.Join(dir, base+".db")
	for i := 2; fileExists(name); i++ {
		name = filepath.Join(dir, fmt.Sprintf("%s-%d.db", base, i))
	}
	return name
}

// parseBackupName reads kind and time back from a backup's file name.
func parseBackupName(name string) (data.BackupKind, time.Time, bool) {
	rest, ok := strings.CutPrefix(name, "shopcrm-")
	if !ok || !strings.HasSuffix(rest, ".db") || len(rest) < len(backupStamp)+2 {
		return "", time.Time{}, false
	}
	at, err := time.ParseInLocation(backupStamp, rest[:len(backupStamp)], time.UTC)
	if err != nil || rest[len(backupStamp)] != '-' {
		return "", time.Time{}, false
	}
	kind, _, _ := strings.Cut(strings.TrimSuffix(rest[len(backupStamp)+1:], ".db"), "-")
	return data.BackupKind(kind), at, kind != ""
}

// ListBackups lists the backups of the data folder dir, newest first. It works without
// an open store, so a damaged database can still be replaced by one.
func ListBackups(dir string) ([]*data.BackupInfo, error) {
	entries, err := os.ReadDir(BackupDir(dir))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups: %w", data.Classify(err))
	}
	var out []*data.BackupInfo
	for _, e := range entries {
		kind, at, ok := parseBackupName(e.Name())
		if !ok || e.IsDir() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, &data.BackupInfo{Path: filepath.Join(BackupDir(dir), e.Name()), Kind: kind, At: at, Size: info.Size()})
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].At.Equal(out[j].At) {
			return out[i].At.After(out[j].At)
		}
		return out[i].Path > out[j].Path
	})
	return out, nil
}

// Backups lists this store's backups, newest first.
func (s *Store) Backups() ([]*data.BackupInfo, error) { return ListBackups(s.dir) }

// NewestGoodBackup is the newest backup of dir that passes VerifyBackup.
func NewestGoodBackup(dir string) (*data.BackupInfo, error) {
	list, err := ListBackups(dir)
	if err != nil {
		return nil, err
	}
	for _, b := range list {
		if VerifyBackup(context.Background(), b.Path) == nil {
			return b, nil
		}
	}
	return nil, data.ErrNotFound
}

// VerifyBackup opens a backup file read-only and checks it: quick_check passes and it
// is a ShopCRM database this version understands (ErrNewerDatabase otherwise).
func VerifyBackup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", readOnlyDSN(path))
	if err != nil {
		return err
	}
	defer db.Close()
	if err := quickCheck(ctx, db); err != nil {
		if damaged(err) {
			return fmt.Errorf("%w: %w", data.ErrCorrupt, err)
		}
		return data.Classify(err)
	}
	known, err := knownMigrations()
	if err != nil {
		return err
	}
	n, err := countMigrations(ctx, db, known)
	if errors.Is(err, data.ErrNewerDatabase) {
		return err
	}
	if err != nil || n == 0 {
		return fmt.Errorf("%w: not a ShopCRM database", data.ErrCorrupt)
	}
	return nil
}

// readOnlyDSN opens a file for reading only, as a snapshot that is never written.
func readOnlyDSN(path string) string {
	return fileURI(path) + "?mode=ro&_pragma=query_only(1)"
}

// DailyBackup takes the day's backup unless one was already taken today (local date).
// It returns nil, nil when there was nothing to do.
func (s *Store) DailyBackup(ctx context.Context) (*data.BackupInfo, error) {
	list, err := s.Backups()
	if err != nil {
		return nil, err
	}
	today := s.Now().Local().Format(data.DateLayout)
	for _, b := range list {
		if b.Kind == data.BackupDaily && b.At.Local().Format(data.DateLayout) == today {
			return nil, nil
		}
	}
	return s.Backup(ctx, data.BackupDaily)
}

// BackupBefore runs op, an import, revert, merge or bulk delete, after a verified
// backup of kind: an operation is only started when it can be undone to the byte. When
// the backup fails op does not run; when op fails it changed nothing (operations are
// all or nothing), so its backup is dropped again rather than push a useful one out of
// the rotation.
func (s *Store) BackupBefore(ctx context.Context, kind data.BackupKind, op func() error) error {
	b, err := s.Backup(ctx, kind)
	if err != nil {
		return err
	}
	if err := op(); err != nil {
		s.DiscardBackup(b)
		return err
	}
	return nil
}

// DiscardBackup deletes a backup of this store's folder.
func (s *Store) DiscardBackup(b *data.BackupInfo) {
	if b != nil && filepath.Dir(b.Path) == BackupDir(s.dir) {
		os.Remove(b.Path)
	}
}

// syncFile flushes a file's content to the disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir flushes a folder's entries (a rename) where the OS supports it.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}
