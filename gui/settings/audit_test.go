package settings

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/data/sqlite"
	"shopcrm/gui/internal/guitest"
	"shopcrm/i18n"
)

// The activity log shows every action the store can write as a phrase, in both
// languages, and never an internal key such as "customer.update (1)" (issue 16, item 5).
func TestActivityLogShowsNoRawKey(t *testing.T) {
	for _, choice := range []string{i18n.Chinese, i18n.English} {
		t.Run(choice, func(t *testing.T) {
			_, w := guitest.Window(t, choice)
			store := guitest.Open(t, sqlite.Open)
			ctx := context.Background()
			for _, a := range data.AuditActions {
				if err := store.Audit(ctx, a, 1200, ""); err != nil {
					t.Fatal(err)
				}
			}
			sec := Audit(w, store, func(f func()) { f() })
			w.SetContent(sec.content)
			sec.reload()
			var list *widget.List
			guitest.Walk(sec.content, func(o fyne.CanvasObject) bool {
				if l, ok := o.(*widget.List); ok {
					list = l
					return true
				}
				return false
			})
			if list == nil {
				t.Fatal("no list in the activity log")
			}
			if n := list.Length(); n != len(data.AuditActions) {
				t.Fatalf("got %d lines, want %d", n, len(data.AuditActions))
			}
			for i := 0; i < list.Length(); i++ {
				item := list.CreateItem()
				list.UpdateItem(i, item)
				got := item.(*widget.Label).Text
				for _, a := range data.AuditActions {
					// "import" and "export" are also English words; a raw key shows as "key (count)".
					if strings.Contains(got, string(a)+" (") || (strings.Contains(string(a), ".") && strings.Contains(got, string(a))) {
						t.Errorf("line %d: got %q, want no internal key (%q)", i, got, a)
					}
				}
				if strings.Contains(got, "audit.") || strings.Contains(got, "{{") || strings.Contains(got, "(1200)") {
					t.Errorf("line %d: got %q, want a translated phrase", i, got)
				}
			}
		})
	}
}
