package cli

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
	"shopcrm/data/sqlite"
)

// groupFlag defines --group NAME on fs (customers, export); the returned function
// narrows the filter the other flags made to that group. A group whose conditions
// cannot hold together with the flags (two goods texts, two tiers) is a wrong call.
func groupFlag(fs *flag.FlagSet) func(ctx context.Context, e *env, f data.CustomerFilter) (data.CustomerFilter, error) {
	group := fs.String("group", "", lang.L("cli.flag.group"))
	return func(ctx context.Context, e *env, f data.CustomerFilter) (data.CustomerFilter, error) {
		return inGroup(ctx, e, f, *group)
	}
}

// inGroup narrows f to the group named group (groupFilter; "" is everyone).
func inGroup(ctx context.Context, e *env, f data.CustomerFilter, group string) (data.CustomerFilter, error) {
	g, err := groupFilter(ctx, e.store, group)
	if err != nil {
		return f, err
	}
	out, _, ok := f.And(g)
	if !ok {
		return f, flagError{"cli.flag_bad_value", "group"}
	}
	return out, out.Validate()
}

// groupFilter reads --group: a saved group by its name, a tier (its default or
// translated name, or the name the seller gave it), an RFM segment (重要价值 or HHH),
// the dormant buyers (沉睡客户 or dormant), or a manual tag in use. Any other name is
// a failure that says so (exporting nobody would look like an empty group).
func groupFilter(ctx context.Context, s *sqlite.Store, group string) (data.CustomerFilter, error) {
	group = strings.Join(strings.Fields(group), " ") // as a saved group's name is kept
	if group == "" {
		return data.CustomerFilter{}, nil
	}
	saved, err := s.SavedGroups(ctx)
	if err != nil {
		return data.CustomerFilter{}, err
	}
	for _, g := range saved {
		if g.Name == group {
			return g.Filter, nil
		}
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
	tags, err := s.TagNames(ctx)
	if err != nil {
		return data.CustomerFilter{}, err
	}
	if slices.Contains(tags, group) {
		return data.CustomerFilter{Tag: group}, nil
	}
	return data.CustomerFilter{}, failure{"cli.group.unknown", map[string]any{"Name": group}}
}

// savedGroupsCSVHeader is the machine format of groups --saved: one row per saved
// group, total in yuan with two decimals.
var savedGroupsCSVHeader = []string{"name", "customers", "total"}

// writeSavedGroups lists the saved groups with how many customers match each today
// and their value.
func writeSavedGroups(ctx context.Context, e *env) error {
	groups, err := e.store.SavedGroups(ctx)
	if err != nil {
		return err
	}
	counts := make([]data.GroupCount, len(groups))
	for i, g := range groups {
		if counts[i].Customers, counts[i].TotalFen, err = e.store.CountFiltered(ctx, g.Filter); err != nil {
			return err
		}
	}
	if e.format == "csv" {
		w := newCSVWriter(e.out)
		w.Write(savedGroupsCSVHeader)
		for i, g := range groups {
			w.Write([]string{g.Name, fmt.Sprint(counts[i].Customers), data.FormatYuan(counts[i].TotalFen)})
		}
		w.Flush()
		return w.Error()
	}
	if len(groups) == 0 {
		_, err := fmt.Fprintln(e.out, lang.L("cli.groups.saved_none"))
		return err
	}
	money, err := currency(ctx, e)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, lang.L("cli.groups.saved_head"))
	for i, g := range groups {
		fmt.Fprintf(w, "%s\t%d\t%s\n", g.Name, counts[i].Customers, money.Format(counts[i].TotalFen))
	}
	return w.Flush()
}

// failure is a command that ran and could not do what was asked, said in one
// translated sentence (exit 1).
type failure struct {
	key  string
	args map[string]any
}

func (f failure) Error() string { return f.key }
