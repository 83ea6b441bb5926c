package cli

import (
	"context"
	"flag"
	"fmt"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
)

// blacklistFlags: shopcrm blacklist --nick NICK [--platform P] --reason WHY | --remove
func blacklistFlags(fs *flag.FlagSet) func(context.Context, *env) error {
	nick := fs.String("nick", "", lang.L("cli.flag.blacklist_nick"))
	platform := fs.String("platform", "", lang.L("cli.flag.blacklist_platform"))
	reason := fs.String("reason", "", lang.L("cli.flag.reason"))
	remove := fs.Bool("remove", false, lang.L("cli.flag.blacklist_remove"))
	return func(ctx context.Context, e *env) error {
		var p data.Platform
		if *platform != "" {
			var ok bool
			if p, ok = platformNamed(*platform); !ok {
				return flagError{"cli.flag_bad_value", "platform"}
			}
		}
		if len(e.args) != 0 || *nick == "" || *remove == (*reason != "") {
			return errUsage("cli.blacklist.usage")
		}
		c, err := data.LookupBuyer(ctx, e.store, p, *nick)
		if err != nil {
			return err
		}
		key := "cli.blacklist.added"
		if *remove {
			removed, err := e.store.Unblacklist(ctx, c.ID)
			if err != nil {
				return err
			}
			key = "cli.blacklist.removed"
			if !removed {
				key = "cli.blacklist.was_not"
			}
		} else if err := e.store.Blacklist(ctx, c.ID, *reason); err != nil {
			return err
		}
		_, err = fmt.Fprintln(e.out, lang.L(key, map[string]any{"Nick": c.Nick, "Reason": *reason}))
		return err
	}
}
