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
	errOut io.Writer // notes beside a machine format's output (stderr)
	format string
	args   []string // positional arguments, flags removed
}

// usageError is a wrong call: its message key says how to call the command.
type usageError struct{ key string }

func (u usageError) Error() string { return "usage: " + u.key }

func errUsage(key string) error { return usageError{key} }

// commands is the table of commands. A command added here also needs its one help line,
// "cli.help.cmd.NAME", in both languages (and "cli.help.args.NAME" when it takes a file
// or other words after its name); its flags come into the help by themselves.
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
	"blacklist": {flags: blacklistFlags},
	"messages":  {flags: messagesFlags},
}

// commandNames lists the commands in name order, for the unknown-command message and help.
func commandNames() []string {
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Exit codes, as README's command-line section states them.
const (
	exitOK        = 0 // done
	exitFailed    = 1 // the command ran and failed: bad data, a file that would not open
	exitWrongCall = 2 // the call itself was wrong: unknown command or flag, bad value
)

// Run runs the command line args (without the program's name) and returns the exit
// code. The common flags (--data, --format) may stand before or after the command's
// name; "help", "help CMD", --help and "CMD --help" print the help on stdout.
func Run(args []string, stdout, stderr io.Writer) int {
	o := defaults()
	global := newFlagSet("shopcrm")
	o.define(global)
	rest, err := parseFlags(global, args, false)
	if err != nil {
		return callFailed(err, "", stdout, stderr)
	}
	if len(rest) == 0 {
		writeHelp(stderr)
		return exitWrongCall
	}
	name := rest[0]
	if name == "help" {
		return help(rest[1:], stdout, stderr)
	}
	cmd, ok := commands[name]
	if !ok {
		unknownCommand(name, stderr)
		return exitWrongCall
	}
	fs := newFlagSet("shopcrm " + name)
	o.define(fs)
	run := cmd.flags(fs)
	positional, err := parseFlags(fs, rest[1:], true)
	if err != nil {
		return callFailed(err, name, stdout, stderr)
	}
	if o.format != "text" && o.format != "csv" {
		fmt.Fprintln(stderr, lang.L("cli.bad_format", map[string]any{"Format": o.format}))
		return exitWrongCall
	}
	return runCommand(name, run, o, positional, stdout, stderr)
}

// runCommand opens the data folder and runs the command in it.
func runCommand(name string, run func(context.Context, *env) error, o options, positional []string, stdout, stderr io.Writer) int {
	dir, err := DataDir(o.data)
	if err != nil {
		fmt.Fprintln(stderr, i18n.Message(err))
		return exitFailed
	}
	store, err := sqlite.Open(dir)
	if code, done := openFailed(name, dir, positional, stdout, stderr, err); done {
		return code
	}
	if err != nil {
		fmt.Fprintln(stderr, lang.L("cli.open_failed", map[string]any{"Reason": i18n.Message(err)}))
		return exitFailed
	}
	defer store.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err = run(ctx, &env{store: store, out: stdout, errOut: stderr, format: o.format, args: positional})
	var usage usageError
	var fe flagError
	var fail failure
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &usage):
		fmt.Fprintln(stderr, lang.L(usage.key, map[string]any{"Platforms": platformCodes()}))
		return exitWrongCall
	case errors.As(err, &fe): // a flag's value the command could check only on the archive (--tier, --group)
		fmt.Fprintln(stderr, lang.L(fe.key, map[string]any{"Name": fe.name, "Help": "shopcrm help " + name}))
		return exitWrongCall
	case errors.As(err, &fail):
		fmt.Fprintln(stderr, lang.L(fail.key, fail.args))
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, lang.L("cli.cancelled"))
	default:
		fmt.Fprintln(stderr, i18n.Message(err))
	}
	return exitFailed
}

// callFailed answers a wrong flag, or a help request, of the command name ("" before
// any command).
func callFailed(err error, name string, stdout, stderr io.Writer) int {
	if errors.Is(err, errHelp) {
		if name == "" {
			writeHelp(stdout)
		} else {
			writeCommandHelp(stdout, name)
		}
		return exitOK
	}
	var fe flagError
	if errors.As(err, &fe) {
		see := "shopcrm help"
		if name != "" {
			see += " " + name
		}
		fmt.Fprintln(stderr, lang.L(fe.key, map[string]any{"Name": fe.name, "Help": see}))
	}
	return exitWrongCall
}

func unknownCommand(name string, stderr io.Writer) {
	fmt.Fprintln(stderr, lang.L("cli.unknown_command", map[string]any{"Name": name, "Commands": commandNames()}))
}

// DataDir is the folder every command and the window use: --data when given, else
// $SHOPCRM_DATA, else the app's own folder.
func DataDir(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	return folder.Default()
}
