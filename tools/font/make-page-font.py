#!/usr/bin/env python3
"""Embeds a tiny font in web/index.html for the page's own Chinese characters (its title, the
loading line and its error messages), so a machine without Chinese system fonts shows no tofu
before the game's own font arrives.

    tools/font/make-page-font.py

Subsets the committed game font (assets/fonts/NotoSansSC-GreenActor.otf, Noto Sans CJK SC, SIL OFL
1.1) to every non-ASCII character of web/index.html, as WOFF2, and writes it as a data: URL between
the `page-font:start` and `page-font:end` markers. Re-run it after changing the page's text.
Needs: python3-fonttools and python3-brotli (Debian), run with /usr/bin/python3.
"""
import base64
import io
import pathlib
import re
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = pathlib.Path(__file__).resolve().parents[2]
PAGE = ROOT / "web" / "index.html"
FONT = ROOT / "assets" / "fonts" / "NotoSansSC-GreenActor.otf"
FAMILY = "GreenActorPage"
BLOCK = re.compile(r"(/\* page-font:start \*/).*?(/\* page-font:end \*/)", re.S)


def main() -> int:
    page = PAGE.read_text(encoding="utf-8")
    outside = BLOCK.sub("", page)
    chars = sorted({c for c in outside if ord(c) > 0x7F})
    font = TTFont(FONT)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = []
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep the copyright and licence records
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(chars))
    subsetter.subset(font)
    # A modified version carries its own name (Noto has no reserved font name), so the page and
    # its test can tell it from an installed Noto.
    for record in font["name"].names:
        if record.nameID in (1, 3, 4, 6, 16):
            record.string = FAMILY
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    data = base64.b64encode(out.getvalue()).decode("ascii")
    face = (
        f"@font-face {{ font-family: \"{FAMILY}\"; "
        f"src: url(data:font/woff2;base64,{data}) format(\"woff2\"); "
        "unicode-range: U+0080-FFFF; font-display: block; }"
    )
    if not BLOCK.search(page):
        print("make-page-font: no page-font markers in web/index.html", file=sys.stderr)
        return 1
    PAGE.write_text(BLOCK.sub(lambda m: f"{m.group(1)}\n  {face}\n  {m.group(2)}", page), encoding="utf-8")
    print(f"make-page-font: {len(chars)} characters, {len(out.getvalue())} bytes of WOFF2 in web/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
