// Package cli is ShopCRM's headless side: the same binary run with a command prints
// plain text a person can read (or CSV for machines) and exits non-zero with one clear
// sentence on failure.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"

	"shopcrm/data/folder"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data/sqlite"
	"shopcrm/i18n"
)

// command is one subcommand: it defines its flags on fs and runs with the open store.
type command struct {
	flags func(fs *flag.FlagSet) func(ctx context.Context, env *env) error
}

// env is what a running command can use.
type env struct {
	store  *sqlite.Store
	out    io.Writer
	format string
	args   []string // positional arguments, flags removed
}

// usageError is a wrong call: its message key says how to call the command.
type usageError struct{ key string }

func (u usageError) Error() string { return "usage: " + u.key }

func errUsage(key string) error { return usageError{key} }

var commands = map[string]command{
	"demo":      {flags: demoFlags},
	"customers": {flags: customersFlags},
	"import":    {flags: importFlags},
	"export":    {flags: exportFlags},
	"groups":    {flags: groupsFlags},
	"reminders": {flags: remindersFlags},
	"backup":    {flags: backupFlags},
	"restore":   {flags: restoreFlags},
	"check":     {flags: checkFlags},
	"orders":    {flags: ordersFlags},
	"link":      {flags: linkFlags},
}

// commandNames lists the commands in name order, for the unknown-command message.
func commandNames() []string {
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// IsCommand reports whether name is a known subcommand.
func IsCommand(name string) bool {
	_, ok := commands[name]
	return ok
}

// Run runs the subcommand in args[0] with its flags and returns the exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || !IsCommand(args[0]) {
		fmt.Fprintln(stderr, lang.L("cli.unknown_command", map[string]any{"Name": first(args), "Commands": commandNames()}))
		return 2
	}
	fs := flag.NewFlagSet("shopcrm "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	dataDir := fs.String("data", "", lang.L("cli.flag.data"))
	format := fs.String("format", "text", lang.L("cli.flag.format"))
	run := commands[args[0]].flags(fs)
	positional, err := parseInterspersed(fs, args[1:])
	if err != nil {
		return 2
	}
	if *format != "text" && *format != "csv" {
		fmt.Fprintln(stderr, lang.L("cli.bad_format", map[string]any{"Format": *format}))
		return 2
	}
	dir, err := DataDir(*dataDir)
	if err != nil {
		fmt.Fprintln(stderr, i18n.Message(err))
		return 1
	}
	store, err := sqlite.Open(dir)
	if code, done := openFailed(args[0], dir, positional, stdout, stderr, err); done {
		return code
	}
	if err != nil {
		fmt.Fprintln(stderr, lang.L("cli.open_failed", map[string]any{"Reason": i18n.Message(err)}))
		return 1
	}
	defer store.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err = run(ctx, &env{store: store, out: stdout, format: *format, args: positional})
	var usage usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &usage):
		fmt.Fprintln(stderr, lang.L(usage.key))
		return 2
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, lang.L("cli.cancelled"))
	default:
		fmt.Fprintln(stderr, i18n.Message(err))
	}
	return 1
}

// parseInterspersed parses flags that may come before or after positional arguments
// ("import FILE --dry-run" as well as "import --dry-run FILE").
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// DataDir is the folder every command and the window use: --data when given, else
// $SHOPCRM_DATA, else the app's own folder.
func DataDir(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	return folder.Default()
}

func first(args []string) string {
	if len(args) == 0 {
		return ""
	}
	return args[0]
}
