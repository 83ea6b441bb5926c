package customers

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/internal/guitest"
)

// TestMergeIntoAnotherAndUndo: 合并到… lists the customers who carry the same name,
// picking one and confirming merges the shown customer into them; 撤销合并 on the kept
// customer puts both back.
func TestMergeIntoAnotherAndUndo(t *testing.T) {
	g, store := openCustomers(t)
	ctx := context.Background()
	kept := &data.Customer{Platform: data.PlatformTaobao, Nick: "zhangwei88", Name: "张伟", Phone: "13800138000"}
	gone := &data.Customer{Platform: data.PlatformTaobao, Name: "张伟", City: "杭州"}
	for _, c := range []*data.Customer{kept, gone} {
		if err := store.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	merged := 0
	g.customers.OnMerged = func() { merged++ }
	g.customers.OfferMerge(gone.ID)

	var list *widget.List
	guitest.Walk(g.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.List); ok {
			list = l
			return true
		}
		return false
	})
	if list == nil || list.Length() != 1 {
		t.Fatalf("the merge dialog lists %v customers, want the one other 张伟", list)
	}
	list.Select(0)
	test.Tap(button(t, g.win, "合并到…"))
	if merged != 1 {
		t.Fatalf("OnMerged told %d times, want 1", merged)
	}
	if _, err := store.FindCustomerByID(ctx, gone.ID); err == nil {
		t.Fatal("the merged customer is still there")
	}
	c, err := store.FindCustomerByID(ctx, kept.ID)
	if err != nil || c.City != "杭州" {
		t.Fatalf("kept customer %+v, %v: want 杭州 filled in", c, err)
	}
	g.win.Canvas().Overlays().Top().Hide() // the "merged" note
	g.win.Canvas().Overlays().Remove(g.win.Canvas().Overlays().Top())
	if g.customers.detail.customer == nil || g.customers.detail.customer.ID != kept.ID || len(g.customers.detail.merges) != 1 {
		t.Fatalf("the detail shows %+v with merges %v, want the kept customer and the merge to undo", g.customers.detail.customer, g.customers.detail.merges)
	}
	g.customers.undoMerge(g.customers.detail.merges[0])
	if _, err := store.FindCustomerByID(ctx, gone.ID); err != nil {
		t.Errorf("after undo the merged customer is missing: %v", err)
	}
}
