package cli

import (
	"context"
	"errors"
	"flag"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
	"shopcrm/i18n"
)

// filterFlags defines the customer filter flags (issue 19) on fs, for every command
// that selects customers (customers, export); the returned function gives the filter
// they make, resolving a tier name with the store. Money is in yuan, dates are
// YYYY-MM-DD local calendar days.
func filterFlags(fs *flag.FlagSet) func(ctx context.Context, e *env) (data.CustomerFilter, error) {
	var f data.CustomerFilter
	var tier string
	fs.StringVar(&f.Goods, "goods", "", lang.L("cli.flag.goods"))
	boundFlags(fs, "trades", &f.Trades, parseWhole)
	boundFlags(fs, "total", &f.TotalFen, data.ParseYuan)
	boundFlags(fs, "avg", &f.AverageFen, data.ParseYuan)
	boundFlags(fs, "days", &f.DaysSinceLast, parseWhole)
	dateFlags(fs, "first", &f.FirstTrade)
	dateFlags(fs, "last", &f.LastTrade)
	fs.Func("platform", lang.L("cli.flag.filter_platform"), func(s string) error {
		p, ok := platformNamed(s)
		f.Platform = p
		return okOrBad(ok)
	})
	fs.StringVar(&f.Province, "province", "", lang.L("cli.flag.province"))
	fs.StringVar(&f.City, "city", "", lang.L("cli.flag.city"))
	fs.StringVar(&f.Source, "source", "", lang.L("cli.flag.source"))
	fs.Func("gender", lang.L("cli.flag.gender"), func(s string) error {
		g, ok := genderNamed(s)
		f.Gender = g
		return okOrBad(ok)
	})
	fs.Func("birthday-month", lang.L("cli.flag.birthday_month"), func(s string) error {
		m, err := strconv.Atoi(strings.TrimSpace(s))
		f.BirthdayMonth = m
		return okOrBad(err == nil && m >= 1 && m <= 12)
	})
	fs.StringVar(&tier, "tier", "", lang.L("cli.flag.tier"))
	fs.Func("segment", lang.L("cli.flag.segment"), func(s string) error {
		g, ok := segmentNamed(s)
		f.Segment = g
		return okOrBad(ok)
	})
	fs.StringVar(&f.Tag, "tag", "", lang.L("cli.flag.tag"))
	fs.BoolVar(&f.Dormant, "dormant", false, lang.L("cli.flag.dormant"))
	for _, q := range []struct {
		name string
		v    *data.YesNo
	}{{"opted-out", &f.OptedOut}, {"blacklisted", &f.Blacklisted}, {"has-phone", &f.HasPhone}, {"has-wechat", &f.HasWeChat}} {
		fs.Var(yesNoFlag{q.v}, q.name, lang.L("cli.flag."+strings.ReplaceAll(q.name, "-", "_")))
	}
	return func(ctx context.Context, e *env) (data.CustomerFilter, error) {
		out := f
		if tier != "" {
			tiers, err := e.store.Tiers(ctx)
			if err != nil {
				return out, err
			}
			name, ok := tierNamed(tiers, tier)
			if !ok {
				return out, flagError{"cli.flag_bad_value", "tier"}
			}
			out.Tier = name
		}
		return out, out.Validate()
	}
}

// boundFlags defines --min-NAME and --max-NAME, read by parse into r.
func boundFlags(fs *flag.FlagSet, name string, r *data.Range, parse func(string) (int64, error)) {
	key := "cli.flag." + name
	fs.Func("min-"+name, lang.L(key+"_min"), func(s string) error {
		v, err := parse(s)
		*r = r.AtLeast(v)
		return err
	})
	fs.Func("max-"+name, lang.L(key+"_max"), func(s string) error {
		v, err := parse(s)
		*r = r.AtMost(v)
		return err
	})
}

// dateFlags defines --NAME-after (on or after the day) and --NAME-before (before it).
func dateFlags(fs *flag.FlagSet, name string, d *data.DateRange) {
	fs.Func(name+"-after", lang.L("cli.flag."+name+"_after"), func(s string) (err error) {
		d.From, err = time.Parse(data.DateLayout, strings.TrimSpace(s))
		return err
	})
	fs.Func(name+"-before", lang.L("cli.flag."+name+"_before"), func(s string) (err error) {
		d.Before, err = time.Parse(data.DateLayout, strings.TrimSpace(s))
		return err
	})
}

func parseWhole(s string) (int64, error) { return strconv.ParseInt(strings.TrimSpace(s), 10, 64) }

// errBadValue makes parseFlags report the flag's value as wrong.
var errBadValue = errors.New("bad value")

func okOrBad(ok bool) error {
	if ok {
		return nil
	}
	return errBadValue
}

// yesNoFlag is a yes-or-no filter flag: --blacklisted keeps the listed buyers,
// --blacklisted=false the others, no flag everyone.
type yesNoFlag struct{ v *data.YesNo }

func (y yesNoFlag) String() string {
	if y.v != nil && *y.v != data.Any {
		return strconv.FormatBool(*y.v == data.Yes)
	}
	return ""
}

func (y yesNoFlag) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	*y.v = data.No
	if b {
		*y.v = data.Yes
	}
	return nil
}

func (y yesNoFlag) IsBoolFlag() bool { return true }

// platformNamed reads a platform by its code (taobao) or its shown name (淘宝).
//
// Every command's --platform reads through it (import, link, blacklist, the filters).
func platformNamed(s string) (data.Platform, bool) {
	s = strings.TrimSpace(s)
	for _, p := range data.Platforms {
		if strings.EqualFold(s, string(p)) || s == i18n.PlatformName(p) {
			return p, true
		}
	}
	return "", false
}

// platformCodes lists the platforms' codes for a message: "taobao, tmall, …, other".
func platformCodes() string {
	codes := make([]string, len(data.Platforms))
	for i, p := range data.Platforms {
		codes[i] = string(p)
	}
	return strings.Join(codes, ", ")
}

// genderNamed reads male / female, 男 / 女 or the shown name.
func genderNamed(s string) (data.Gender, bool) {
	s = strings.TrimSpace(s)
	for _, g := range []data.Gender{data.GenderMale, data.GenderFemale} {
		if strings.EqualFold(s, string(g)) || s == lang.L("gender."+string(g)) {
			return g, true
		}
	}
	switch s {
	case "男":
		return data.GenderMale, true
	case "女":
		return data.GenderFemale, true
	}
	return "", false
}

// segmentNamed reads an RFM segment by its code (HHH) or its shown name (重要价值).
func segmentNamed(s string) (data.Segment, bool) {
	s = strings.TrimSpace(s)
	for _, g := range data.Segments {
		if s == string(g) || s == i18n.SegmentName(g) {
			return g, true
		}
	}
	return "", false
}

// tierNamed finds a tier by its stored name, or its shown (translated) name.
func tierNamed(tiers []*data.Tier, name string) (string, bool) {
	for _, t := range tiers {
		if name == t.Name || name == i18n.TierName(t.Name) {
			return t.Name, true
		}
	}
	return "", false
}
