package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// cells measures as a terminal does: a Chinese character is two cells, ASCII one.
func cells(s string) float32 {
	var w float32
	for _, r := range s {
		if r < 0x80 {
			w++
		} else {
			w += 2
		}
	}
	return w
}

// TestWrapLinesBreaksChineseWhereAReaderExpects: at every width, no line starts with
// a closing mark or ends with an opening one, "Ctrl+I" and Latin words stay whole,
// every line fits, and no character is lost (issue 16, cosmetic: "、VIP客户", a lone
// "。", "（Ct / rl+I）").
func TestWrapLinesBreaksChineseWhereAReaderExpects(t *testing.T) {
	texts := []string{
		"导入表格（Ctrl+I）后，客户会按等级分组：普通客户、高级客户、VIP客户、至尊VIP。",
		"还没有导入过表格。点击右上角「导入」，或把表格文件拖进窗口。",
		"Every import is listed under Imports: when, which file, how much was added.",
		"选中一位客户，右边会显示他的资料、交易和沟通记录。",
	}
	for _, text := range texts {
		for width := float32(8); width <= 80; width++ {
			lines := WrapLines(text, width, cells)
			if got := strings.Join(lines, ""); strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(text, " ", "") {
				t.Fatalf("width %v: lost text: %q", width, lines)
			}
			for i, l := range lines {
				first, _ := utf8.DecodeRuneInString(l)
				last, _ := utf8.DecodeLastRuneInString(l)
				if i > 0 && strings.ContainsRune(closers, first) {
					t.Errorf("width %v: line %d starts with %q: %q", width, i, first, lines)
				}
				if i < len(lines)-1 && strings.ContainsRune(openers, last) {
					t.Errorf("width %v: line %d ends with %q: %q", width, i, last, lines)
				}
				if cells(l) > width {
					t.Errorf("width %v: line %q is %v wide", width, l, cells(l))
				}
			}
			if width >= cells("（Ctrl+I）后，") && strings.Contains(text, "Ctrl+I") && !strings.Contains(strings.Join(lines, "\n"), "Ctrl+I") {
				t.Errorf("width %v: Ctrl+I split: %q", width, lines)
			}
		}
	}
}

// TestWrapLabelWrapsAtItsWidth: in an empty state the label wraps at the width it
// is given, a line per row, and is as high as its lines.
func TestWrapLabelWrapsAtItsWidth(t *testing.T) {
	test.NewTempApp(t)
	l := EmptyMessage("")
	w := test.NewTempWindow(t, container.NewStack(EmptyState(l)))
	w.Resize(fyne.NewSize(240, 400))
	l.SetText("点击「导入」把你的Excel客户档案或平台订单表搬进来，或点击「新增客户」录入第一位买家。")
	lines := strings.Split(l.Label.Text, "\n")
	if len(lines) < 3 {
		t.Fatalf("not wrapped at %v: %q", l.Size().Width, lines)
	}
	for _, line := range lines {
		if wd := widget.NewLabel(line).MinSize().Width; wd > l.Size().Width+0.5 {
			t.Errorf("line %q needs %v, the label is %v wide", line, wd, l.Size().Width)
		}
	}
	if l.MinSize().Height < widget.NewLabel(l.Label.Text).MinSize().Height {
		t.Error("the label is not as high as its lines")
	}
	if l.Message() == l.Label.Text {
		t.Error("Message should be the text as set, without the wrapping's line breaks")
	}
}
