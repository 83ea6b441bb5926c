package groups

import (
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestWrapLabelFitsTheSlot(t *testing.T) {
	test.NewTempApp(t)
	size := theme.CaptionTextSize()
	width := func(s string) float32 { return fyne.MeasureText(s, size, fyne.TextStyle{}).Width }
	if got := chartLabelLines("VIP客户", 200, size); len(got) != 1 || got[0] != "VIP客户" {
		t.Errorf("a label that fits: %q", got)
	}
	for _, tc := range []struct {
		label string
		width float32
		lines int
	}{
		{"Important to win back", width("Important") + 2, 3},
		{"重要价值客户", width("重要价") + 1, 2},
	} {
		got := chartLabelLines(tc.label, tc.width, size)
		if len(got) != tc.lines {
			t.Errorf("%q in %.0f px: %q, want %d lines", tc.label, tc.width, got, tc.lines)
		}
		sep := ""
		if strings.Contains(tc.label, " ") {
			sep = " "
		}
		if strings.Join(got, sep) != tc.label {
			t.Errorf("%q wrapped into %q lost words", tc.label, got)
		}
		for _, l := range got {
			if width(l) > tc.width {
				t.Errorf("%q: line %q is wider than %.0f px", tc.label, l, tc.width)
			}
		}
	}
	got := chartLabelLines("Important to win back our most valued buyers", width("Important")+2, size)
	if len(got) != maxLabelLines || !strings.HasSuffix(got[maxLabelLines-1], "…") {
		t.Errorf("an overlong label: %q", got)
	}
}

// TestLongWordsShrinkBeforeTheyAreCut: English segment names under narrow bars ("Important
// value" at 1024×700 read "Impor…") are set a little smaller so each word is whole;
// only a word that does not fit even then is cut.
func TestLongWordsShrinkBeforeTheyAreCut(t *testing.T) {
	test.NewTempApp(t)
	size := theme.CaptionTextSize()
	word := fyne.MeasureText("Important", size, fyne.TextStyle{}).Width
	labels := []string{"Important value", "General to win back", "VIP客户"}
	got := labelSize(labels, word*0.9, size)
	if got >= size || got < size*minLabelScale {
		t.Fatalf("label size %.1f for a slot 90%% of the word: want below %.1f and at least %.1f", got, size, size*minLabelScale)
	}
	for _, l := range labels {
		for _, line := range chartLabelLines(l, word*0.9, got) {
			if strings.HasSuffix(line, "…") {
				t.Errorf("%q was cut: %q", l, line)
			}
		}
	}
	if got := labelSize(labels, word*2, size); got != size {
		t.Errorf("labels that fit: size %.1f, want the caption size %.1f", got, size)
	}
	if got := labelSize([]string{"Supercalifragilistic"}, word*0.3, size); got != size*minLabelScale {
		t.Errorf("a word that never fits: size %.1f, want the smallest %.1f", got, size*minLabelScale)
	}
}

// The segment charts name the segments the way the RFM tab does, never by their codes.
func TestSegmentChartsShowSegmentNames(t *testing.T) {
	_, gs := openGroups(t)
	c := gs.charts[2]
	w := test.NewTempWindow(t, container.NewStack(c))
	w.Resize(fyne.NewSize(560, 300))
	var texts []string
	for _, o := range test.WidgetRenderer(c).Objects() {
		if tx, ok := o.(*canvas.Text); ok {
			texts = append(texts, tx.Text)
		}
	}
	all := strings.Join(texts, "|")
	if !strings.Contains(all, "重要价值") || strings.Contains(all, "HHH") || strings.Contains(all, "LLH") {
		t.Errorf("segment chart labels: %s", all)
	}
}

func TestAxisTicksAreRoundWholeNumbers(t *testing.T) {
	for _, v := range []float64{0, 0.4, 1, 3, 4, 4.1, 9, 21, 30, 50, 85, 99, 101, 7250, 78319.94, 144215.28} {
		top := nice(v)
		step := top / 4
		if top < v {
			t.Errorf("nice(%v) = %v is below the maximum", v, top)
		}
		if step != math.Trunc(step) {
			t.Errorf("nice(%v) = %v: ticks every %v are not whole numbers", v, top, step)
		}
		if v >= 4 && top > 2.5*v {
			t.Errorf("nice(%v) = %v wastes most of the chart", v, top)
		}
		if !roundStep(step) {
			t.Errorf("nice(%v) = %v: step %v is not 1, 2, 2.5 or 5 times a power of ten", v, top, step)
		}
	}
}

// roundStep reports whether step is 1, 2, 2.5 or 5 times a power of ten.
func roundStep(step float64) bool {
	for p := 1.0; p <= step; p *= 10 {
		for _, m := range []float64{1, 2, 2.5, 5} {
			if step == m*p {
				return true
			}
		}
	}
	return false
}

// The monthly charts end with the last month that is over: the current month, a few
// days old, is not plotted as a collapse beside whole months (issue 16, cosmetic).
func TestMonthlyChartsEndWithTheLastFullMonth(t *testing.T) {
	_, gs := openGroups(t) // the test clock is 2026-11-23
	for _, c := range []*chart{gs.charts[4], gs.charts[5]} {
		if n := len(c.labels); n != 12 || c.labels[0] != "25-11" || c.labels[n-1] != "26-10" {
			t.Errorf("%s: months %v, want 25-11 … 26-10", c.title, c.labels)
		}
	}
}
