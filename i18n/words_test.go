package i18n

import (
	"strings"
	"testing"
)

// TestNoSentenceSendsTheSellerToNoOne: no message tells the seller to contact "us"
// (there is no one behind the app to contact) or to send a log the app never writes,
// and none explains itself in engineers' words (issue 16, item 13: the password help
// said "argon2id 摘要 … 忘记时请联系我们").
func TestNoSentenceSendsTheSellerToNoOne(t *testing.T) {
	words := []string{"联系我们", "contact us", "附上日志", "with the log", "argon", "摘要", "digest", "hash", "SQLite"}
	for file, m := range loadTranslations(t) {
		for key, s := range m {
			if strings.HasPrefix(key, "about.") {
				continue // the credits name the libraries on purpose
			}
			for _, w := range words {
				if strings.Contains(strings.ToLower(s), strings.ToLower(w)) {
					t.Errorf("%s %s says %q: %s", file, key, w, s)
				}
			}
		}
	}
}
