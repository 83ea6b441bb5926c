package export

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"shopcrm/data"
	"shopcrm/importer/field"
)

func TestDefaultLayoutHeadersAndFieldsAreUnique(t *testing.T) {
	l := DefaultLayout()
	for _, tt := range []struct {
		sheet string
		cols  []Column
	}{{CustomersSheet, l.Customers}, {TradesSheet, l.Trades}} {
		t.Run(tt.sheet, func(t *testing.T) {
			headers, fields := map[string]bool{}, map[field.Key]bool{}
			for _, c := range tt.cols {
				if c.Header == "" || headers[c.Header] {
					t.Errorf("header %q: got empty or repeated, want unique", c.Header)
				}
				if fields[c.Field] {
					t.Errorf("field %q: got repeated, want unique", c.Field)
				}
				headers[c.Header], fields[c.Field] = true, true
			}
			if err := check(tt.sheet, tt.cols); err != nil {
				t.Errorf("check: got %v, want nil", err)
			}
		})
	}
}

func TestDefaultLayoutNamesEveryStatusAndPlatform(t *testing.T) {
	for _, p := range data.Platforms {
		if PlatformNames[p] == "" {
			t.Errorf("platform %q: got no name, want one", p)
		}
	}
	for _, s := range data.TradeStatuses {
		if StatusNames[s] == "" {
			t.Errorf("status %q: got no word, want one", s)
		}
	}
}

func TestWithExtras(t *testing.T) {
	base := Layout{
		Customers: []Column{{"顾客网名", field.Nick}, {"积分", field.Extra("积分")}},
		Trades:    []Column{{"订单编号", field.OrderNo}},
	}
	tests := []struct {
		name                 string
		customers, trades    []string
		wantCustomers, wantT string
	}{
		{"appends new extras in order", []string{"会员等级", "生日礼"}, []string{"快递单号"},
			"顾客网名,积分,会员等级,生日礼", "订单编号,快递单号"},
		{"skips extras already in the layout", []string{"积分"}, nil, "顾客网名,积分", "订单编号"},
		{"skips an extra whose header another column has", []string{"顾客网名"}, []string{"订单编号"},
			"顾客网名,积分", "订单编号"},
		{"skips empty and repeated extras", []string{"", "会员等级", "会员等级"}, nil, "顾客网名,积分,会员等级", "订单编号"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := base.WithExtras(tt.customers, tt.trades)
			if h := headers(got.Customers); h != tt.wantCustomers {
				t.Errorf("customers: got %v, want %v", h, tt.wantCustomers)
			}
			if h := headers(got.Trades); h != tt.wantT {
				t.Errorf("trades: got %v, want %v", h, tt.wantT)
			}
			for _, c := range got.Customers[2:] {
				if h, ok := c.Field.IsExtra(); !ok || h != c.Header {
					t.Errorf("column %q: got field %q, want field.Extra(%q)", c.Header, c.Field, c.Header)
				}
			}
		})
	}
	t.Run("leaves the receiver alone", func(t *testing.T) {
		l := DefaultLayout()
		l.Customers = l.Customers[:3:3]
		_ = l.WithExtras([]string{"积分"}, []string{"快递单号"})
		if len(l.Customers) != 3 || len(l.Trades) != len(DefaultLayout().Trades) {
			t.Errorf("got %d and %d columns, want 3 and %d", len(l.Customers), len(l.Trades), len(DefaultLayout().Trades))
		}
	})
}

func headers(cols []Column) string {
	var h []string
	for _, c := range cols {
		h = append(h, c.Header)
	}
	return strings.Join(h, ",")
}

func TestMappingIgnoresDerivedColumns(t *testing.T) {
	m := sampleLayout().Mapping(CustomersSheet)
	tests := []struct {
		header string
		want   field.Key
	}{
		{"顾客网名", field.Nick}, {"积分", field.Extra("积分")},
		{"交易次数", field.Ignore}, {"累计金额", field.Ignore}, {"最近交易", field.Ignore},
	}
	for _, tt := range tests {
		if got := m[tt.header]; got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.header, got, tt.want)
		}
	}
	if got := DefaultLayout().Mapping("Sheet1"); got != nil {
		t.Errorf("unknown sheet: got %v, want nil", got)
	}
}

// failWriter fails every write, like a full disk.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestArchiveErrors(t *testing.T) {
	errStop := errors.New("database went away")
	noTrades := func(func(*data.Trade, *data.Customer) error) error { return nil }
	one := customersOf([]*data.Customer{{Nick: "a"}})
	tests := []struct {
		name      string
		w         func() *bytes.Buffer
		layout    Layout
		customers func(func(*data.Customer) error) error
		trades    func(func(*data.Trade, *data.Customer) error) error
		want      error
		wantText  string
	}{
		{name: "repeated header", layout: Layout{Customers: []Column{{"手机", field.Phone}, {"手机", field.ShipPhone}}},
			customers: one, trades: noTrades, wantText: `header "手机" twice`},
		{name: "empty header", layout: Layout{Trades: []Column{{"", field.OrderNo}}},
			customers: one, trades: noTrades, wantText: "no header"},
		{name: "customer iterator error is returned", layout: DefaultLayout(),
			customers: func(func(*data.Customer) error) error { return errStop }, trades: noTrades, want: errStop},
		{name: "trade iterator error is returned", layout: DefaultLayout(), customers: one,
			trades: func(func(*data.Trade, *data.Customer) error) error { return errStop }, want: errStop},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Archive(&buf, tt.layout, cst, tt.customers, tt.trades)
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
			if tt.wantText != "" && (err == nil || !strings.Contains(err.Error(), tt.wantText)) {
				t.Errorf("got %v, want an error about %s", err, tt.wantText)
			}
		})
	}
	t.Run("writer error is returned", func(t *testing.T) {
		if err := Archive(failWriter{}, DefaultLayout(), cst, one, noTrades); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("got %v, want disk full", err)
		}
	})
	t.Run("nil iterators write header-only sheets", func(t *testing.T) {
		var buf bytes.Buffer
		if err := Archive(&buf, DefaultLayout(), nil, nil, nil); err != nil {
			t.Fatalf("got %v, want nil", err)
		}
		f := open(t, buf.Bytes())
		rows, _ := f.GetRows(TradesSheet)
		if len(rows) != 1 {
			t.Errorf("trade rows: got %d, want 1", len(rows))
		}
	})
}

func TestArchiveWritesTimesOutsideExcelsRangeAsText(t *testing.T) {
	c := &data.Customer{Nick: "古人", Birthday: "1888-01-02",
		Stats: data.CustomerStats{LastTrade: time.Date(1899, 1, 1, 0, 0, 0, 0, cst)}}
	var buf bytes.Buffer
	if err := Archive(&buf, DefaultLayout(), cst, customersOf([]*data.Customer{c}), nil); err != nil {
		t.Fatal(err)
	}
	f := open(t, buf.Bytes())
	for header, want := range map[string]string{"生日": "1888-01-02", "最近交易": "1899-01-01 00:00:00"} {
		if got, _ := f.GetCellValue(CustomersSheet, cellAt(t, f, CustomersSheet, header, 2)); got != want {
			t.Errorf("%s: got %q, want %q", header, got, want)
		}
	}
}

func TestSheetStopsAtExcelsRowLimit(t *testing.T) {
	s := &sheetWriter{rows: excelize.TotalRows, cols: []Column{{"顾客网名", field.Nick}}, row: make([]any, 1)}
	if err := s.write(make([]excelize.Cell, 1)); !errors.Is(err, ErrTooManyRows) {
		t.Errorf("got %v, want %v", err, ErrTooManyRows)
	}
}

func TestTradeTimeAndPriceColumns(t *testing.T) {
	at := time.Date(2024, 6, 18, 1, 2, 3, 0, time.UTC)
	paid := &data.Trade{TradedAt: at, Status: data.StatusPaid, Quantity: 3, AmountFen: 300}
	unpaid := &data.Trade{TradedAt: at, Status: data.StatusUnpaid, Quantity: 3, AmountFen: 100}
	payAndCreate := newTradeColumns([]Column{{"付款时间", field.PaidAt}, {"创建时间", field.CreatedAt}})
	payOnly := newTradeColumns([]Column{{"付款时间", field.PaidAt}})
	tests := []struct {
		name string
		tc   tradeColumns
		t    *data.Trade
		k    field.Key
		want any
	}{
		{"paid order has a pay time", payAndCreate, paid, field.PaidAt, dateTime(at)},
		{"unpaid order has no pay time beside a creation time", payAndCreate, unpaid, field.PaidAt, nil},
		{"unpaid order keeps its creation time", payAndCreate, unpaid, field.CreatedAt, dateTime(at)},
		{"pay time is the only time a sheet keeps", payOnly, unpaid, field.PaidAt, dateTime(at)},
		{"exact unit price", payOnly, paid, field.UnitPrice, yuan(100)},
		{"no unit price that would lose a fen", payOnly, unpaid, field.UnitPrice, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.tc.tradeValue(tt.t, nil, tt.k); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
