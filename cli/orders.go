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
)

// ordersCSVHeader is the machine format PRODUCT.md fixes: one row per trade, nick
// empty for an unlinked order.
var ordersCSVHeader = []string{"platform", "order_no", "traded_at", "amount", "status", "goods", "nick"}

// ordersFlags: shopcrm orders [--unlinked] [--format csv]
func ordersFlags(fs *flag.FlagSet) func(context.Context, *env) error {
	unlinked := fs.Bool("unlinked", false, lang.L("orders.cli.flag.unlinked"))
	return func(ctx context.Context, e *env) error {
		if len(e.args) != 0 {
			return errUsage("orders.cli.orders_usage")
		}
		f := data.OrderFilter{UnlinkedOnly: *unlinked}
		if e.format == "csv" {
			return writeOrdersCSV(ctx, e, f)
		}
		return writeOrdersText(ctx, e, f)
	}
}

func writeOrdersCSV(ctx context.Context, e *env, f data.OrderFilter) error {
	w := newCSVWriter(e.out)
	w.Write(ordersCSVHeader)
	err := e.store.EachOrder(ctx, f, func(o *data.Order) error {
		return w.Write([]string{string(o.Platform), o.OrderNo, localTime(o.TradedAt), data.FormatYuan(o.AmountFen),
			string(o.Status), o.Goods, o.Nick})
	})
	w.Flush()
	if err != nil {
		return err
	}
	return w.Error()
}

func writeOrdersText(ctx context.Context, e *env, f data.OrderFilter) error {
	w := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
	var head []string
	for _, k := range []string{"platform", "order_no", "traded_at", "amount", "status", "goods", "nick"} {
		head = append(head, i18n.FieldName(k))
	}
	fmt.Fprintln(w, strings.Join(head, "\t"))
	money, err := currency(ctx, e)
	if err != nil {
		return err
	}
	n, unlinked := 0, 0
	err = e.store.EachOrder(ctx, f, func(o *data.Order) error {
		n++
		buyer := o.Buyer()
		if o.Unlinked() {
			unlinked++
			buyer = lang.L("orders.unlinked")
		}
		_, err := fmt.Fprintln(w, strings.Join([]string{i18n.PlatformName(o.Platform), o.OrderNo, localTime(o.TradedAt),
			money.Format(o.AmountFen), i18n.StatusName(o.Status), o.Goods, buyer}, "\t"))
		return err
	})
	if err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	_, err = fmt.Fprintln(e.out, lang.L("orders.cli.count", map[string]any{"Count": n, "Unlinked": unlinked}))
	return err
}
