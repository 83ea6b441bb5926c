package cli

import (
	"errors"
	"flag"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2/lang"
)

// options are the flags every command takes, before or after the command's name.
type options struct {
	data   string
	format string
}

// defaults are the common flags' values when none is given.
func defaults() options { return options{format: "text"} }

// define puts the common flags on fs, with o's current values as defaults, so that a
// value given before the command's name survives when the command's own set is made.
func (o *options) define(fs *flag.FlagSet) {
	fs.StringVar(&o.data, "data", o.data, lang.L("cli.flag.data"))
	fs.StringVar(&o.format, "format", o.format, lang.L("cli.flag.format"))
}

// newFlagSet is a flag set that prints nothing: Run writes every message itself, in the
// user's language.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// errHelp: the call asked for help (-h, -help, --help).
var errHelp = errors.New("help requested")

// flagError is a wrong flag: its message key and the flag's name.
type flagError struct{ key, name string }

func (f flagError) Error() string { return f.key + ": " + f.name }

// parseFlags reads args against fs: flags as --name VALUE, --name=VALUE or -name, a
// bool flag alone, "--" ending the flags. With interspersed, flags and positional
// arguments mix ("import FILE --dry-run"); without, the first positional argument and
// everything after it are returned unread (the command and its own arguments).
func parseFlags(fs *flag.FlagSet, args []string, interspersed bool) ([]string, error) {
	var positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(positional, args[i+1:]...), nil
		}
		if len(a) < 2 || a[0] != '-' {
			if !interspersed {
				return args[i:], nil
			}
			positional = append(positional, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(a[1:], "-"), "=")
		if name == "h" || name == "help" {
			return nil, errHelp
		}
		f := fs.Lookup(name)
		if f == nil || name == "" {
			return nil, flagError{"cli.flag_unknown", name}
		}
		if !hasValue {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				value = "true"
			} else if i+1 < len(args) {
				i++
				value = args[i]
			} else {
				return nil, flagError{"cli.flag_needs_value", name}
			}
		}
		if err := fs.Set(name, value); err != nil {
			return nil, flagError{"cli.flag_bad_value", name}
		}
	}
	return positional, nil
}

// Window reports whether args ask for the window rather than a command: nothing but
// the common flags and at most one existing file that is not a command's name (the
// sheet to import, from a double-click or "Open with"). It returns the --data value
// and the file. Everything else is a command, a help request or a wrong call: Run's.
func Window(args []string) (dataDir, file string, ok bool) {
	o := defaults()
	fs := newFlagSet("shopcrm")
	o.define(fs)
	rest, err := parseFlags(fs, args, true)
	switch {
	case err != nil || len(rest) > 1:
		return "", "", false
	case len(rest) == 0:
		return o.data, "", true
	}
	if _, isCommand := commands[rest[0]]; isCommand || rest[0] == "help" || !isFile(rest[0]) {
		return "", "", false
	}
	return o.data, rest[0], true
}

func isFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir()
}
