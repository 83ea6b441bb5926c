package data

import (
	"strings"
	"unicode"
)

// TemplateKinds are the kinds that have a message template (话术), in the order the
// settings show them; lunar birthdays use the birthday template.
var TemplateKinds = []ReminderKind{KindBirthday, KindHoliday, KindRevisit, KindAnniversary, KindDormant, KindCustom}

// TemplateKind is the template a reminder of kind k is written with.
func TemplateKind(k ReminderKind) ReminderKind { return k.RuleKind() }

// MessageFields are the values a template's placeholders take.
type MessageFields struct {
	Nick         string // {网名}
	Name         string // {姓名}
	Goods        string // {商品}
	Holiday      string // {节日}
	LastPurchase string // {上次购买}: the date of the last counting trade
	// UpgradeGap is {升级差额}: Gap in words (i18n.UpgradeGapField), "" at the top tier.
	UpgradeGap string
	// Gap is the buyer's distance to the next tier, as the store reads it; the caller
	// words it into UpgradeGap in the template's language and the archive's currency.
	Gap UpgradeGap
}

// GapWords words an upgrade gap as a message's {升级差额} ("" at the top tier), in the
// message's language and the archive's currency: the caller's to give
// (i18n.GapWords), since the domain has no words of its own.
type GapWords func(UpgradeGap) string

// placeholders in Chinese and their English aliases.
var templateFields = []struct {
	names []string
	value func(MessageFields) string
}{
	{[]string{"{网名}", "{nick}"}, func(f MessageFields) string { return firstNonEmpty(f.Nick, f.Name) }},
	{[]string{"{姓名}", "{name}"}, func(f MessageFields) string { return firstNonEmpty(f.Name, f.Nick) }},
	{[]string{"{商品}", "{goods}"}, func(f MessageFields) string { return f.Goods }},
	{[]string{"{节日}", "{holiday}"}, func(f MessageFields) string { return f.Holiday }},
	{[]string{"{上次购买}", "{last_purchase}"}, func(f MessageFields) string { return f.LastPurchase }},
	{[]string{"{升级差额}", "{upgrade_gap}"}, func(f MessageFields) string { return f.UpgradeGap }},
}

// TemplatePlaceholders are the placeholders a template may hold, each as its Chinese
// name and its English alias ({网名} and {nick}), in the order the settings list them.
func TemplatePlaceholders() [][2]string {
	out := make([][2]string, len(templateFields))
	for i, tf := range templateFields {
		out[i] = [2]string{tf.names[0], tf.names[1]}
	}
	return out
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// FillTemplate puts the fields into a template. A missing name falls back to the nick
// and the other way round; a placeholder with no value at all is taken out together
// with the space or comma it leaves dangling ("亲爱的{姓名}，" → "亲爱的，",
// "Hi {name}, …" → "Hi, …"), so no "{…}" and no " ," remain.
func FillTemplate(body string, f MessageFields) string {
	for _, tf := range templateFields {
		v := tf.value(f)
		for _, name := range tf.names {
			for {
				i := strings.Index(body, name)
				if i < 0 {
					break
				}
				if v != "" {
					body = body[:i] + v + body[i+len(name):]
					continue
				}
				body = dropGap(body[:i], body[i+len(name):])
			}
		}
	}
	return body
}

// dropGap joins the text around a removed placeholder without leaving a stray space
// or separator.
func dropGap(before, after string) string {
	next, _ := firstRune(after)
	trimmed := strings.TrimRightFunc(before, isBlank)
	prev, _ := lastRune(trimmed)
	switch {
	case trimmed == "" || prev == '\n' || isOpening(prev):
		// at the start of a line: drop what would now lead it ("{姓名}，您好" → "您好")
		after = strings.TrimLeftFunc(after, func(r rune) bool { return isBlank(r) || isSeparator(r) })
		return before + after
	case next == 0 || isBlank(next) || unicode.IsPunct(next):
		return trimmed + after // "Hi {name}, …" → "Hi, …"
	}
	return before + after
}

func isBlank(r rune) bool     { return r == ' ' || r == '\t' || r == '\u3000' }
func isSeparator(r rune) bool { return strings.ContainsRune(",，、;；:：", r) }
func isOpening(r rune) bool   { return strings.ContainsRune("(（[【「“\"", r) }

func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

func lastRune(s string) (rune, bool) {
	r := []rune(s)
	if len(r) == 0 {
		return 0, false
	}
	return r[len(r)-1], true
}
