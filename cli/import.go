package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
	"shopcrm/i18n"
	"shopcrm/importer"
)

// importFlags: shopcrm import FILE [--dry-run] [--sheet NAME] [--password P] [--platform P]
func importFlags(fs *flag.FlagSet) func(context.Context, *env) error {
	dry := fs.Bool("dry-run", false, lang.L("cli.flag.dry_run"))
	sheetName := fs.String("sheet", "", lang.L("cli.flag.sheet"))
	password := fs.String("password", "", lang.L("cli.flag.password"))
	platform := fs.String("platform", "", lang.L("cli.flag.platform", map[string]any{"Platforms": platformCodes()}))
	return func(ctx context.Context, e *env) error {
		if len(e.args) != 1 {
			return errUsage("cli.import.usage")
		}
		var p data.Platform
		if *platform != "" {
			var ok bool
			if p, ok = platformNamed(*platform); !ok {
				return errUsage("cli.import.bad_platform")
			}
		}
		res, err := importer.ImportWithBackup(ctx, e.store, e.args[0], importer.Options{
			Sheet: *sheetName, Password: *password, Platform: p, DryRun: *dry,
		})
		if err != nil {
			return err
		}
		printImportResult(e, res, *dry)
		// Index the new customers for search before the command ends, rather than
		// leave it to the app's next start (Close would stop it).
		e.store.WaitBackground()
		return nil
	}
}

func printImportResult(e *env, r *data.ImportResult, dry bool) {
	if e.format == "csv" {
		fmt.Fprintln(e.out, "customers_created,customers_updated,customers_unchanged,trades_created,trades_updated,trades_unchanged,skipped,rejected,problems,trades_unlinked,trades_linked")
		fmt.Fprintf(e.out, "%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d\n", r.CustomersCreated, r.CustomersUpdated, r.CustomersUnchanged,
			r.TradesCreated, r.TradesUpdated, r.TradesUnchanged, r.Skipped, r.Rejected, len(r.Issues), r.TradesUnlinked, r.TradesLinked)
		return
	}
	key := "cli.import.done"
	if dry {
		key = "cli.import.dry"
	}
	fmt.Fprintln(e.out, lang.L(key, map[string]any{
		"Created": r.CustomersCreated, "Updated": r.CustomersUpdated, "Unchanged": r.CustomersUnchanged,
		"TradesCreated": r.TradesCreated, "TradesUpdated": r.TradesUpdated, "TradesUnchanged": r.TradesUnchanged,
		"Skipped": r.Skipped, "Rejected": r.Rejected, "Batch": r.BatchID,
	}))
	if line := i18n.LinkSummary(r); line != "" {
		fmt.Fprintln(e.out, line)
	}
	for _, line := range i18n.Outcomes(r.Outcomes) {
		fmt.Fprintln(e.out, "  "+line)
	}
	if len(r.Duplicates) > 0 {
		fmt.Fprintln(e.out, lang.L("outcome.duplicates", map[string]any{"Count": len(r.Duplicates)}))
	}
	if len(r.Issues) == 0 {
		return
	}
	fmt.Fprintln(e.out, lang.L("cli.import.problems", map[string]any{"Count": len(r.Issues)}))
	w := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, strings.Join([]string{lang.L("issue.row"), lang.L("issue.column"), lang.L("issue.reason")}, "\t"))
	const shown = 50
	for i, is := range r.Issues {
		if i == shown {
			fmt.Fprintln(w, lang.L("cli.import.more", map[string]any{"Count": len(r.Issues) - shown}))
			break
		}
		fmt.Fprintf(w, "%d\t%s\t%s\n", is.Row, is.Column, i18n.IssueReason(is.Reason))
	}
	w.Flush()
}
