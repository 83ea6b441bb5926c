package imports

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shopcrm/gui/internal/guitest"
)

// TestPossibleDuplicatesLeadToMerging: the summary says what was left out and why,
// and its list of possible duplicates opens 合并到… for the one picked.
func TestPossibleDuplicatesLeadToMerging(t *testing.T) {
	g, _ := newTestApp(t)
	path := filepath.Join(t.TempDir(), "orders.csv")
	body := "订单编号,收货人姓名,收货地址,订单付款时间,宝贝标题,实付金额\n" +
		"B1,张伟,杭州市西湖区文三路1号,2026-01-04 10:00,茶,10\n" +
		"B2,张伟,成都市武侯区人民南路9号,2026-01-06 10:00,茶,10\n" +
		"B3,李雷,杭州市西湖区文三路1号,,茶,10\n"
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	g.openImport(path)
	var merged []int64
	g.wizard.OnMerge = func(id int64) { merged = append(merged, id) }
	test.Tap(button(t, g.win, "检查数据"))
	test.Tap(button(t, g.win, "开始导入"))
	for _, want := range []string{"跳过 1 行：未付款的订单（没有付款时间），不算交易", "1 位新客户可能与已有客户是同一人"} {
		if !hasTextContaining(g.win, want) {
			t.Errorf("the summary does not say %q", want)
		}
	}
	test.Tap(button(t, g.win, "合并可能重复的客户（1）…"))
	var list *widget.List
	guitest.Walk(g.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		list, _ = o.(*widget.List)
		return list != nil
	})
	if list == nil || list.Length() != 1 {
		t.Fatalf("the possible duplicates are not listed: %v", list)
	}
	list.Select(0)
	if len(merged) != 1 || merged[0] != 2 {
		t.Errorf("OnMerge got %v, want the second 张伟 (customer 2)", merged)
	}
}
