package groups

import (
	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
	"shopcrm/gui/ui"
)

// The cut points of the RFM scores in words a seller reads, score 5 first:
// "5 分：最近 30 天内买过", "4 分：31–90 天前" … "1 分：超过 365 天没买".

func recencyWords(c data.Cuts) []string {
	d := c.Score // most days for scores 2, 3, 4, 5
	out := []string{lang.L("groups.cut.r.top", map[string]any{"Days": d[3]})}
	for score := 4; score >= 2; score-- {
		out = append(out, lang.L("groups.cut.r.range", map[string]any{"Score": score, "From": d[score-1] + 1, "To": d[score-2]}))
	}
	return append(out, lang.L("groups.cut.r.bottom", map[string]any{"Days": d[0]}))
}

func tradeWords(c data.Cuts) []string {
	m := c.Score // fewest trades for scores 2, 3, 4, 5
	out := []string{lang.L("groups.cut.f.top", map[string]any{"Min": m[3]})}
	for score := 4; score >= 1; score-- {
		from, to := int64(1), m[0]-1
		if score > 1 {
			from, to = m[score-2], m[score-1]-1
		}
		if from == to {
			out = append(out, lang.L("groups.cut.f.one", map[string]any{"Score": score, "N": from}))
		} else {
			out = append(out, lang.L("groups.cut.f.range", map[string]any{"Score": score, "From": from, "To": to}))
		}
	}
	return out
}

func totalWords(c data.Cuts) []string {
	m := c.Score // least total in fen for scores 2, 3, 4, 5
	out := []string{lang.L("groups.cut.m.top", map[string]any{"Min": ui.Money(m[3])})}
	for score := 4; score >= 2; score-- {
		out = append(out, lang.L("groups.cut.m.range", map[string]any{"Score": score,
			"From": ui.Money(m[score-2]), "To": ui.Money(m[score-1])}))
	}
	return append(out, lang.L("groups.cut.m.bottom", map[string]any{"Max": ui.Money(m[0])}))
}
