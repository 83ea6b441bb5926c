package cli

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"strconv"
	"text/tabwriter"
	"time"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
	"shopcrm/i18n"
)

// groupsCSVHeader is the machine format PRODUCT.md fixes.
var groupsCSVHeader = []string{"platform", "nick", "trades", "total", "last_trade", "recency_days", "tier",
	"r", "f", "m", "rfm_segment", "dormant"}

// groupsFlags: shopcrm groups [--as-of DATE] [--saved] [--format csv]
func groupsFlags(fs *flag.FlagSet) func(context.Context, *env) error {
	asOf := fs.String("as-of", "", lang.L("cli.flag.as_of"))
	saved := fs.Bool("saved", false, lang.L("cli.flag.saved"))
	return func(ctx context.Context, e *env) error {
		if *saved {
			if *asOf != "" { // a saved group counts its members as of now
				return errUsage("cli.groups.saved_as_of")
			}
			return writeSavedGroups(ctx, e)
		}
		day := e.store.Now().In(time.Local)
		if *asOf != "" {
			d, err := time.ParseInLocation(data.DateLayout, *asOf, time.Local)
			if err != nil {
				return errUsage("cli.groups.bad_date")
			}
			day = d
		}
		if e.format == "csv" {
			return writeGroupsCSV(ctx, e, day)
		}
		return writeGroupsText(ctx, e, day)
	}
}

func writeGroupsCSV(ctx context.Context, e *env, day time.Time) error {
	w := csv.NewWriter(e.out)
	w.Write(groupsCSVHeader)
	_, err := e.store.EachGroupRow(ctx, day, func(r *data.GroupRow) error {
		recency, rs, fs, ms := "", "", "", ""
		if r.Trades > 0 {
			recency, rs, fs, ms = strconv.Itoa(r.RecencyDays), strconv.Itoa(r.R), strconv.Itoa(r.F), strconv.Itoa(r.M)
		}
		dormant := "0"
		if r.Dormant {
			dormant = "1"
		}
		return w.Write([]string{string(r.Platform), r.Nick, strconv.Itoa(r.Trades), data.FormatYuan(r.TotalFen),
			localTime(r.LastTrade), recency, i18n.TierName(r.Tier), rs, fs, ms, i18n.SegmentName(r.Segment), dormant})
	})
	w.Flush()
	if err != nil {
		return err
	}
	return w.Error()
}

// writeGroupsText prints the grouping summary a seller reads: tiers, segments and
// dormant buyers with their customers and share of value.
func writeGroupsText(ctx context.Context, e *env, day time.Time) error {
	g, err := e.store.Regroup(ctx, day)
	if err != nil {
		return err
	}
	money, err := currency(ctx, e)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.out, lang.L("cli.groups.title", map[string]any{"Date": g.Params.AsOf.Format(data.DateLayout),
		"Customers": g.All.Customers, "Buyers": g.Params.Buyers}))
	w := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
	line := func(name string, c data.GroupCount) {
		fmt.Fprintf(w, "%s\t%d\t%s\t%.1f%%\n", name, c.Customers, money.Format(c.TotalFen), 100*c.Share(g.All))
	}
	fmt.Fprintln(w, lang.L("cli.groups.head"))
	for _, t := range g.Tiers {
		line(i18n.TierName(t.Tier.Name), t.GroupCount)
	}
	fmt.Fprintln(w, "\t\t\t")
	for _, s := range g.Segments {
		line(i18n.SegmentName(s.Segment)+" ("+string(s.Segment)+")", s.GroupCount)
	}
	fmt.Fprintln(w, "\t\t\t")
	line(lang.L("groups.dormant"), g.Dormant)
	for _, t := range g.Tags {
		line("#"+t.Name, t.GroupCount)
	}
	return w.Flush()
}
