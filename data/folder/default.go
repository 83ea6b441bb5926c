package folder

import (
	"fmt"
	"os"
	"path/filepath"

	"shopcrm/data"
)

// Default is the data folder: $SHOPCRM_DATA when set, else the app's own folder
// under the user's config directory (never Documents or a synced folder).
func Default() (string, error) {
	if d := os.Getenv("SHOPCRM_DATA"); d != "" {
		return d, nil
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the user config folder: %w", err)
	}
	return filepath.Join(base, "ShopCRM"), nil
}

// CheckWritable creates and removes a file in dir, so that a read-only folder is
// reported plainly (data.ErrReadOnly) before SQLite half-opens the database.
func CheckWritable(dir string) error {
	f, err := os.CreateTemp(dir, ".shopcrm-probe-*")
	if err != nil {
		return fmt.Errorf("write to data folder: %w", data.ClassifyIO(err))
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}
