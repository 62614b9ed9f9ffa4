#!/usr/bin/env python3
"""Checks that the game font has a glyph for every character the game's text uses.

    python3 tools/font/check-coverage.py [font.otf]

Reads every JSON file in assets/packs/** and assets/i18n/ and the font's cmap (fontTools.ttLib).
Prints the missing characters with the files they occur in and exits 1, or prints a one-line
summary and exits 0. Whitespace and control characters are ignored. (The Rust tests check the same;
this is the quick version.) If the font lacks a character, add it to tools/font/extra-chars.txt
and run tools/font/make-font.sh; if Noto Sans CJK SC lacks it too, reword the text.
"""
import os
import pathlib
import sys
import unicodedata

try:
    from fontTools.ttLib import TTFont
except ImportError:
    # Debian's python3-fonttools is installed for /usr/bin/python3; another python3 (pyenv, a
    # venv) may be first on PATH.
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    sys.exit("check-coverage: fontTools is not installed (apt-get install python3-fonttools)")

ROOT = pathlib.Path(__file__).resolve().parents[2]
FONT = ROOT / "assets" / "fonts" / "NotoSansSC-GreenActor.otf"


def text_files():
    files = sorted((ROOT / "assets" / "packs").rglob("*.json"))
    files += sorted((ROOT / "assets" / "i18n").glob("*.json"))
    return files


def needs_glyph(ch):
    return not (ch.isspace() or unicodedata.category(ch).startswith("C"))


def main():
    font_path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else FONT
    cmap = TTFont(font_path, lazy=True).getBestCmap()
    missing = {}
    checked = set()
    files = text_files()
    for path in files:
        for ch in path.read_text(encoding="utf-8"):
            if needs_glyph(ch):
                checked.add(ch)
                if ord(ch) not in cmap:
                    missing.setdefault(ch, set()).add(path.relative_to(ROOT).as_posix())
    if missing:
        print(f"{font_path.name} lacks {len(missing)} character(s) used in the game's text:")
        for ch in sorted(missing):
            name = unicodedata.name(ch, "?")
            print(f"  {ch}  U+{ord(ch):04X} {name}  in {', '.join(sorted(missing[ch]))}")
        return 1
    print(f"{font_path.name}: all {len(checked)} distinct characters in {len(files)} text file(s) are covered "
          f"({len(cmap)} code points in the font)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
