// Package i18n picks the interface language and turns errors into sentences a seller
// understands. Every word comes from assets/translations through fyne's lang package.
package i18n

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"shopcrm/assets"
	"shopcrm/data"
	"shopcrm/i18n/sysenv"
	"shopcrm/importer"
	"shopcrm/importer/sheet"
)

// Language choices.
const (
	System  = ""   // follow the system: English systems get English, all others Chinese
	Chinese = "zh" // 简体中文
	English = "en"
)

var (
	// known holds every key of the chosen translation file, so that probing for an
	// optional key does not make Fyne log a "translation failure".
	known = map[string]bool{}
	// overridden: translations were registered under the system's own locale.
	overridden bool
)

// Use loads the translations and selects the language for choice (System, Chinese or
// English). Chinese is the default for every system language but English.
func Use(choice string) error {
	sysenv.Settle() // done in its init already, before Fyne read the locale; cheap and idempotent
	sys := lang.SystemLocale()
	if choice == System {
		choice = Chinese
		if strings.HasPrefix(strings.ToLower(sys.LanguageString()), "en") {
			choice = English
		}
	}
	zh, err := Bundle("zh_Hans")
	if err != nil {
		return err
	}
	en, err := Bundle("en")
	if err != nil {
		return err
	}
	// Fyne's own words (确定, 取消) come from its zh_Hans and en sets, ours join them.
	if err := lang.AddTranslationsForLocale(mustJSON(zh), "zh_Hans"); err != nil {
		return err
	}
	if err := lang.AddTranslationsForLocale(mustJSON(en), "en"); err != nil {
		return err
	}
	keys, body := zh, mustJSON(zh)
	if choice == English {
		keys, body = en, mustJSON(en)
	}
	known = map[string]bool{}
	for k := range keys {
		known[k] = true
	}
	// Fyne matches the system locale against the loaded translations. When the system
	// speaks another language than the choice (a German system, or English with
	// Chinese chosen), registering the chosen file under the system's own locale makes
	// the match land on it; a Chinese system already matches zh_Hans, which also holds
	// Fyne's own words (确定, 取消).
	// Once something was registered there, later choices must be registered there too.
	if overridden || !strings.HasPrefix(strings.ToLower(sys.LanguageString()), choice) {
		overridden = true
		return registerUnder(fyne.Locale(sys.String()), choice, body)
	}
	return nil
}

// registerUnder registers the chosen language's words under locale, with Fyne's own
// words (确定, 取消, the file dialog) in that language: a locale only has the words
// registered for it, so without them Fyne's dialogs would fall back to their keys.
func registerUnder(locale fyne.Locale, choice string, body []byte) error {
	if err := lang.AddTranslationsForLocale(body, locale); err != nil {
		return err
	}
	name := "fyne/base.zh_Hans.json"
	if choice == English {
		name = "fyne/base.en.json"
	}
	base, err := assets.FyneTranslations.ReadFile(name)
	if err != nil {
		return err
	}
	return lang.AddTranslationsForLocale(base, locale)
}

// Bundle is every translation of one locale ("zh_Hans" or "en"): the file
// translations/<locale>.json merged with the per-screen files
// translations/<area>.<locale>.json, so that each screen keeps its words together.
// A key defined in two files is an error.
func Bundle(locale string) (map[string]string, error) {
	names, err := fs.Glob(assets.Translations, "translations/*"+locale+".json")
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, name := range names {
		base := strings.TrimPrefix(name, "translations/")
		if base != locale+".json" && !strings.HasSuffix(base, "."+locale+".json") {
			continue
		}
		body, err := assets.Translations.ReadFile(name)
		if err != nil {
			return nil, err
		}
		m := map[string]string{}
		if err := json.Unmarshal(body, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for k, v := range m {
			if _, dup := out[k]; dup {
				return nil, fmt.Errorf("%s: key %q is defined twice", name, k)
			}
			out[k] = v
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no translations for %s", locale)
	}
	return out, nil
}

// mustJSON encodes a translation map (a map of strings always encodes).
func mustJSON(m map[string]string) []byte {
	body, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	return body
}

// Has reports whether the chosen language has a translation for key, for words that
// are optional (asking lang.L for a missing key would log a translation failure).
func Has(key string) bool { return known[key] }

// Message is the translated sentence for an error: what happened and what to do.
func Message(err error) string {
	if msg, ok := safetyMessage(err); ok {
		return msg
	}
	if msg := orderMessage(err); msg != "" {
		return msg
	}
	var ve *data.ValidationError
	var ce *importer.CurrencyError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &ve):
		return FieldMessage(ve)
	case errors.Is(err, data.ErrConflict):
		return lang.L("error.conflict")
	case errors.Is(err, data.ErrNotFound):
		return lang.L("error.not_found")
	case errors.Is(err, data.ErrNewerDatabase):
		return lang.L("error.newer_database")
	case errors.Is(err, data.ErrMergeSelf):
		return lang.L("merge.same")
	case errors.Is(err, data.ErrNotLatestBatch):
		return lang.L("error.not_latest_batch")
	case errors.Is(err, sheet.ErrLegacyXLS):
		return lang.L("error.legacy_xls")
	case errors.Is(err, sheet.ErrEncryptedXLS):
		return lang.L("error.encrypted_xls")
	case errors.Is(err, sheet.ErrPasswordRequired):
		return lang.L("error.password_required")
	case errors.Is(err, sheet.ErrWrongPassword):
		return lang.L("error.wrong_password")
	case errors.Is(err, sheet.ErrTooLarge):
		return lang.L("error.too_large")
	case errors.Is(err, sheet.ErrUnreadable), errors.Is(err, sheet.ErrUnclosedQuote):
		return lang.L("error.unreadable")
	case errors.Is(err, sheet.ErrNoSuchSheet):
		return lang.L("error.no_such_sheet")
	case errors.Is(err, importer.ErrNoHeader):
		return lang.L("error.no_header")
	case errors.Is(err, importer.ErrNoCustomer):
		return lang.L("error.no_customer")
	case errors.As(err, &ce):
		return lang.L("error.other_currency", map[string]any{"File": string(ce.File), "Archive": string(ce.Archive)})
	case errors.Is(err, fs.ErrNotExist):
		return lang.L("error.file_missing")
	case errors.Is(err, fs.ErrPermission):
		return lang.L("error.permission")
	}
	return lang.L("error.unexpected")
}

// FieldMessage is the translated sentence for one field's validation error.
func FieldMessage(ve *data.ValidationError) string {
	if key := "validation." + ve.Field + "." + ve.Code; known[key] {
		return lang.L(key)
	}
	if ve.Code == data.CodeTooLong {
		return lang.L("validation.too_long", map[string]any{"Field": FieldName(ve.Field)})
	}
	return lang.L("validation.generic", map[string]any{"Field": FieldName(ve.Field)})
}

// IssueReason is the translated reason of an import row problem.
func IssueReason(reason string) string {
	if key := "issue." + reason; known[key] {
		return lang.L(key)
	}
	return reason
}

// FieldName is the translated name of a customer or trade field.
func FieldName(field string) string { return lang.L("field." + field) }

// PlatformName is the translated name of a platform.
func PlatformName(p data.Platform) string { return lang.L("platform." + string(p)) }

// TierName shows a tier: default tiers are stored as translation keys, names the
// seller typed are shown as typed.
func TierName(name string) string {
	if known[name] {
		return lang.L(name)
	}
	return name
}

// StatusName is the translated name of a trade status.
func StatusName(s data.TradeStatus) string { return lang.L("status." + string(s)) }

// GenderName is the translated name of a gender ("" is unknown).
func GenderName(g data.Gender) string {
	if g == data.GenderUnknown {
		return lang.L("gender.unknown")
	}
	return lang.L("gender." + string(g))
}

// Outcomes are the sentences that say what an import skipped and rejected, one per
// reason, in rows and (when several rows were one order) orders.
func Outcomes(outcomes []data.Outcome) []string {
	var out []string
	for _, o := range outcomes {
		key := "outcome." + o.Kind
		if o.Orders != o.Rows {
			key += "_orders"
		}
		reason := IssueReason(o.Reason)
		if k := "outcome.reason." + o.Reason; known[k] {
			reason = lang.L(k)
		}
		out = append(out, lang.L(key, map[string]any{"Rows": o.Rows, "Orders": o.Orders, "Reason": reason}))
	}
	return out
}
