package data

import (
	"slices"
	"testing"
)

func TestParseTags(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"mixed Chinese separators split", "老客, 爱喝茶；VIP、回头客", []string{"老客", "爱喝茶", "VIP", "回头客"}},
		{"shopify tags keep inner spaces", "Level 1, newsletter", []string{"Level 1", "newsletter"}},
		{"full-width comma splits", "老客，VIP", []string{"老客", "VIP"}},
		{"repeats are dropped keeping order", "VIP, 老客, VIP", []string{"VIP", "老客"}},
		{"empty parts are dropped", " , ;老客;; ", []string{"老客"}},
		{"line breaks split", "a\nb", []string{"a", "b"}},
		{"pipe splits", "a|b", []string{"a", "b"}},
		{"empty cell has no tags", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ParseTags(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
