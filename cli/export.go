package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
	"shopcrm/data/sqlite"
	"shopcrm/i18n"
	"shopcrm/importer"
)

// exportFlags: shopcrm export FILE.xlsx [--group NAME]
func exportFlags(fs *flag.FlagSet) func(context.Context, *env) error {
	group := fs.String("group", "", lang.L("cli.flag.group"))
	return func(ctx context.Context, e *env) error {
		if len(e.args) != 1 {
			return errUsage("cli.export.usage")
		}
		f, err := groupFilter(ctx, e.store, *group)
		if err != nil {
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

// groupFilter reads --group: a tier (its default or translated name, or the name the
// seller gave it), an RFM segment (重要价值 or HHH), the dormant buyers (沉睡客户 or
// dormant), or else a manual tag.
func groupFilter(ctx context.Context, s *sqlite.Store, group string) (data.CustomerFilter, error) {
	if group == "" {
		return data.CustomerFilter{}, nil
	}
	tiers, err := s.Tiers(ctx)
	if err != nil {
		return data.CustomerFilter{}, err
	}
	for _, t := range tiers {
		if group == t.Name || group == i18n.TierName(t.Name) {
			return data.CustomerFilter{Tier: t.Name}, nil
		}
	}
	for _, g := range data.Segments {
		if group == string(g) || group == i18n.SegmentName(g) {
			return data.CustomerFilter{Segment: g}, nil
		}
	}
	if group == "dormant" || group == lang.L("groups.dormant") {
		return data.CustomerFilter{Dormant: true}, nil
	}
	return data.CustomerFilter{Tag: group}, nil
}
