package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
	"shopcrm/data/folder"
	"shopcrm/data/sqlite"
	"shopcrm/i18n"
)

// backupFlags: shopcrm backup [--list]
func backupFlags(fs *flag.FlagSet) func(context.Context, *env) error {
	list := fs.Bool("list", false, lang.L("cli.flag.list_backups"))
	return func(ctx context.Context, e *env) error {
		if len(e.args) != 0 {
			return errUsage("cli.backup.usage")
		}
		if *list {
			return printBackups(e)
		}
		b, err := e.store.Backup(ctx, data.BackupManual)
		if err != nil {
			return err
		}
		if e.format == "csv" {
			w := newCSVWriter(e.out)
			w.Write([]string{"path", "size"})
			w.Write([]string{b.Path, fmt.Sprint(b.Size)})
			w.Flush()
			return w.Error()
		}
		fmt.Fprintln(e.out, lang.L("cli.backup.done", map[string]any{"Path": b.Path, "Size": i18n.FileSize(b.Size)}))
		return nil
	}
}

func printBackups(e *env) error {
	list, err := e.store.Backups()
	if err != nil {
		return err
	}
	if e.format == "csv" {
		w := newCSVWriter(e.out)
		w.Write([]string{"file", "kind", "time", "size"})
		for _, b := range list {
			w.Write([]string{b.Name(), string(b.Kind), localTime(b.At), fmt.Sprint(b.Size)})
		}
		w.Flush()
		return w.Error()
	}
	w := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
	for _, b := range list {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", localTime(b.At), i18n.BackupKind(b.Kind), i18n.FileSize(b.Size), b.Name())
	}
	w.Flush()
	fmt.Fprintln(e.out, lang.L("cli.backup.count", map[string]any{"Count": len(list), "Dir": sqlite.BackupDir(e.store.Dir())}))
	return nil
}

// restoreFlags: shopcrm restore FILE (a path, or a file name in the backups folder)
func restoreFlags(fs *flag.FlagSet) func(context.Context, *env) error {
	return func(ctx context.Context, e *env) error {
		if len(e.args) != 1 {
			return errUsage("cli.restore.usage")
		}
		path := backupPath(e.store.Dir(), e.args[0])
		if err := e.store.Restore(ctx, path); err != nil {
			return err
		}
		fmt.Fprintln(e.out, lang.L("cli.restore.done", map[string]any{"Path": path}))
		return nil
	}
}

// checkFlags: shopcrm check
func checkFlags(fs *flag.FlagSet) func(context.Context, *env) error {
	return func(ctx context.Context, e *env) error {
		if err := e.store.Check(ctx); err != nil {
			return err
		}
		_, n, err := e.store.FindCustomers(ctx, data.CustomerFilter{Limit: 1})
		if err != nil {
			return err
		}
		fmt.Fprintln(e.out, lang.L("cli.check.ok", map[string]any{"Path": e.store.Path(), "Customers": n}))
		if where := folder.Synced(e.store.Dir()); where != "" {
			fmt.Fprintln(e.out, i18n.SyncedFolderWarning(where))
		}
		return nil
	}
}

// backupPath finds a backup given as a path or as a bare file name in the backups folder.
func backupPath(dir, arg string) string {
	if _, err := os.Stat(arg); err != nil && filepath.Base(arg) == arg {
		return filepath.Join(sqlite.BackupDir(dir), arg)
	}
	return arg
}

// openFailed handles a data folder that did not open. A damaged database can still be
// restored (`shopcrm restore FILE` puts the backup in its place) and `shopcrm check`
// reports it; every other command is told which backup would bring the data back.
// It reports whether it wrote the outcome, and the exit code.
func openFailed(cmd, dir string, args []string, stdout, stderr io.Writer, err error) (int, bool) {
	var ce *data.CorruptError
	if !errors.As(err, &ce) {
		return 0, false
	}
	if cmd == "restore" && len(args) == 1 {
		path := backupPath(dir, args[0])
		if err := sqlite.RestoreDamaged(context.Background(), dir, path); err != nil {
			fmt.Fprintln(stderr, i18n.Message(err))
			return 1, true
		}
		fmt.Fprintln(stdout, lang.L("cli.restore.done", map[string]any{"Path": path}))
		return 0, true
	}
	fmt.Fprintln(stderr, lang.L("cli.open_failed", map[string]any{"Reason": i18n.Message(err)}))
	if ce.Backup != nil {
		fmt.Fprintln(stderr, lang.L("cli.restore.hint", map[string]any{"File": ce.Backup.Name()}))
	}
	return 1, true
}
