package ui

import (
	"shopcrm/data"
	"shopcrm/i18n"
)

// PlatformNames are the platforms' names in data.Platforms order, for a choice.
func PlatformNames() []string {
	var out []string
	for _, p := range data.Platforms {
		out = append(out, i18n.PlatformName(p))
	}
	return out
}

// PlatformIndex is p's place in PlatformNames (the first for an unknown one).
func PlatformIndex(p data.Platform) int {
	for i, q := range data.Platforms {
		if p == q {
			return i
		}
	}
	return 0
}
