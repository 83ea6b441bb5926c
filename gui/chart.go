package gui

import (
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// chartSeries is one row of values of a chart, drawn in one colour.
type chartSeries struct {
	name   string
	color  color.Color
	values []float64
}

// chart draws bars (series side by side) or lines over labelled categories, with a
// value axis, using only Fyne canvas primitives. It is redrawn from its data by Refresh.
type chart struct {
	widget.BaseWidget
	title  string
	labels []string
	series []chartSeries
	lines  bool
	format func(float64) string // axis and value labels
}

func newChart(title string, lines bool, format func(float64) string) *chart {
	c := &chart{title: title, lines: lines, format: format}
	c.ExtendBaseWidget(c)
	return c
}

// set replaces the data and redraws.
func (c *chart) set(labels []string, series ...chartSeries) {
	c.labels, c.series = labels, series
	c.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (c *chart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c}
	r.rebuild()
	return r
}

type chartRenderer struct {
	c       *chart
	objects []fyne.CanvasObject
	size    fyne.Size
}

func (r *chartRenderer) Destroy()                     {}
func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *chartRenderer) MinSize() fyne.Size           { return fyne.NewSize(320, 220) }
func (r *chartRenderer) Layout(s fyne.Size) {
	r.size = s
	r.rebuild()
}
func (r *chartRenderer) Refresh() {
	r.rebuild()
	canvas.Refresh(r.c)
}

func chartText(s string, size float32, c color.Color) *canvas.Text {
	t := canvas.NewText(s, c)
	t.TextSize = size
	return t
}

// rebuild lays out title, axes, gridlines, bars or lines and labels for the size.
func (r *chartRenderer) rebuild() {
	c := r.c
	fg := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNameDisabled)
	small := theme.CaptionTextSize()
	w, h := r.size.Width, r.size.Height
	if w <= 0 || h <= 0 {
		w, h = r.MinSize().Width, r.MinSize().Height
	}
	title := chartText(c.title, theme.TextSize(), fg)
	title.TextStyle.Bold = true
	objs := []fyne.CanvasObject{title}
	title.Move(fyne.NewPos(0, 0))

	maxV := 0.0
	for _, s := range c.series {
		for _, v := range s.values {
			maxV = math.Max(maxV, v)
		}
	}
	top := nice(maxV)
	left, head := float32(20), float32(28)
	n := len(c.labels)
	lineH := fyne.MeasureText("Mg", small, fyne.TextStyle{}).Height
	for i := 0; i <= 4; i++ { // room for the widest axis label
		left = max(left, fyne.MeasureText(c.format(top*float64(i)/4), small, fyne.TextStyle{}).Width+12)
	}
	if len(c.series) > 1 {
		head += 18
		x := float32(0)
		for _, s := range c.series {
			sw := canvas.NewRectangle(s.color)
			sw.Resize(fyne.NewSize(10, 10))
			sw.Move(fyne.NewPos(x, 28))
			t := chartText(s.name, small, fg)
			t.Move(fyne.NewPos(x+14, 24))
			objs = append(objs, sw, t)
			x += 24 + fyne.MeasureText(s.name, small, fyne.TextStyle{}).Width
		}
	}
	slot := (w - left - 8) / float32(max(n, 1))
	wrapped, labelLines := make([][]string, n), 1
	for i, l := range c.labels {
		wrapped[i] = chartLabelLines(l, slot-4, small)
		labelLines = max(labelLines, len(wrapped[i]))
	}
	bottom := float32(labelLines)*lineH + 20
	plotW, plotH := w-left-8, h-head-bottom
	if plotW < 10 || plotH < 10 {
		r.objects = objs
		return
	}
	y := func(v float64) float32 { return head + plotH - float32(v/top)*plotH }
	for i := 0; i <= 4; i++ {
		v := top * float64(i) / 4
		line := canvas.NewLine(muted)
		line.StrokeWidth = 0.5
		line.Position1, line.Position2 = fyne.NewPos(left, y(v)), fyne.NewPos(left+plotW, y(v))
		lab := chartText(c.format(v), small, fg)
		lab.Move(fyne.NewPos(left-6-fyne.MeasureText(lab.Text, small, fyne.TextStyle{}).Width, y(v)-8))
		objs = append(objs, line, lab)
	}
	axis := canvas.NewLine(fg)
	axis.Position1, axis.Position2 = fyne.NewPos(left, head), fyne.NewPos(left, head+plotH)
	objs = append(objs, axis)
	if n == 0 {
		r.objects = objs
		return
	}
	for i, ls := range wrapped {
		for j, l := range ls {
			t := chartText(l, small, fg)
			tw := fyne.MeasureText(l, small, fyne.TextStyle{}).Width
			t.Move(fyne.NewPos(left+slot*float32(i)+(slot-tw)/2, head+plotH+4+float32(j)*lineH))
			objs = append(objs, t)
		}
	}
	for si, s := range c.series {
		var prev fyne.Position
		for i, v := range s.values {
			if i >= n {
				break
			}
			if c.lines {
				p := fyne.NewPos(left+slot*(float32(i)+0.5), y(v))
				dot := canvas.NewCircle(s.color)
				dot.Resize(fyne.NewSize(6, 6))
				dot.Move(p.SubtractXY(3, 3))
				objs = append(objs, dot)
				if i > 0 {
					seg := canvas.NewLine(s.color)
					seg.StrokeWidth = 2
					seg.Position1, seg.Position2 = prev, p
					objs = append(objs, seg)
				}
				prev = p
				continue
			}
			bw := slot * 0.7 / float32(len(c.series))
			bar := canvas.NewRectangle(s.color)
			bar.Move(fyne.NewPos(left+slot*float32(i)+slot*0.15+bw*float32(si), y(v)))
			bar.Resize(fyne.NewSize(bw, head+plotH-y(v)))
			objs = append(objs, bar)
		}
	}
	r.objects = objs
}

// maxLabelLines is how many lines a category label may take under its bar.
const maxLabelLines = 3

// chartLabelLines breaks a category label into lines of at most width: between words when
// it has spaces (English), else between characters (Chinese); a label still too long
// for maxLabelLines ends in "…".
func chartLabelLines(label string, width, size float32) []string {
	fits := func(s string) bool { return fyne.MeasureText(s, size, fyne.TextStyle{}).Width <= width }
	if fits(label) {
		return []string{label}
	}
	var tokens []string
	sep := " "
	if strings.Contains(label, " ") {
		tokens = strings.Fields(label)
	} else {
		sep = ""
		for _, r := range label {
			tokens = append(tokens, string(r))
		}
	}
	var lines []string
	cur := ""
	for _, t := range tokens {
		next := t
		if cur != "" {
			next = cur + sep + t
		}
		if cur == "" || fits(next) {
			cur = next
			continue
		}
		lines = append(lines, cur)
		cur = t
	}
	lines = append(lines, cur)
	if len(lines) > maxLabelLines {
		lines = append(lines[:maxLabelLines-1], strings.Join(lines[maxLabelLines-1:], sep))
	}
	for i, l := range lines {
		lines[i] = ellipsize(l, width, size)
	}
	return lines
}

// ellipsize shortens s to width, ending in "…" when anything was cut.
func ellipsize(s string, width, size float32) string {
	if fyne.MeasureText(s, size, fyne.TextStyle{}).Width <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		if t := strings.TrimSpace(string(r)) + "…"; fyne.MeasureText(t, size, fyne.TextStyle{}).Width <= width {
			return t
		}
	}
	return "…"
}

// nice rounds a maximum up to four equal axis steps of 1, 2, 2.5 or 5 times a power of
// ten (whole steps of at least 1; 2.5 only from 25 up), so every tick of the axis is a
// round whole number: 0/10/20/30/40 people, never 0/12/25/38/50.
func nice(v float64) float64 {
	need := v / 4
	if need <= 1 {
		return 4
	}
	p := math.Pow(10, math.Floor(math.Log10(need)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m == 2.5 && p < 10 {
			continue
		}
		if need <= m*p {
			return 4 * m * p
		}
	}
	return 40 * p
}
