package importer

import (
	"os"
	"path/filepath"
	"testing"

	"shopcrm/data"
)

func TestWholeRowProblemsNameTheirColumns(t *testing.T) {
	s := newStore(t)
	res := importFile(t, s, realFile(t, "mingri/rfm_all.xlsx"), Options{DryRun: true})
	undated := 0
	for _, is := range res.Issues {
		if is.Reason == data.IssueNoDate || is.Reason == data.IssueUnpaid {
			undated++
			if is.Column != "订单付款时间" {
				t.Fatalf("an undated trade names column %q, want 订单付款时间", is.Column)
			}
		}
	}
	if undated == 0 {
		t.Fatal("rfm_all.xlsx has unpaid orders without a date; none reported")
	}

	// A row with no buyer names the buyer columns; a bad QQ names its column, not "qq".
	path := filepath.Join(t.TempDir(), "a.csv")
	body := "顾客网名,真实姓名,QQ号,交易日期,订单创建时间,成交价格\n" +
		",,,2024-01-02,,10\n" +
		"阿花,,12,2024-01-02,,10\n" +
		"阿草,,,,,10\n"
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	res = importFile(t, s, path, Options{DryRun: true})
	want := map[int]string{2: "顾客网名 / 真实姓名", 3: "QQ号", 4: "交易日期 / 订单创建时间"}
	got := map[int]string{}
	for _, is := range res.Issues {
		got[is.Row] = is.Column
	}
	for row, col := range want {
		if got[row] != col {
			t.Errorf("row %d: problem names column %q, want %q (all: %+v)", row, got[row], col, res.Issues)
		}
	}
}
