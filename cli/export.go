package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2/lang"

	"shopcrm/importer"
)

// exportFlags: shopcrm export FILE.xlsx [--group NAME] [filter flags]
func exportFlags(fs *flag.FlagSet) func(context.Context, *env) error {
	filter := filterFlags(fs)
	group := groupFlag(fs)
	return func(ctx context.Context, e *env) error {
		if len(e.args) != 1 {
			return errUsage("cli.export.usage")
		}
		f, err := filter(ctx, e)
		if err != nil {
			return err
		}
		if f, err = group(ctx, e, f); err != nil {
			return err
		}
		path := e.args[0]
		n, err := importer.ExportFile(ctx, e.store, path, f, time.Local)
		if err != nil {
			os.Remove(path)
			return err
		}
		fmt.Fprintln(e.out, lang.L("cli.export.done", map[string]any{"Count": n, "Path": path}))
		return nil
	}
}
