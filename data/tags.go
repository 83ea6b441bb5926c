package data

import "strings"

// NormalizeTags is the tag rule: it splits tags on list separators (commas,
// semicolons, 、, | and line breaks, half- or full-width), cleans each with CleanText
// and drops empty and repeated ones, keeping the first spelling and the order. A tag
// never holds a comma: tags travel comma-separated in exports and forms.
func NormalizeTags(tags []string) []string {
	seen := map[string]bool{}
	out := tags[:0:0]
	for _, tag := range tags {
		for _, t := range strings.FieldsFunc(tag, isTagSeparator) {
			if t = CleanText(t); t != "" && !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out
}

// ParseTags reads one text of tags ("老客, 爱喝茶；VIP、回头客", Shopify's "tag1, tag2")
// by NormalizeTags' rule. No tags gives nil.
func ParseTags(s string) []string {
	if tags := NormalizeTags([]string{s}); len(tags) > 0 {
		return tags
	}
	return nil
}

func isTagSeparator(r rune) bool {
	switch r {
	case ',', '，', ';', '；', '、', '|', '｜', '\n', '\r':
		return true
	}
	return false
}
