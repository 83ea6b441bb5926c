package i18n

import (
	"context"
	"strings"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
)

// TemplateStore reads the seller's own message templates.
type TemplateStore interface {
	Template(ctx context.Context, kind data.ReminderKind, lang string) (body string, custom bool, err error)
}

// TemplateLang is the language code the seller's templates are kept under for the
// language in use ("zh" or "en").
func TemplateLang() string { return lang.L("reminders.lang_code") }

// MessageTemplate is the message template of kind: the seller's own wording in the
// language in use, or the translated default.
func MessageTemplate(ctx context.Context, store TemplateStore, kind data.ReminderKind) (string, error) {
	body, custom, err := store.Template(ctx, kind, TemplateLang())
	if err != nil || custom {
		return body, err
	}
	return lang.L("template." + string(data.TemplateKind(kind))), nil
}

// OutreachSpec is the outreach (queue or message sheet) of a group named label, or,
// with a holiday id, of that holiday's greeting, with the kind's template and the
// words its placeholders need in the language in use.
func OutreachSpec(ctx context.Context, store TemplateStore, f data.CustomerFilter, label, holiday string, kind data.ReminderKind) (data.OutreachSpec, error) {
	spec := data.OutreachSpec{Label: label, Filter: f, Holiday: holiday, Kind: kind,
		GoodsFallback: lang.L("template.goods_fallback")}
	if holiday != "" {
		spec.HolidayName = HolidayName(holiday)
		spec.Label = lang.L("outreach.holiday_label", map[string]any{"Holiday": spec.HolidayName})
	}
	var err error
	spec.Body, err = MessageTemplate(ctx, store, kind)
	return spec, err
}

// LeftOutText says who a queue or sheet left out and why ("" when no one was):
// "未包含 7 位：黑名单 2 位，不接收营销 5 位".
func LeftOutText(l data.LeftOut) string {
	if l.Total() == 0 {
		return ""
	}
	var parts []string
	for _, r := range []struct {
		key string
		n   int
	}{{data.LeftBlacklisted, l.Blacklisted}, {data.LeftOptedOut, l.OptedOut}, {data.LeftCapped, l.Capped}, {data.LeftNoPhone, l.NoPhone},
		{data.LeftSamePhone, l.SamePhone}} {
		if r.n > 0 {
			parts = append(parts, lang.L("outreach.left."+r.key, map[string]any{"Count": r.n}))
		}
	}
	return lang.L("outreach.left_out", map[string]any{"Total": l.Total(), "Parts": strings.Join(parts, lang.L("outreach.list_sep"))})
}
