package sqlite

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"shopcrm/data"
)

// checkRows are rows with every verdict Check can reach, made afresh for each use
// (a row's trade is a pointer).
func checkRows() []data.ImportRow {
	src := &data.RowSource{Columns: map[string]string{"nick": "顾客网名", "name": "真实姓名", "phone": "联系电话",
		"qq": "QQ号", "traded_at": "交易日期", "refund": "退款金额", "trade_note": "订单备注"}}
	rows := append(archiveRows(), mixedRows(3, 200)...)
	for i := range rows {
		if t := rows[i].Trade; t != nil {
			tc := *t
			rows[i].Trade = &tc
		}
	}
	long := string(make([]rune, data.MaxTextLen*3+1))
	return append(rows,
		data.ImportRow{Row: 900, Source: src, Customer: data.Customer{Platform: data.PlatformTaobao, Nick: "qq_bad", QQ: "12"},
			Trade: &data.Trade{TradedAt: at(5, 9), AmountFen: 500, OrderNo: "q-1"}},
		data.ImportRow{Row: 901, Source: src, Customer: data.Customer{Platform: data.PlatformTaobao, Nick: "refund_bad"},
			Trade: &data.Trade{TradedAt: at(5, 9), AmountFen: 500, RefundFen: 900, OrderNo: "r-1"}},
		data.ImportRow{Row: 902, Source: src, Customer: data.Customer{Platform: data.PlatformTaobao, Nick: "note_long"},
			Trade: &data.Trade{TradedAt: at(5, 9), AmountFen: 500, Note: long}},
		data.ImportRow{Row: 903, Source: src, Customer: data.Customer{Platform: data.PlatformJD, Phone: "13700137000"}},
		data.ImportRow{Row: 904, Source: src, Customer: data.Customer{Platform: data.PlatformJD}, Trade: &data.Trade{TradedAt: at(5, 9)}},
	)
}

// TestCheckedRowsImportLikeUncheckedOnes: rows the importer's reader checked on its
// own goroutine import to the same archive, counts and problems as rows Import checks
// itself.
func TestCheckedRowsImportLikeUncheckedOnes(t *testing.T) {
	ctx := context.Background()
	plain, checked := openTestStore(t), openTestStore(t)
	want, err := plain.Import(ctx, data.ImportOptions{FileName: "a"}, nil, rowsOf(checkRows()...))
	if err != nil {
		t.Fatal(err)
	}
	rows := checkRows()
	done := make(chan struct{})
	go func() { // as the reader does: the race detector watches what Check touches
		for i := range rows {
			rows[i].Check()
		}
		close(done)
	}()
	<-done
	got, err := checked.Import(ctx, data.ImportOptions{FileName: "a"}, nil, rowsOf(rows...))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("checked rows: %+v\nunchecked rows: %+v", got, want)
	}
	reasons := map[string]bool{}
	for _, is := range want.Issues {
		reasons[fmt.Sprint(is.Row, is.Column, is.Reason)] = true
	}
	for _, w := range []string{"900QQ号invalid", "901退款金额invalid", "902订单备注invalid", "904顾客网名 / 真实姓名 / 联系电话no_identity"} {
		if !reasons[w] {
			t.Errorf("no issue %q among %v", w, want.Issues)
		}
	}
	a, b := dumpStore(t, plain), dumpStore(t, checked)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("the archives differ:\nunchecked %v\nchecked   %v", a, b)
	}
}
