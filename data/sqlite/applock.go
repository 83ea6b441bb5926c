package sqlite

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"

	"shopcrm/data"

	"golang.org/x/crypto/argon2"
)

// argon2id parameters for new hashes (OWASP's 19 MiB, 2 passes, 1 lane). They are
// stored with each hash, so raising them later keeps old hashes checkable.
const (
	argonMemoryKiB = 19 * 1024
	argonTime      = 2
	argonThreads   = 1
	argonKeyLen    = 32
	argonSaltLen   = 16
)

// SetLockPassword sets the app lock password; "" removes the lock.
func (s *Store) SetLockPassword(ctx context.Context, password string) error {
	value := ""
	if password != "" {
		salt := make([]byte, argonSaltLen)
		if _, err := rand.Read(salt); err != nil {
			return fmt.Errorf("set app password: %w", err)
		}
		key := argon2.IDKey([]byte(password), salt, argonTime, argonMemoryKiB, argonThreads, argonKeyLen)
		b64 := base64.RawStdEncoding
		value = fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemoryKiB, argonTime,
			argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key))
	}
	if err := s.SetSetting(ctx, data.SettingLockPassword, value); err != nil {
		return err
	}
	if password == "" {
		return s.Audit(ctx, data.AuditLockRemove, 0, "")
	}
	return s.Audit(ctx, data.AuditLockSet, 0, "")
}

// HasLockPassword reports whether the app asks for a password at start.
func (s *Store) HasLockPassword(ctx context.Context) (bool, error) {
	v, err := s.Setting(ctx, data.SettingLockPassword, "")
	return v != "", err
}

// CheckLockPassword returns nil when password opens the app (always, when no lock is
// set) and ErrWrongPassword when it does not. The comparison takes constant time.
func (s *Store) CheckLockPassword(ctx context.Context, password string) error {
	stored, err := s.Setting(ctx, data.SettingLockPassword, "")
	if err != nil || stored == "" {
		return err
	}
	var v, m, t, p int
	parts := strings.Split(stored, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return fmt.Errorf("app password: unknown hash format")
	}
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil {
		return fmt.Errorf("app password: %w", err)
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m <= 0 || t <= 0 || p <= 0 || p > 255 {
		return fmt.Errorf("app password: bad parameters")
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return fmt.Errorf("app password: bad hash")
	}
	got := argon2.IDKey([]byte(password), salt, uint32(t), uint32(m), uint8(p), uint32(len(want)))
	if subtle.ConstantTimeCompare(got, want) != 1 {
		return data.ErrWrongPassword
	}
	return nil
}
