package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2/lang"
	"golang.org/x/text/width"

	"shopcrm/i18n"
)

// The help is made from the command table: each command's one line is the
// translation "cli.help.cmd.NAME", the words it takes after its name (a file, a
// backup) the optional "cli.help.args.NAME", and its flags are read from the flag set
// its flags function fills. A new command gets its help by adding those keys.

// help answers "shopcrm help [CMD]".
func help(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		writeHelp(stdout)
		return exitOK
	}
	if _, ok := commands[args[0]]; !ok {
		unknownCommand(args[0], stderr)
		return exitWrongCall
	}
	writeCommandHelp(stdout, args[0])
	return exitOK
}

// helpRow is one line of help: what to type, and what it does.
type helpRow struct{ call, what string }

// writeHelp lists the ways to start the app, every command with its flags, the common
// flags and the exit codes.
func writeHelp(w io.Writer) {
	rows := []helpRow{
		{"", lang.L("cli.help.usage")},
		{"  shopcrm", lang.L("cli.help.open_window")},
		{"  shopcrm " + lang.L("cli.help.file_arg"), lang.L("cli.help.open_file")},
		{"  shopcrm " + lang.L("cli.help.command_arg"), lang.L("cli.help.run")},
		{"", ""},
		{"", lang.L("cli.help.commands")},
	}
	for _, name := range commandNames() {
		rows = append(rows, helpRow{"  " + synopsis(name), description(name)})
		rows = append(rows, flagRows("      ", commandFlags(name))...)
	}
	rows = append(rows, helpRow{"", ""}, helpRow{"", lang.L("cli.help.common")})
	rows = append(rows, flagRows("  ", commonFlags())...)
	rows = append(rows, helpRow{"", ""}, helpRow{"", lang.L("cli.help.more")}, helpRow{"", lang.L("cli.help.exit")})
	writeRows(w, rows)
}

// writeCommandHelp is one command's help: how to call it, what it does, its flags.
func writeCommandHelp(w io.Writer, name string) {
	rows := []helpRow{
		{"", lang.L("cli.help.usage_of", map[string]any{"Call": synopsis(name)})},
		{"", description(name)},
	}
	if own := commandFlags(name); len(own) > 0 {
		rows = append(rows, helpRow{"", ""}, helpRow{"", lang.L("cli.help.flags")})
		rows = append(rows, flagRows("  ", own)...)
	}
	rows = append(rows, helpRow{"", ""}, helpRow{"", lang.L("cli.help.common")})
	rows = append(rows, flagRows("  ", commonFlags())...)
	rows = append(rows, helpRow{"", ""}, helpRow{"", lang.L("cli.help.exit")})
	writeRows(w, rows)
}

// synopsis is the command's name with the words it takes: "import FILE".
func synopsis(name string) string {
	if key := "cli.help.args." + name; i18n.Has(key) {
		return name + " " + lang.L(key)
	}
	return name
}

// description is the command's one line ("" until its translation is added; a test
// asks for it in both languages).
func description(name string) string {
	if key := "cli.help.cmd." + name; i18n.Has(key) {
		return lang.L(key)
	}
	return ""
}

// commandFlags are the flags the command's own flags function defines.
func commandFlags(name string) []*flag.Flag {
	fs := newFlagSet(name)
	commands[name].flags(fs)
	return flagsOf(fs)
}

// commonFlags are the flags every command takes.
func commonFlags() []*flag.Flag {
	fs := newFlagSet("shopcrm")
	o := defaults()
	o.define(fs)
	return flagsOf(fs)
}

func flagsOf(fs *flag.FlagSet) []*flag.Flag {
	var out []*flag.Flag
	fs.VisitAll(func(f *flag.Flag) { out = append(out, f) })
	return out
}

// flagRows are help rows for flags: "--days N", its usage and its default. A usage
// may name its value in backquotes (flag.UnquoteUsage's convention).
func flagRows(indent string, flags []*flag.Flag) []helpRow {
	var rows []helpRow
	for _, f := range flags {
		arg, usage := flag.UnquoteUsage(f)
		switch arg {
		case "":
		case "string":
			arg = lang.L("cli.help.value")
		case "int", "uint", "float":
			arg = "N"
		}
		call := indent + "--" + f.Name
		if arg != "" {
			call += " " + arg
		}
		if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" {
			usage = withDefault(usage, f.DefValue)
		}
		rows = append(rows, helpRow{call, usage})
	}
	return rows
}

// withDefault adds a flag's default to its usage: "（1 到 366，默认 1）" inside a closing
// bracket the usage ends with, never a second bracket after it.
func withDefault(usage, value string) string {
	for _, closer := range []string{"）", ")"} {
		if strings.HasSuffix(usage, closer) {
			return strings.TrimSuffix(usage, closer) + lang.L("cli.help.default_inside", map[string]any{"Value": value}) + closer
		}
	}
	return usage + lang.L("cli.help.default", map[string]any{"Value": value})
}

// maxCall is the widest left column before a description moves past the column.
const maxCall = 30

// writeRows writes rows in two columns, measured in terminal cells (a Chinese
// character takes two).
func writeRows(w io.Writer, rows []helpRow) {
	col := 0
	for _, r := range rows {
		if n := cells(r.call); n <= maxCall && n > col {
			col = n
		}
	}
	for _, r := range rows {
		if r.call == "" {
			fmt.Fprintln(w, r.what)
			continue
		}
		pad := max(col-cells(r.call), 0) + 2
		fmt.Fprintln(w, strings.TrimRight(r.call+strings.Repeat(" ", pad)+r.what, " "))
	}
}

// cells is how many terminal cells s takes.
func cells(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
