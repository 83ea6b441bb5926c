package ui

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// WrapLabel is a label that wraps its text at its width by the line-breaking rules a
// Chinese reader expects: never before a closing mark (、。，）」 …) nor after an
// opening one (（「 …), and never inside a Latin word or a key name ("Ctrl+I"), which
// break only at spaces. Fyne's own word wrap breaks Chinese text anywhere, leaving a
// lone "。" or "、VIP客户" at a line's start and "（Ct / rl+I）" across two lines.
// Like a wrapping label it asks for no width of its own: it takes the width it is
// given and is as high as its lines.
type WrapLabel struct {
	widget.Label
	text  string
	width float32
}

// NewWrapLabel is a WrapLabel showing text.
func NewWrapLabel(text string) *WrapLabel {
	l := &WrapLabel{text: text}
	l.Label.Text = text
	l.ExtendBaseWidget(l)
	return l
}

// SetText shows text, wrapped at the label's width.
func (l *WrapLabel) SetText(text string) {
	l.text = text
	l.rewrap()
}

// Message is the label's text as set (without the line breaks wrapping added).
func (l *WrapLabel) Message() string { return l.text }

// Resize wraps the text again when the width changes.
func (l *WrapLabel) Resize(size fyne.Size) {
	if size.Width != l.width {
		l.width = size.Width
		l.rewrap()
	}
	l.Label.Resize(size)
}

// MinSize is as high as the wrapped lines and about one character wide.
func (l *WrapLabel) MinSize() fyne.Size {
	h := l.Label.MinSize().Height
	return fyne.NewSize(2*l.Theme().Size(theme.SizeNameInnerPadding)+l.textSize(), h)
}

func (l *WrapLabel) textSize() float32 {
	name := l.SizeName
	if name == "" {
		name = theme.SizeNameText
	}
	return l.Theme().Size(name)
}

func (l *WrapLabel) rewrap() {
	text := l.text
	if inner := l.width - 2*l.Theme().Size(theme.SizeNameInnerPadding); inner > 0 {
		size, style := l.textSize(), l.TextStyle
		text = strings.Join(WrapLines(l.text, inner, func(s string) float32 {
			return fyne.MeasureText(s, size, style).Width
		}), "\n")
	}
	if text != l.Label.Text {
		l.Label.SetText(text)
	}
}

// closers never start a line; openers never end one.
const (
	closers = "、。，．,.;；:：!！?？)）]］}｝」』》〉”’…%％"
	openers = "（(［[｛{「『《〈“‘"
)

// WrapLines breaks text into lines no wider than width (as measure tells), by the
// rules of WrapLabel. A piece that cannot be broken and is wider than width alone
// (a very long word) is cut where it overflows.
func WrapLines(text string, width float32, measure func(string) float32) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, wrapParagraph(para, width, measure)...)
	}
	return out
}

// piece is an unbreakable run of text and whether a space came before it.
type piece struct {
	text  string
	space bool
}

func wrapParagraph(para string, width float32, measure func(string) float32) []string {
	pieces := splitPieces(para)
	var lines []string
	line := ""
	for _, p := range pieces {
		next := p.text
		if line != "" {
			next = line + p.text
			if p.space {
				next = line + " " + p.text
			}
		}
		if line == "" || measure(next) <= width {
			line = next
			continue
		}
		lines = append(lines, line)
		line = p.text
	}
	lines = append(lines, line)
	var out []string
	for _, l := range lines { // a piece wider than the line alone is cut where it overflows
		for measure(l) > width && len([]rune(l)) > 1 {
			r := []rune(l)
			n := len(r) - 1
			for n > 1 && measure(string(r[:n])) > width {
				n--
			}
			for n > 1 && (strings.ContainsRune(closers, r[n]) || strings.ContainsRune(openers, r[n-1])) {
				n-- // even a cut keeps a closer after, an opener before, a character
			}
			out = append(out, string(r[:n]))
			l = string(r[n:])
		}
		out = append(out, l)
	}
	return out
}

// splitPieces cuts a paragraph where a line may break: at spaces, and between Chinese
// characters, keeping Latin words and key names whole, closers with what comes
// before them and openers with what follows.
func splitPieces(para string) []piece {
	var pieces []piece
	var cur []rune
	space, glueNext := false, false
	flush := func() {
		if len(cur) > 0 {
			pieces = append(pieces, piece{string(cur), space})
			cur, space = nil, false
		}
	}
	word := func(r rune) bool { return r < 0x80 && !unicode.IsSpace(r) && !strings.ContainsRune(openers, r) }
	for _, r := range para {
		switch {
		case unicode.IsSpace(r):
			flush()
			space, glueNext = true, false
		case strings.ContainsRune(closers, r):
			if len(cur) == 0 && len(pieces) > 0 && !space { // glue to the piece before
				pieces[len(pieces)-1].text += string(r)
			} else {
				cur = append(cur, r)
			}
		case glueNext:
			cur = append(cur, r)
			glueNext = strings.ContainsRune(openers, r)
		case strings.ContainsRune(openers, r):
			flush()
			cur, glueNext = []rune{r}, true
		case word(r) && len(cur) > 0 && word(cur[len(cur)-1]):
			cur = append(cur, r)
		default:
			flush()
			cur = []rune{r}
		}
	}
	flush()
	return pieces
}
