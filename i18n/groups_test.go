package i18n

import (
	"testing"

	"shopcrm/data"
)

func TestEverySegmentIsNamedInBothLanguages(t *testing.T) {
	for locale, m := range loadTranslations(t) {
		for _, g := range data.Segments {
			if m["segment."+string(g)] == "" || m["segment."+string(g)+".hint"] == "" {
				t.Errorf("%s: segment %s has no name or hint", locale, g)
			}
		}
	}
}
