package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
	"shopcrm/i18n"
)

// customersCSVHeader is the machine format PRODUCT.md fixes.
var customersCSVHeader = []string{"platform", "nick", "name", "phone", "email", "city", "trades", "total",
	"first_trade", "last_trade", "tier", "tags"}

// customersFlags: shopcrm customers [--format csv] [--search Q] [--group NAME] [filter flags]
func customersFlags(fs *flag.FlagSet) func(context.Context, *env) error {
	query := fs.String("search", "", lang.L("cli.flag.search"))
	filter := filterFlags(fs)
	group := groupFlag(fs)
	return func(ctx context.Context, e *env) error {
		f, err := filter(ctx, e)
		if err != nil {
			return err
		}
		f.Query = *query
		if f, err = group(ctx, e, f); err != nil {
			return err
		}
		if e.format == "csv" {
			return writeCustomersCSV(ctx, e, f)
		}
		return writeCustomersText(ctx, e, f)
	}
}

func writeCustomersCSV(ctx context.Context, e *env, f data.CustomerFilter) error {
	w := newCSVWriter(e.out)
	w.Write(customersCSVHeader)
	err := e.store.EachCustomer(ctx, f, func(c *data.Customer) error {
		return w.Write([]string{string(c.Platform), c.Nick, c.Name, c.Phone, c.Email, c.City,
			fmt.Sprint(c.Stats.TradeCount), data.FormatYuan(c.Stats.TotalFen),
			localTime(c.Stats.FirstTrade), localTime(c.Stats.LastTrade),
			i18n.TierName(c.Tier), strings.Join(c.Tags, ";")})
	})
	w.Flush()
	if err != nil {
		return err
	}
	return w.Error()
}

func writeCustomersText(ctx context.Context, e *env, f data.CustomerFilter) error {
	w := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
	var head []string
	for _, k := range []string{"platform", "nick", "name", "phone", "city", "trades", "total", "last_trade", "tier", "upgrade_gap", "blacklist"} {
		head = append(head, i18n.FieldName(k))
	}
	fmt.Fprintln(w, strings.Join(head, "\t"))
	// The text list masks phones like the window's list, unless the seller turned
	// masking off; --format csv is for machines and keeps them whole.
	mask, err := e.store.Setting(ctx, data.SettingMaskPhones, "1")
	if err != nil {
		return err
	}
	money, err := currency(ctx, e)
	if err != nil {
		return err
	}
	tiers, err := e.store.Tiers(ctx)
	if err != nil {
		return err
	}
	n, total := 0, int64(0)
	err = e.store.EachCustomer(ctx, f, func(c *data.Customer) error {
		n++
		total += c.Stats.TotalFen
		phone := c.Phone
		if mask != "0" {
			phone = data.MaskPhone(phone)
		}
		_, err := fmt.Fprintln(w, strings.Join([]string{i18n.PlatformName(c.Platform), c.Nick, c.Name, phone, c.City,
			fmt.Sprint(c.Stats.TradeCount), money.Format(c.Stats.TotalFen), localTime(c.Stats.LastTrade),
			i18n.TierName(c.Tier), i18n.UpgradeGap(data.TierGap(tiers, c.Stats.TradeCount, c.Stats.TotalFen), money),
			c.BlacklistReason}, "\t"))
		return err
	})
	if err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(e.out, lang.L("cli.customers.count_value", map[string]any{"Count": n, "Total": money.Format(total)}))
	return nil
}

// localTime shows a stored time in local time, "" for none.
func localTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02 15:04:05")
}
