// Package onboarding is how a seller gets started: the first-run welcome with its
// three ways in, the sample shop with the banner that marks it, and the tour of the
// screens.
package onboarding
