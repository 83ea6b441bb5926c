package groups

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

// The fyne.WidgetRenderer methods: the objects are built again from the chart's data
// at every layout and refresh.

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

// chartGeometry is where the parts of a chart go at its current size.
type chartGeometry struct {
	fg, muted  color.Color
	small      float32 // caption text size
	label      float32 // category label size: small, or smaller so that every word fits its slot
	lineH      float32 // height of one line of category label text
	top        float64 // the value at the top of the axis
	left, head float32 // room for the value labels, and for the title and legend
	slot       float32 // width of one category
	plotW      float32
	plotH      float32
	wrapped    [][]string // each category label in lines
}

// y is the height of value v in the plot.
func (g *chartGeometry) y(v float64) float32 { return g.head + g.plotH - float32(v/g.top)*g.plotH }

// rebuild lays out title, axes, gridlines, bars or lines and labels for the size.
func (r *chartRenderer) rebuild() {
	g := r.measure()
	objs := append([]fyne.CanvasObject{r.title(g)}, r.legend(g)...)
	if g.plotW < 10 || g.plotH < 10 {
		r.objects = objs
		return
	}
	objs = append(objs, r.axes(g)...)
	if len(r.c.labels) == 0 {
		r.objects = objs
		return
	}
	objs = append(objs, r.categoryLabels(g)...)
	r.objects = append(objs, r.marks(g)...)
}

// measure works out the chart's geometry for the renderer's size (its minimum before
// the first layout).
func (r *chartRenderer) measure() *chartGeometry {
	c := r.c
	g := &chartGeometry{fg: theme.Color(theme.ColorNameForeground), muted: theme.Color(theme.ColorNameDisabled),
		small: theme.CaptionTextSize()}
	w, h := r.size.Width, r.size.Height
	if w <= 0 || h <= 0 {
		w, h = r.MinSize().Width, r.MinSize().Height
	}
	maxV := 0.0
	for _, s := range c.series {
		for _, v := range s.values {
			maxV = math.Max(maxV, v)
		}
	}
	g.top = nice(maxV)
	g.left, g.head = 20, 28
	n := len(c.labels)
	for i := 0; i <= 4; i++ { // room for the widest axis label
		g.left = max(g.left, fyne.MeasureText(c.format(g.top*float64(i)/4), g.small, fyne.TextStyle{}).Width+12)
	}
	if len(c.series) > 1 {
		g.head += 18 // the legend
	}
	g.slot = (w - g.left - 8) / float32(max(n, 1))
	g.label = labelSize(c.labels, g.slot-4, g.small)
	g.lineH = fyne.MeasureText("Mg", g.label, fyne.TextStyle{}).Height
	g.wrapped = make([][]string, n)
	labelLines := 1
	for i, l := range c.labels {
		g.wrapped[i] = chartLabelLines(l, g.slot-4, g.label)
		labelLines = max(labelLines, len(g.wrapped[i]))
	}
	bottom := float32(labelLines)*g.lineH + 20
	g.plotW, g.plotH = w-g.left-8, h-g.head-bottom
	return g
}

// title is the chart's name at its top left.
func (r *chartRenderer) title(g *chartGeometry) fyne.CanvasObject {
	title := chartText(r.c.title, theme.TextSize(), g.fg)
	title.TextStyle.Bold = true
	title.Move(fyne.NewPos(0, 0))
	return title
}

// legend names the series under the title, when there is more than one.
func (r *chartRenderer) legend(g *chartGeometry) []fyne.CanvasObject {
	if len(r.c.series) <= 1 {
		return nil
	}
	var objs []fyne.CanvasObject
	x := float32(0)
	for _, s := range r.c.series {
		sw := canvas.NewRectangle(s.color)
		sw.Resize(fyne.NewSize(10, 10))
		sw.Move(fyne.NewPos(x, 28))
		t := chartText(s.name, g.small, g.fg)
		t.Move(fyne.NewPos(x+14, 24))
		objs = append(objs, sw, t)
		x += 24 + fyne.MeasureText(s.name, g.small, fyne.TextStyle{}).Width
	}
	return objs
}

// axes are the value axis with four gridlines and their labels.
func (r *chartRenderer) axes(g *chartGeometry) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for i := 0; i <= 4; i++ {
		v := g.top * float64(i) / 4
		line := canvas.NewLine(g.muted)
		line.StrokeWidth = 0.5
		line.Position1, line.Position2 = fyne.NewPos(g.left, g.y(v)), fyne.NewPos(g.left+g.plotW, g.y(v))
		lab := chartText(r.c.format(v), g.small, g.fg)
		lab.Move(fyne.NewPos(g.left-6-fyne.MeasureText(lab.Text, g.small, fyne.TextStyle{}).Width, g.y(v)-8))
		objs = append(objs, line, lab)
	}
	axis := canvas.NewLine(g.fg)
	axis.Position1, axis.Position2 = fyne.NewPos(g.left, g.head), fyne.NewPos(g.left, g.head+g.plotH)
	return append(objs, axis)
}

// categoryLabels are the category names under the plot, centred in their slots.
func (r *chartRenderer) categoryLabels(g *chartGeometry) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for i, ls := range g.wrapped {
		for j, l := range ls {
			t := chartText(l, g.label, g.fg)
			tw := fyne.MeasureText(l, g.label, fyne.TextStyle{}).Width
			t.Move(fyne.NewPos(g.left+g.slot*float32(i)+(g.slot-tw)/2, g.head+g.plotH+4+float32(j)*g.lineH))
			objs = append(objs, t)
		}
	}
	return objs
}

// marks are the values: bars side by side, or dots joined by lines.
func (r *chartRenderer) marks(g *chartGeometry) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	n := len(r.c.labels)
	for si, s := range r.c.series {
		var prev fyne.Position
		for i, v := range s.values {
			if i >= n {
				break
			}
			if r.c.lines {
				p := fyne.NewPos(g.left+g.slot*(float32(i)+0.5), g.y(v))
				objs = append(objs, lineMark(s.color, p, prev, i > 0)...)
				prev = p
				continue
			}
			bw := g.slot * 0.7 / float32(len(r.c.series))
			bar := canvas.NewRectangle(s.color)
			bar.Move(fyne.NewPos(g.left+g.slot*float32(i)+g.slot*0.15+bw*float32(si), g.y(v)))
			bar.Resize(fyne.NewSize(bw, g.head+g.plotH-g.y(v)))
			objs = append(objs, bar)
		}
	}
	return objs
}

// lineMark is a dot at p and, when joined, the segment from the previous dot.
func lineMark(c color.Color, p, prev fyne.Position, joined bool) []fyne.CanvasObject {
	dot := canvas.NewCircle(c)
	dot.Resize(fyne.NewSize(6, 6))
	dot.Move(p.SubtractXY(3, 3))
	if !joined {
		return []fyne.CanvasObject{dot}
	}
	seg := canvas.NewLine(c)
	seg.StrokeWidth = 2
	seg.Position1, seg.Position2 = prev, p
	return []fyne.CanvasObject{dot, seg}
}

// minLabelScale is how far category labels may shrink below the caption size so that
// a long word ("Important") fits its slot whole rather than cut to "Impor…".
const minLabelScale = 0.75

// labelSize is the largest text size, from size down to minLabelScale of it, at which
// every word of every label fits width (a Chinese label breaks between characters,
// so only words of Latin text count).
func labelSize(labels []string, width, size float32) float32 {
	widest := func(at float32) float32 {
		var w float32
		for _, l := range labels {
			for _, word := range strings.Fields(l) {
				if strings.ContainsFunc(word, func(r rune) bool { return r > 0x2E7F }) {
					continue // CJK: breaks between characters
				}
				w = max(w, fyne.MeasureText(word, at, fyne.TextStyle{}).Width)
			}
		}
		return w
	}
	at := size
	for at > size*minLabelScale && widest(at) > width {
		at -= 0.5
	}
	return max(at, size*minLabelScale)
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
