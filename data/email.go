package data

import "strings"

// NormalizeEmail is the e-mail rule: CleanText and lower case, so that an address
// typed into a form and the same one imported compare equal.
func NormalizeEmail(s string) string { return strings.ToLower(CleanText(s)) }
