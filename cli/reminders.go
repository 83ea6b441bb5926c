package cli

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
	"shopcrm/i18n"
)

// remindersCSVHeader is the machine format PRODUCT.md fixes: the reminders to act on.
var remindersCSVHeader = []string{"due", "event", "kind", "platform", "nick", "name", "detail"}

// remindersFlags: shopcrm reminders [--date DATE] [--days N] [--format csv]
func remindersFlags(fs *flag.FlagSet) func(context.Context, *env) error {
	date := fs.String("date", "", lang.L("cli.flag.date"))
	days := fs.Int("days", 1, lang.L("cli.flag.days"))
	return func(ctx context.Context, e *env) error {
		from := e.store.Today()
		if *date != "" {
			d, err := time.ParseInLocation(data.DateLayout, strings.TrimSpace(*date), time.UTC)
			if err != nil {
				return errUsage("cli.reminders.bad_date")
			}
			from = d
		}
		if *days < 1 || *days > 366 {
			return errUsage("cli.reminders.bad_days")
		}
		rs, err := e.store.Reminders(ctx, data.ReminderFilter{From: from, To: from.AddDate(0, 0, *days-1)})
		if err != nil {
			return err
		}
		if e.format == "csv" {
			return writeRemindersCSV(e, rs)
		}
		return writeRemindersText(e, rs)
	}
}

// csvDetail is the detail column: the fact as data (a date, the goods, the note), the
// holiday by its translated name.
func csvDetail(r *data.Reminder) string {
	if r.Kind == data.KindHoliday {
		return i18n.HolidayName(r.EventKey)
	}
	return r.Detail
}

// writeRemindersCSV writes the reminders to act on in PRODUCT.md's columns; those the
// frequency cap holds back are not among them and are told on stderr with the
// reason, as the text output tells them (never silently left out).
func writeRemindersCSV(e *env, rs []*data.Reminder) error {
	due, held := splitHeld(rs)
	w := csv.NewWriter(e.out)
	w.Write(remindersCSVHeader)
	for _, r := range due {
		w.Write([]string{r.Due.Format(data.DateLayout), r.Event.Format(data.DateLayout), string(r.Kind),
			string(r.Platform), r.Nick, r.Name, csvDetail(r)})
	}
	w.Flush()
	if err := w.Error(); err != nil || len(held) == 0 {
		return err
	}
	fmt.Fprintln(e.errOut, lang.L("cli.reminders.held", map[string]any{"Count": len(held)}))
	return reminderTable(e.errOut, held, true)
}

// splitHeld parts the reminders to act on from those the frequency cap holds back.
func splitHeld(rs []*data.Reminder) (due, held []*data.Reminder) {
	for _, r := range rs {
		if r.Held != nil {
			held = append(held, r)
		} else {
			due = append(due, r)
		}
	}
	return due, held
}

// writeRemindersText prints the reminders to act on, their count, then those the
// frequency cap holds back with the reason (never silently left out).
func writeRemindersText(e *env, rs []*data.Reminder) error {
	due, held := splitHeld(rs)
	if err := reminderTable(e.out, due, false); err != nil {
		return err
	}
	fmt.Fprintln(e.out, lang.L("cli.reminders.count", map[string]any{"Count": len(due)}))
	if len(held) == 0 {
		return nil
	}
	fmt.Fprintln(e.out)
	fmt.Fprintln(e.out, lang.L("cli.reminders.held", map[string]any{"Count": len(held)}))
	return reminderTable(e.out, held, true)
}

// reminderTable prints rs as aligned columns to out, with the held-back reason when why.
func reminderTable(out io.Writer, rs []*data.Reminder, why bool) error {
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	head := []string{lang.L("reminders.col.due"), lang.L("reminders.col.event"),
		lang.L("reminders.col.kind"), lang.L("reminders.col.customer"), lang.L("reminders.col.detail")}
	if why {
		head = append(head, lang.L("reminders.col.why"))
	}
	fmt.Fprintln(w, strings.Join(head, "\t"))
	for _, r := range rs {
		who := r.DisplayName()
		if r.CustomerID != 0 {
			who = i18n.PlatformName(r.Platform) + " " + who
		}
		cols := []string{r.Due.Format(data.DateLayout), r.Event.Format(data.DateLayout),
			i18n.ReminderKindName(r.Kind), who, i18n.ReminderDetail(r)}
		if why {
			cols = append(cols, i18n.CareHoldReason(r))
		}
		fmt.Fprintln(w, strings.Join(cols, "\t"))
	}
	return w.Flush()
}
