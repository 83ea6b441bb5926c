package cli

import (
	"context"
	"flag"
	"fmt"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
)

// linkFlags: shopcrm link --order NO [--platform P] --nick NICK [--unlink]
func linkFlags(fs *flag.FlagSet) func(context.Context, *env) error {
	orderNo := fs.String("order", "", lang.L("orders.cli.flag.order"))
	platform := fs.String("platform", "", lang.L("orders.cli.flag.platform"))
	nick := fs.String("nick", "", lang.L("orders.cli.flag.nick"))
	unlink := fs.Bool("unlink", false, lang.L("orders.cli.flag.unlink"))
	return func(ctx context.Context, e *env) error {
		p, known := platformNamed(*platform)
		if len(e.args) != 0 || data.CleanOrderNo(*orderNo) == "" || (*nick == "" && !*unlink) || (*platform != "" && !known) {
			return errUsage("orders.cli.link_usage")
		}
		var o *data.Order
		var err error
		if p != "" {
			o, err = e.store.FindOrderByNumber(ctx, p, data.CleanOrderNo(*orderNo))
		} else {
			o, err = data.LookupOrder(ctx, e.store, "", *orderNo)
		}
		if err != nil {
			return err
		}
		say := func(key string) error {
			_, err := fmt.Fprintln(e.out, lang.L(key, map[string]any{"Order": o.OrderNo, "Nick": *nick}))
			return err
		}
		if *unlink {
			switch {
			case o.Unlinked():
				return say("orders.cli.was_unlinked")
			case *nick != "" && *nick != o.Nick:
				return say("orders.cli.not_theirs")
			}
			if err := e.store.UnlinkOrder(ctx, o.ID); err != nil {
				return err
			}
			return say("orders.cli.unlinked")
		}
		c, err := data.LookupBuyer(ctx, e.store, o.Platform, *nick)
		if err != nil {
			return err
		}
		if o.CustomerID == c.ID {
			return say("orders.cli.already")
		}
		if err := e.store.LinkOrder(ctx, o.ID, c.ID); err != nil {
			return err
		}
		return say("orders.cli.linked")
	}
}
