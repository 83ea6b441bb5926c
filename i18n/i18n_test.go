package i18n

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"shopcrm/data"
	"shopcrm/importer/sheet"
)

func loadTranslations(t *testing.T) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	for _, locale := range []string{"zh_Hans", "en"} {
		m, err := Bundle(locale)
		if err != nil {
			t.Fatal(err)
		}
		out[locale+".json"] = m
	}
	return out
}

// usedKeys collects the translation keys the code names literally.
func usedKeys(t *testing.T) map[string]string {
	t.Helper()
	patterns := map[*regexp.Regexp]string{
		regexp.MustCompile(`lang\.L\("([^"]+)"`):                                     "%s",
		regexp.MustCompile(`FieldName\("([^"]+)"\)`):                                 "field.%s",
		regexp.MustCompile(`\.(?:entry|add)\("([a-z_]+)"`):                           "field.%s",
		regexp.MustCompile(`\{"([a-z_]+)", (?:c\.|birthday|region|optOut|genderIf)`): "field.%s",
	}
	keys := map[string]string{}
	for _, dir := range []string{"../gui", "../cli", "../i18n", ".."} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for re, format := range patterns {
				for _, m := range re.FindAllStringSubmatch(string(src), -1) {
					if strings.HasSuffix(m[1], ".") {
						continue // a prefix completed at run time, checked below
					}
					keys[strings.Replace(format, "%s", m[1], 1)] = f
				}
			}
		}
	}
	if len(keys) < 50 {
		t.Fatalf("found only %d keys; the scan is broken", len(keys))
	}
	return keys
}

func TestEveryKeyIsTranslatedInBothLanguages(t *testing.T) {
	tr := loadTranslations(t)
	keys := usedKeys(t)
	for _, p := range data.Platforms {
		keys["platform."+string(p)] = "data.Platforms"
	}
	for _, s := range data.TradeStatuses {
		keys["status."+string(s)] = "data.TradeStatuses"
	}
	for _, k := range []string{"gender.male", "gender.female", "gender.unknown",
		"tier.potential", "tier.regular", "tier.senior", "tier.vip", "tier.supreme"} {
		keys[k] = "defaults"
	}
	for key, where := range keys {
		for lang, m := range tr {
			if m[key] == "" {
				t.Errorf("%s: key %q (used in %s) is missing", lang, key, where)
			}
		}
	}
	for key := range tr["zh_Hans.json"] {
		if _, ok := tr["en.json"][key]; !ok {
			t.Errorf("en.json lacks %q", key)
		}
	}
	for key := range tr["en.json"] {
		if _, ok := tr["zh_Hans.json"][key]; !ok {
			t.Errorf("zh_Hans.json lacks %q", key)
		}
	}
}

func TestEveryValidationProblemHasItsOwnSentence(t *testing.T) {
	if err := Use(Chinese); err != nil {
		t.Fatal(err)
	}
	bad := data.Customer{Platform: "x", Gender: "x", Birthday: "1991-02-30", Phone: "1", Email: "x", QQ: "x"}
	problems := bad.Problems()
	trade := data.Trade{Status: "x", Platform: "x", Quantity: -1, RefundFen: -1}
	problems = append(problems, trade.Problems()...)
	for _, p := range problems {
		if msg := FieldMessage(p); strings.Contains(msg, "填写有误") || strings.HasPrefix(msg, "validation.") {
			t.Errorf("%s/%s: got the generic %q, want a specific sentence", p.Field, p.Code, msg)
		}
	}
	long := data.Customer{Nick: strings.Repeat("长", 3000)}
	long.Normalize()
	for _, p := range long.Problems() {
		if got := FieldMessage(p); !strings.Contains(got, "顾客网名") {
			t.Errorf("too long: got %q, want it to name the field", got)
		}
	}
}

func TestLanguageChoice(t *testing.T) {
	if err := Use(English); err != nil {
		t.Fatal(err)
	}
	if got := Message(data.ErrConflict); !strings.Contains(got, "already exists") {
		t.Errorf("English conflict message: got %q", got)
	}
	if err := Use(Chinese); err != nil {
		t.Fatal(err)
	}
	if got := Message(data.ErrConflict); !strings.Contains(got, "已存在") {
		t.Errorf("Chinese conflict message: got %q", got)
	}
	if got := TierName("tier.vip"); got != "VIP客户" {
		t.Errorf("default tier: got %q, want VIP客户", got)
	}
	if got := TierName("我的大客户"); got != "我的大客户" {
		t.Errorf("a tier the seller named: got %q, want it unchanged", got)
	}
}

// TestEveryFileErrorHasItsOwnSentence: each reason a spreadsheet cannot be read gets its
// own translated sentence, wrapped or not, never the generic one.
func TestEveryFileErrorHasItsOwnSentence(t *testing.T) {
	if err := Use(Chinese); err != nil {
		t.Fatal(err)
	}
	generic := Message(errors.New("something else"))
	seen := map[string]error{}
	for _, err := range []error{sheet.ErrLegacyXLS, sheet.ErrEncryptedXLS, sheet.ErrPasswordRequired,
		sheet.ErrWrongPassword, sheet.ErrTooLarge, sheet.ErrUnreadable, sheet.ErrNoSuchSheet} {
		msg := Message(fmt.Errorf("open x.xls: %w", err))
		if msg == generic || strings.HasPrefix(msg, "error.") {
			t.Errorf("%v: got %q, want its own sentence", err, msg)
		}
		if prev, ok := seen[msg]; ok {
			t.Errorf("%v and %v share the sentence %q", prev, err, msg)
		}
		seen[msg] = err
	}
}
