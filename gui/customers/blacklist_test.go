package customers

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/internal/guitest"
)

// labelsWith are the labels in the window showing exactly text.
func labelsWith(g *testWindow, text string) []*widget.Label {
	var out []*widget.Label
	guitest.Walk(guitest.TopLayer(g.win), func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok && l.Visible() && l.Text == text {
			out = append(out, l)
		}
		return false
	})
	return out
}

// A blacklisted buyer's row is red in the list and the detail says 黑名单 with the
// reason in red; another buyer's row is not.
func TestBlacklistedBuyerIsMarkedRedInListAndDetail(t *testing.T) {
	g, store := openCustomers(t)
	ctx := context.Background()
	bad := &data.Customer{Platform: data.PlatformTaobao, Nick: "差评师"}
	good := &data.Customer{Platform: data.PlatformTaobao, Nick: "好买家"}
	for _, c := range []*data.Customer{bad, good} {
		if err := store.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.Blacklist(ctx, bad.ID, "恶意差评"); err != nil {
		t.Fatal(err)
	}
	g.customers.Reload()
	for nick, want := range map[string]widget.Importance{"差评师": widget.DangerImportance, "好买家": widget.MediumImportance} {
		cells := labelsWith(g, nick)
		if len(cells) == 0 {
			t.Fatalf("%s is not in the list", nick)
		}
		if cells[0].Importance != want {
			t.Errorf("%s: row importance %v, want %v", nick, cells[0].Importance, want)
		}
	}
	g.customers.ShowCustomer(bad.ID)
	marks := labelsWith(g, "黑名单：恶意差评")
	if len(marks) != 1 || marks[0].Importance != widget.DangerImportance {
		t.Errorf("detail of a blacklisted buyer: %d red marks", len(marks))
	}
	g.customers.ShowCustomer(good.ID)
	if marks := labelsWith(g, "黑名单：恶意差评"); len(marks) != 0 {
		t.Errorf("the mark stays on another buyer's detail")
	}
}
