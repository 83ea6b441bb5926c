// Package sysenv settles the process's locale variables before Fyne reads them.
//
// Fyne's lang package reads LC_ALL / LC_MESSAGES / LANG / LANGUAGE in its own init
// and logs three "Fyne error: Error parsing user locale …" lines to stderr for a value
// it cannot parse: C.UTF-8 (Debian's default in containers and CI), or a locale with a
// modifier such as de_DE@euro. Those lines come before main runs, so they cannot be
// silenced later; this package's init rewrites such values first.
//
// Why this init runs first: Go initialises packages in import-path order, each step
// the first package whose imports are all done (the spec's rule since Go 1.21).
// fyne.io/fyne/v2/lang imports text/template, which sorts after "shopcrm/…". This
// package imports only os, runtime, strings and golang.org/x/text/language, whose own
// imports are text/template's or sort before it, so all of them, and then this
// package, are initialised before text/template and therefore before Fyne's lang.
// Keep it that way: no Fyne, nothing heavy. The binary test in the repository root
// (TestHeadlessCommandsPrintNoToolkitLines) fails if this stops holding.
package sysenv

import (
	"os"
	"runtime"
	"strings"

	"golang.org/x/text/language"
)

// Default is the locale a session without a language gets: ShopCRM speaks Chinese
// unless the system asks for English.
const Default = "zh_CN.UTF-8"

func init() { Settle() }

// Settle rewrites the locale variables so that Fyne's parser accepts them. A session
// with no language (nothing set, C, POSIX, C.UTF-8, as on servers and in CI) gets
// Default; a modifier (de_DE@euro) is dropped; a value that still is no language tag
// counts as no language. Real locales are left as they are. Only Unix reads these
// variables; elsewhere Settle does nothing. It is idempotent.
func Settle() {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" || runtime.GOOS == "android" || runtime.GOOS == "ios" || runtime.GOOS == "js" {
		return
	}
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(env)
		if v == "" {
			continue // the next one decides, as in the C library
		}
		if fixed, ok := usable(v); ok {
			if fixed != v {
				os.Setenv(env, fixed)
			}
			settleLanguageList()
			return // a real locale decides
		}
		os.Unsetenv(env)
	}
	os.Unsetenv("LANGUAGE")
	os.Setenv("LC_MESSAGES", Default)
}

// settleLanguageList keeps the entries of $LANGUAGE (a colon-separated preference
// list, read when the locale is a real one) that are usable, and drops the variable
// when none is.
func settleLanguageList() {
	v, set := os.LookupEnv("LANGUAGE")
	if !set {
		return
	}
	var keep []string
	for _, l := range strings.Split(v, ":") {
		if fixed, ok := usable(l); ok {
			keep = append(keep, fixed)
		}
	}
	if len(keep) == 0 {
		os.Unsetenv("LANGUAGE")
		return
	}
	if joined := strings.Join(keep, ":"); joined != v {
		os.Setenv("LANGUAGE", joined)
	}
}

// usable is a locale value without its modifier, and whether Fyne can read it: the
// tag Fyne's locale reader makes of it (language[-territory], the encoding dropped)
// parses as a BCP 47 language tag, with the same parser Fyne uses.
func usable(v string) (string, bool) {
	v, _, _ = strings.Cut(v, "@")
	tag, _, _ := strings.Cut(v, ".")
	lang, territory, _ := strings.Cut(strings.ReplaceAll(tag, "-", "_"), "_")
	if territory != "" {
		lang += "-" + territory
	}
	_, err := language.Parse(lang)
	return v, len(lang) >= 2 && err == nil
}
