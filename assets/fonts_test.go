package assets

import (
	"bytes"
	"encoding/binary"
	"io/fs"
	"testing"
	"unicode"

	"github.com/go-text/typesetting/font"
)

// maxGlyphs bounds the bundled faces: go-text parses every glyph outline of a face
// when Fyne loads it, so each glyph is heap for as long as the window is open. The
// complete Noto Sans SC has 30,898; the subset about 8,700.
const maxGlyphs = 10_000

// TestFontsAreSubsets keeps the bundled faces small: a complete CJK face costs the
// window some 45 MB of heap per style (issue 16).
func TestFontsAreSubsets(t *testing.T) {
	for _, res := range []struct {
		name string
		data []byte
	}{{"regular", fontRegular}, {"bold", fontBold}} {
		if n := numGlyphs(t, res.data); n > maxGlyphs {
			t.Errorf("%s face: %d glyphs, want at most %d (scripts/subset-font.py)", res.name, n, maxGlyphs)
		}
	}
}

// TestFontsCoverTheAppAndGB2312 checks that the subset lost nothing the app shows:
// every character of every translation, and every common hanzi, is drawn by the
// bundled face rather than by whatever system font happens to have it.
func TestFontsCoverTheAppAndGB2312(t *testing.T) {
	var text bytes.Buffer
	for _, efs := range []fs.FS{Translations, FyneTranslations} {
		err := fs.WalkDir(efs, ".", func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(efs, path)
			text.Write(b)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// Samples of GB2312 level 1 and level 2 (the first and last hanzi of each) and of
	// the full-width punctuation the translations use.
	text.WriteString("啊座亍齄，。、；：？！（）【】《》“”‘’…—·￥")
	for _, res := range []struct {
		name string
		data []byte
	}{{"regular", fontRegular}, {"bold", fontBold}} {
		f := parse(t, res.data)
		missing := map[rune]bool{}
		for _, r := range text.String() {
			if !unicode.IsPrint(r) || unicode.IsSpace(r) {
				continue
			}
			if _, ok := f.NominalGlyph(r); !ok {
				missing[r] = true
			}
		}
		if len(missing) > 0 {
			var s []rune
			for r := range missing {
				s = append(s, r)
			}
			t.Errorf("%s face lacks %d characters the app shows: %q (add them in scripts/subset-font.py)", res.name, len(s), string(s))
		}
	}
}

func parse(t *testing.T, b []byte) *font.Font {
	t.Helper()
	face, err := font.ParseTTF(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return face.Font
}

// numGlyphs reads the glyph count from a TrueType file's maxp table.
func numGlyphs(t *testing.T, b []byte) int {
	t.Helper()
	n := int(binary.BigEndian.Uint16(b[4:]))
	for i := 0; i < n; i++ {
		rec := b[12+16*i:]
		if string(rec[:4]) == "maxp" {
			return int(binary.BigEndian.Uint16(b[binary.BigEndian.Uint32(rec[8:])+4:]))
		}
	}
	t.Fatal("no maxp table")
	return 0
}
