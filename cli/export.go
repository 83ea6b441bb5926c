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
	"shopcrm/importer"
)

// exportFlags: shopcrm export FILE.xlsx [--group NAME] [filter flags]
func exportFlags(fs *flag.FlagSet) func(context.Context, *env) error {
	group := fs.String("group", "", lang.L("cli.flag.group"))
	filter := filterFlags(fs)
	return func(ctx context.Context, e *env) error {
		if len(e.args) != 1 {
			return errUsage("cli.export.usage")
		}
		f, err := filter(ctx, e)
		if err != nil {
			return err
		}
		g, err := groupFilter(ctx, e.store, *group)
		if err != nil {
			return err
		}
		if f, err = withGroup(f, g); err != nil {
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

// withGroup narrows f to the group g (one tier, segment, tag or the dormant buyers);
// a --group naming another tier, segment or tag than its own flag is a wrong call.
func withGroup(f, g data.CustomerFilter) (data.CustomerFilter, error) {
	for _, x := range []struct {
		dst  *string
		v    string
		flag string
	}{
		{&f.Tier, g.Tier, "tier"}, {(*string)(&f.Segment), string(g.Segment), "segment"}, {&f.Tag, g.Tag, "tag"},
	} {
		if x.v == "" {
			continue
		}
		if *x.dst != "" && *x.dst != x.v {
			return f, flagError{"cli.flag_bad_value", "group"}
		}
		*x.dst = x.v
	}
	f.Dormant = f.Dormant || g.Dormant
	return f, nil
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
	if name, ok := tierNamed(tiers, group); ok {
		return data.CustomerFilter{Tier: name}, nil
	}
	if g, ok := segmentNamed(group); ok {
		return data.CustomerFilter{Segment: g}, nil
	}
	if group == "dormant" || group == lang.L("groups.dormant") {
		return data.CustomerFilter{Dormant: true}, nil
	}
	return data.CustomerFilter{Tag: group}, nil
}
