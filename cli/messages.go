package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
	"shopcrm/i18n"
	"shopcrm/importer"
)

// messagesFlags: shopcrm messages --out FILE.xlsx [--holiday ID | --group NAME |
// filter flags] [--template KIND | --text "…"]
//
// It writes the message sheet (手机号, 姓名, 内容) of a group or a holiday greeting for a
// bulk SMS tool and prints how many rows it wrote and whom it left out, and why.
func messagesFlags(fs *flag.FlagSet) func(context.Context, *env) error {
	out := fs.String("out", "", lang.L("cli.flag.messages_out"))
	var holiday string
	fs.Func("holiday", lang.L("cli.flag.holiday"), func(s string) error {
		id, ok := holidayNamed(s)
		holiday = id
		return okOrBad(ok)
	})
	group := fs.String("group", "", lang.L("cli.flag.messages_group"))
	var kind data.ReminderKind
	fs.Func("template", lang.L("cli.flag.template"), func(s string) error {
		k, ok := templateKindNamed(s)
		kind = k
		return okOrBad(ok)
	})
	text := fs.String("text", "", lang.L("cli.flag.text"))
	filter := filterFlags(fs)
	return func(ctx context.Context, e *env) error {
		if *out == "" || len(e.args) != 0 {
			return errUsage("cli.messages.usage")
		}
		spec, err := messageSpec(ctx, e, filter, *group, holiday, kind)
		if err != nil {
			return err
		}
		if strings.TrimSpace(*text) != "" {
			spec.Body = *text
		}
		cur, err := currency(ctx, e)
		if err != nil {
			return err
		}
		n, left, err := importer.MessageFile(ctx, e.store, *out, spec, i18n.GapWords(cur), nil)
		if err != nil {
			os.Remove(*out)
			return err
		}
		fmt.Fprintln(e.out, lang.L("cli.messages.done", map[string]any{"Count": n, "Path": *out}))
		if s := i18n.LeftOutText(left); s != "" {
			fmt.Fprintln(e.out, s)
		}
		return nil
	}
}

// messageSpec is the sheet's buyers (a holiday greeting's, by its id, or the group of
// --group and the filter flags) with the template of kind (the holiday's, or the custom one, by
// default).
func messageSpec(ctx context.Context, e *env, filter func(context.Context, *env) (data.CustomerFilter, error),
	group, holiday string, kind data.ReminderKind) (data.OutreachSpec, error) {
	f, err := filter(ctx, e)
	if err != nil {
		return data.OutreachSpec{}, err
	}
	if holiday != "" {
		if group != "" || f.Selection() != (data.CustomerFilter{}) {
			return data.OutreachSpec{}, errUsage("cli.messages.usage")
		}
	} else {
		if f, err = inGroup(ctx, e, f, group); err != nil {
			return data.OutreachSpec{}, err
		}
	}
	if kind == "" {
		kind = data.KindCustom
		if holiday != "" {
			kind = data.KindHoliday
		}
	}
	label := group
	if label == "" {
		label = lang.L("cli.messages.label")
	}
	return i18n.OutreachSpec(ctx, e.store, f, label, holiday, kind)
}

// holidayNamed reads a holiday by its id (spring_festival) or its shown name (春节).
func holidayNamed(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, h := range data.Holidays {
		if strings.EqualFold(s, h.ID) || s == i18n.HolidayName(h.ID) {
			return h.ID, true
		}
	}
	return "", false
}

// templateKindNamed reads a template kind by its code (birthday) or its shown name (生日).
func templateKindNamed(s string) (data.ReminderKind, bool) {
	s = strings.TrimSpace(s)
	for _, k := range data.TemplateKinds {
		if strings.EqualFold(s, string(k)) || s == i18n.ReminderKindName(k) {
			return k, true
		}
	}
	return "", false
}
