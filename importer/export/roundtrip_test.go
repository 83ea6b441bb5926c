package export

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"shopcrm/data"
	"shopcrm/importer/field"
)

// reader reads a sheet back the way the importer does, by header through the
// layout's Mapping, so a round trip proves every value survives the file.
type reader struct {
	t     *testing.T
	loc   *time.Location
	shown bool // read formatted values instead of raw ones
}

func (r reader) rows(f *excelize.File, l Layout, sheet string) []map[field.Key]string {
	opts := excelize.Options{RawCellValue: !r.shown}
	rows, err := f.GetRows(sheet, opts)
	if err != nil {
		r.t.Fatalf("%s: %v", sheet, err)
	}
	m := l.Mapping(sheet)
	var out []map[field.Key]string
	for _, row := range rows[1:] {
		rec := map[field.Key]string{}
		for i, v := range row {
			if k := m[rows[0][i]]; v != "" && k != field.Ignore {
				rec[k] = v
			}
		}
		out = append(out, rec)
	}
	return out
}

func reverse[K comparable](m map[K]string) map[string]K {
	out := map[string]K{}
	for k, v := range m {
		out[v] = k
	}
	return out
}

func (r reader) fen(s string) int64 {
	if s == "" {
		return 0
	}
	fen, err := data.ParseYuan(s)
	if err != nil {
		r.t.Fatalf("amount %q: %v", s, err)
	}
	return fen
}

// time reads an Excel serial as the seller's wall clock, to the second.
func (r reader) time(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	if r.shown {
		t, err := time.ParseInLocation(time.DateTime, s, r.loc)
		if err != nil {
			r.t.Fatalf("time %q: %v", s, err)
		}
		return t.UTC()
	}
	serial, err := strconv.ParseFloat(s, 64)
	if err != nil {
		r.t.Fatalf("time %q: %v", s, err)
	}
	w, _ := excelize.ExcelDateToTime(serial, false)
	w = w.Round(time.Second)
	return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, r.loc).UTC()
}

func (r reader) birthday(s string) string {
	if serial, err := strconv.ParseFloat(s, 64); err == nil && !r.shown {
		d, _ := excelize.ExcelDateToTime(math.Round(serial), false)
		return d.Format(time.DateOnly)
	}
	return s
}

func extras(rec map[field.Key]string) map[string]string {
	var m map[string]string
	for k, v := range rec {
		if h, ok := k.IsExtra(); ok {
			if m == nil {
				m = map[string]string{}
			}
			m[h] = v
		}
	}
	return m
}

func (r reader) customer(rec map[field.Key]string) *data.Customer {
	c := &data.Customer{Platform: reverse(PlatformNames)[rec[field.Platform]], Nick: rec[field.Nick],
		Name: rec[field.Name], Gender: map[string]data.Gender{GenderMale: data.GenderMale, GenderFemale: data.GenderFemale}[rec[field.Gender]],
		Phone: rec[field.Phone], Email: rec[field.Email], WeChat: rec[field.WeChat], Wangwang: rec[field.Wangwang],
		QQ: rec[field.QQ], Province: rec[field.Province], City: rec[field.City], Address: rec[field.Address],
		Source: rec[field.Source], Note: rec[field.Note], MarketingOptOut: rec[field.OptOut] == Yes, Extra: extras(rec)}
	if s := rec[field.Tags]; s != "" {
		c.Tags = strings.Split(s, TagSeparator)
	}
	c.Birthday = r.birthday(rec[field.Birthday])
	if s := rec[field.LunarBirthday]; s != "" {
		c.Birthday, c.BirthdayLunar = s, true
	}
	return c
}

func (r reader) trade(rec map[field.Key]string) ownedTrade {
	q, _ := strconv.Atoi(rec[field.Quantity])
	t := &data.Trade{Platform: reverse(PlatformNames)[rec[field.Platform]], OrderNo: rec[field.OrderNo],
		TradedAt: r.time(rec[field.TradedAt]), Status: reverse(StatusNames)[rec[field.Status]], Goods: rec[field.Goods],
		Quantity: q, AmountFen: r.fen(rec[field.Amount]), RefundFen: r.fen(rec[field.Refund]), ShipName: rec[field.ShipName],
		ShipPhone: rec[field.ShipPhone], ShipAddress: rec[field.ShipAddress], Note: rec[field.TradeNote], Extra: extras(rec)}
	owner := &data.Customer{Platform: t.Platform, Nick: rec[field.Nick], Name: rec[field.Name], Phone: rec[field.Phone]}
	return ownedTrade{t, owner}
}

func TestArchiveRoundTripsEveryField(t *testing.T) {
	cs, ts := sample()
	l := sampleLayout()
	f := open(t, write(t, l, cs, ts))
	for _, shown := range []bool{false, true} {
		r := reader{t: t, loc: cst, shown: shown}
		name := map[bool]string{false: "raw values", true: "formatted values"}[shown]
		t.Run(name+": customers", func(t *testing.T) {
			got := r.rows(f, l, CustomersSheet)
			if len(got) != len(cs) {
				t.Fatalf("rows: got %d, want %d", len(got), len(cs))
			}
			for i, want := range cs {
				w := *want
				w.Stats = data.CustomerStats{}
				if c := r.customer(got[i]); !reflect.DeepEqual(*c, w) {
					t.Errorf("customer %d:\ngot  %+v\nwant %+v", i+1, *c, w)
				}
			}
		})
		t.Run(name+": trades", func(t *testing.T) {
			got := r.rows(f, l, TradesSheet)
			if len(got) != len(ts) {
				t.Fatalf("rows: got %d, want %d", len(got), len(ts))
			}
			for i, want := range ts {
				o := r.trade(got[i])
				if !reflect.DeepEqual(*o.t, *want.t) {
					t.Errorf("trade %d:\ngot  %+v\nwant %+v", i+1, *o.t, *want.t)
				}
				id := func(c *data.Customer) [3]string { return [3]string{c.Nick, c.Name, c.Phone} }
				if id(o.owner) != id(want.owner) {
					t.Errorf("trade %d owner: got %v, want %v", i+1, id(o.owner), id(want.owner))
				}
			}
		})
	}
}

func TestArchiveRoundTripsMoneyExactly(t *testing.T) {
	fens := []int64{0, 1, 7, 10, 99, 1999, 12850, -1, -500, 12345678901, 99999999999999, -99999999999999}
	for i := int64(0); i < 5000; i++ {
		fens = append(fens, i*7919%1000003, -(i * 104729 % 100000007))
	}
	var ts []ownedTrade
	owner := &data.Customer{Nick: "钱"}
	for i, fen := range fens {
		ts = append(ts, ownedTrade{&data.Trade{AmountFen: fen, Status: data.StatusPaid,
			TradedAt: time.Date(2024, 1, 1, 0, 0, i, 0, time.UTC)}, owner})
	}
	f := open(t, write(t, DefaultLayout(), nil, ts))
	for _, shown := range []bool{false, true} {
		r := reader{t: t, loc: cst, shown: shown}
		rows := r.rows(f, DefaultLayout(), TradesSheet)
		for i, fen := range fens {
			if got := r.fen(rows[i][field.Amount]); got != fen {
				t.Errorf("shown=%v %q: got %d fen, want %d", shown, rows[i][field.Amount], got, fen)
			}
		}
	}
}
