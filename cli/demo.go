package cli

import (
	"context"
	"flag"
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
)

// demoFlags: shopcrm demo --customers N --trades M [--seed S]
func demoFlags(fs *flag.FlagSet) func(context.Context, *env) error {
	customers := fs.Int("customers", 2000, lang.L("cli.flag.customers"))
	trades := fs.Int("trades", 6000, lang.L("cli.flag.trades"))
	seed := fs.Uint64("seed", 0, lang.L("cli.flag.seed")) // 0: a new one each run
	return func(ctx context.Context, e *env) error {
		start := time.Now()
		if *seed == 0 {
			*seed = uint64(start.UnixNano())
		}
		last := -1
		err := e.store.GenerateDemo(ctx, data.DemoOptions{
			Customers: *customers, Trades: *trades, Seed: *seed,
			Progress: func(done, all int) {
				if pct := done * 100 / all; pct/10 != last/10 && e.format == "text" {
					last = pct
					fmt.Fprintf(e.out, "%d%%\n", pct)
				}
			},
		})
		if err != nil {
			return err
		}
		fmt.Fprintln(e.out, lang.L("cli.demo.done", map[string]any{
			"Customers": *customers, "Trades": *trades,
			"Seconds": fmt.Sprintf("%.1f", time.Since(start).Seconds()), "Path": e.store.Path(),
		}))
		return nil
	}
}
