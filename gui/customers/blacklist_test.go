package customers

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
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

// menuItem is the detail's ⋮ entry labelled label, nil when the menu has none.
func menuItem(d *customerDetail, label string) *fyne.MenuItem {
	for _, it := range d.moreItems() {
		if it.Label == label {
			return it
		}
	}
	return nil
}

// rowImportance is how the list draws nick's row.
func rowImportance(t *testing.T, g *testWindow, nick string) widget.Importance {
	t.Helper()
	cells := labelsWith(g, nick)
	if len(cells) == 0 {
		t.Fatalf("%s is not in the list", nick)
	}
	return cells[0].Importance
}

// auditActions are the audit log's blacklist entries, oldest first.
func auditActions(t *testing.T, store interface {
	FindAuditLog(context.Context, int) ([]*data.AuditEntry, error)
}) []string {
	t.Helper()
	entries, err := store.FindAuditLog(context.Background(), 100)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i := len(entries) - 1; i >= 0; i-- {
		if a := string(entries[i].Action); strings.HasPrefix(a, "blacklist.") {
			out = append(out, fmt.Sprintf("%s %d", a, entries[i].Count))
		}
	}
	return out
}

// 加入黑名单… on the detail asks for the reason (none: the dialog says so and stays),
// then the row and the detail turn red at once; 移出黑名单 (confirmed) turns them back;
// the audit log has both.
func TestBlacklistFromTheDetailMenu(t *testing.T) {
	g, store := openCustomers(t)
	ctx := context.Background()
	c := &data.Customer{Platform: data.PlatformTaobao, Nick: "差评师"}
	if err := store.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	s := g.customers
	s.Reload()
	s.ShowCustomer(c.ID)
	if menuItem(s.detail, "移出黑名单") != nil {
		t.Fatal("a buyer not on the blacklist is offered 移出黑名单")
	}
	menuItem(s.detail, "加入黑名单…").Action()
	r := s.reasonDialog
	test.Tap(r.save)
	if !r.problem.Visible() || r.problem.Text != "请填写加入黑名单的原因。" {
		t.Errorf("no reason: the dialog says %q (shown %v)", r.problem.Text, r.problem.Visible())
	}
	if got, _ := store.FindCustomerByID(ctx, c.ID); got.Blacklisted {
		t.Fatal("listed without a reason")
	}
	test.Type(r.entry, "恶意差评")
	test.Tap(r.save)
	if got, _ := store.FindCustomerByID(ctx, c.ID); !got.Blacklisted || got.BlacklistReason != "恶意差评" {
		t.Fatalf("after 加入黑名单: %v %q", got.Blacklisted, got.BlacklistReason)
	}
	if rowImportance(t, g, "差评师") != widget.DangerImportance || len(labelsWith(g, "黑名单：恶意差评")) != 1 {
		t.Error("the row and the detail did not turn red at once")
	}
	item := menuItem(s.detail, "移出黑名单")
	if item == nil || menuItem(s.detail, "加入黑名单…") != nil {
		t.Fatal("a listed buyer's menu does not offer 移出黑名单 instead of 加入黑名单…")
	}
	item.Action()
	test.Tap(button(t, g.win, "移出"))
	if got, _ := store.FindCustomerByID(ctx, c.ID); got.Blacklisted {
		t.Fatal("still listed after 移出黑名单")
	}
	if rowImportance(t, g, "差评师") == widget.DangerImportance || len(labelsWith(g, "黑名单：恶意差评")) != 0 {
		t.Error("the row or the detail stayed red")
	}
	if got := strings.Join(auditActions(t, store), ", "); got != "blacklist.add 1, blacklist.remove 1" {
		t.Errorf("audit: %s", got)
	}
}

// The customers picked in the list go on the blacklist together, with one reason, and
// their rows turn red; the one not picked does not.
func TestBlacklistPickedCustomers(t *testing.T) {
	g, store := openCustomers(t)
	ctx := context.Background()
	var ids []int64
	for _, nick := range []string{"刷单甲", "刷单乙", "好买家"} {
		c := &data.Customer{Platform: data.PlatformTaobao, Nick: nick}
		if err := store.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	s := g.customers
	s.Reload()
	test.Tap(button(t, g.win, "多选"))
	s.groups.pick(ids[0])
	s.groups.pick(ids[1])
	test.Tap(button(t, g.win, "加入黑名单"))
	test.Type(s.reasonDialog.entry, "刷单")
	test.Tap(s.reasonDialog.save)
	if len(labelsWith(g, "已将 2 位客户加入黑名单。")) != 1 {
		t.Error("no note says how many were listed")
	}
	overlays := g.win.Canvas().Overlays()
	overlays.Remove(overlays.Top())
	for i, nick := range []string{"刷单甲", "刷单乙", "好买家"} {
		got, _ := store.FindCustomerByID(ctx, ids[i])
		if want := i < 2; got.Blacklisted != want || (want && got.BlacklistReason != "刷单") {
			t.Errorf("%s: listed %v (%q), want %v", nick, got.Blacklisted, got.BlacklistReason, want)
		}
		if red := rowImportance(t, g, "☐ "+nick) == widget.DangerImportance; red != (i < 2) {
			t.Errorf("%s: row red %v", nick, red)
		}
	}
	if len(s.groups.picked) != 0 {
		t.Error("the picked customers stay picked after they were listed")
	}
	if got := strings.Join(auditActions(t, store), ", "); got != "blacklist.add 2" {
		t.Errorf("audit: %s, want one entry for both", got)
	}
}
