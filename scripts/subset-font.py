#!/usr/bin/python3
"""Makes the bundled fonts: Noto Sans SC cut down to the characters sellers' data and the
app use, so that the window does not parse 30,000 glyph outlines it never draws.

    scripts/subset-font.py FULL-Regular.ttf FULL-Bold.ttf

FULL-*.ttf are the complete Noto Sans SC faces (SIL OFL 1.1; the repository held them
until the subset replaced them: `git show c6bebd4:assets/fonts/NotoSansSC-Regular.ttf`).
Writes assets/fonts/NotoSansSC-Regular-Subset.ttf and NotoSansSC-Bold-Subset.ttf.

Kept: every GB2312 character (levels 1 and 2: the 6,763 hanzi, with its punctuation,
symbols, Greek, Cyrillic, kana and pinyin), a list of name characters outside GB2312
that are common in given names, ASCII, Latin-1 and the general / CJK / full-width
punctuation blocks, and every character of the app's own texts (translations, Fyne's
words, the sample shop's words, Go string literals under gui/). A character outside the
subset still shows: Fyne draws it with a system font (painter.dynamicFontMap).
Needs fontTools (Debian: python3-fonttools).
"""
import glob
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

# Given-name characters outside GB2312 seen often in buyers' names.
NAME_EXTRAS = "喆珺玥赟堃昇旻玹琤璟瑄瑀琍婳嫣妤姮婕娅珈琦祎翀昱晗晞暄煜炜烨燚焱鑫淼森垚犇骉晧皓颢玟珝頔弢彧恺恒燊曌昀玙璠琬瑜璇璐瑶"


def gb2312():
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def ranges(*spans):
    return {chr(c) for a, b in spans for c in range(a, b + 1)}


def app_texts():
    chars = set()
    pattern = ["assets/translations/*.json", "assets/fyne/*.json", "data/sqlite/demo*.go", "gui/**/*.go",
               "data/*.go", "i18n/*.go"]
    for p in pattern:
        for path in glob.glob(os.path.join(ROOT, p), recursive=True):
            with open(path, encoding="utf-8") as f:
                chars.update(f.read())
    return {c for c in chars if c.isprintable()}


def main(regular, bold):
    chars = gb2312() | set(NAME_EXTRAS) | app_texts() | ranges(
        (0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x215F),
        (0x2190, 0x21FF), (0x2460, 0x24FF), (0x25A0, 0x25FF), (0x2600, 0x26FF),
        (0x3000, 0x303F), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF))
    opts = subset.Options()
    opts.hinting = False  # go-text draws unhinted outlines
    opts.desubroutinize = True
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.layout_features = ["*"]
    for src, style in ((regular, "Regular"), (bold, "Bold")):
        font = TTFont(src)
        cmap = font.getBestCmap()
        unicodes = sorted(ord(c) for c in chars if ord(c) in cmap)
        s = subset.Subsetter(opts)
        s.populate(unicodes=unicodes)
        s.subset(font)
        out = os.path.join(ROOT, "assets", "fonts", f"NotoSansSC-{style}-Subset.ttf")
        font.save(out)
        print(f"{out}: {len(unicodes)} characters, {font['maxp'].numGlyphs} glyphs, {os.path.getsize(out)} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
