package cli

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
	"shopcrm/i18n"
)

// remindersCSVHeader is the machine format PRODUCT.md fixes.
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

func writeRemindersCSV(e *env, rs []*data.Reminder) error {
	w := csv.NewWriter(e.out)
	w.Write(remindersCSVHeader)
	for _, r := range rs {
		w.Write([]string{r.Due.Format(data.DateLayout), r.Event.Format(data.DateLayout), string(r.Kind),
			string(r.Platform), r.Nick, r.Name, csvDetail(r)})
	}
	w.Flush()
	return w.Error()
}

func writeRemindersText(e *env, rs []*data.Reminder) error {
	w := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, strings.Join([]string{lang.L("reminders.col.due"), lang.L("reminders.col.event"),
		lang.L("reminders.col.kind"), lang.L("reminders.col.customer"), lang.L("reminders.col.detail")}, "\t"))
	for _, r := range rs {
		who := r.DisplayName()
		if r.CustomerID != 0 {
			who = i18n.PlatformName(r.Platform) + " " + who
		}
		fmt.Fprintln(w, strings.Join([]string{r.Due.Format(data.DateLayout), r.Event.Format(data.DateLayout),
			i18n.ReminderKindName(r.Kind), who, i18n.ReminderDetail(r)}, "\t"))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(e.out, lang.L("cli.reminders.count", map[string]any{"Count": len(rs)}))
	return nil
}
