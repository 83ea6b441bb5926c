package data

import "reflect"

// And is the filter that keeps the customers both f and g keep, with f's sort and
// paging: a condition only one of them sets is taken as it is, two bounds of a range
// or of a span of days narrow to the tighter of each, and two different values of
// anything else (two goods texts, two tiers, yes against no) cannot both hold, so ok
// is false and field names the first of them. It goes field by field, so a condition
// added to CustomerFilter later is combined too.
func (f CustomerFilter) And(g CustomerFilter) (out CustomerFilter, field string, ok bool) {
	g = g.Selection()
	out = f
	ov, gv := reflect.ValueOf(&out).Elem(), reflect.ValueOf(g)
	for i := range ov.NumField() {
		a, b := ov.Field(i), gv.Field(i)
		switch {
		case b.IsZero() || a.Equal(b):
		case a.IsZero():
			a.Set(b)
		default:
			switch x := b.Interface().(type) {
			case Range:
				a.Set(reflect.ValueOf(a.Interface().(Range).and(x)))
			case DateRange:
				a.Set(reflect.ValueOf(a.Interface().(DateRange).and(x)))
			default:
				return f, ov.Type().Field(i).Name, false
			}
		}
	}
	return out, "", true
}

// and is the range within both r and o.
func (r Range) and(o Range) Range {
	if o.HasMin && (!r.HasMin || o.Min > r.Min) {
		r = r.AtLeast(o.Min)
	}
	if o.HasMax && (!r.HasMax || o.Max < r.Max) {
		r = r.AtMost(o.Max)
	}
	return r
}

// and is the span of days within both d and o.
func (d DateRange) and(o DateRange) DateRange {
	if !o.From.IsZero() && (d.From.IsZero() || calendarDay(o.From).After(calendarDay(d.From))) {
		d.From = o.From
	}
	if !o.Before.IsZero() && (d.Before.IsZero() || calendarDay(o.Before).Before(calendarDay(d.Before))) {
		d.Before = o.Before
	}
	return d
}
