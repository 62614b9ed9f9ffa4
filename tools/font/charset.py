#!/usr/bin/env python3
"""Writes tools/font/charset.txt: every character the game's Chinese font subset must contain.

    python3 tools/font/charset.py            (from anywhere; paths are relative to the repo)

The set is: GB 2312 level-1 hanzi (all 3,755), printable ASCII, CJK symbols and punctuation
(U+3000-U+303F), fullwidth forms (U+FF01-U+FF5E), common Chinese/typographic punctuation and
symbols, and every character found in assets/packs/**/*.json, assets/i18n/*.json and
tools/font/extra-chars.txt. Control characters are left out.

charset.txt is committed so reviewers can see it. It has one line per 64-code-point page (the
characters of U+4E00-U+4E3F on one line, and so on), so adding a character changes one line.
Only the standard library is needed.
"""
import pathlib
import sys
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tools" / "font" / "charset.txt"

PUNCTUATION = "“”‘’…—·、×→←↑↓✓✗°₂³·–"


def gb2312_level1():
    chars = []
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.append(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                pass  # D7FA-D7FE are unassigned
    return chars


def text_files():
    files = sorted((ROOT / "assets" / "packs").rglob("*.json"))
    files += sorted((ROOT / "assets" / "i18n").glob("*.json"))
    extra = ROOT / "tools" / "font" / "extra-chars.txt"
    if extra.exists():
        files.append(extra)
    return files


def wanted():
    chars = set(gb2312_level1())
    if len(chars) != 3755:
        sys.exit(f"charset.py: expected 3755 GB 2312 level-1 hanzi, decoded {len(chars)}")
    chars.update(chr(c) for c in range(0x20, 0x7F))
    chars.update(chr(c) for c in range(0x3000, 0x3040))
    chars.update(chr(c) for c in range(0xFF01, 0xFF5F))
    chars.update(PUNCTUATION)
    for path in text_files():
        chars.update(path.read_text(encoding="utf-8"))
    # No control, format or unassigned characters (newlines, tabs, BOM, ...), except the space.
    return {c for c in chars if c == " " or unicodedata.category(c)[0] not in "CZ" or c == "\u3000"}


def main():
    chars = sorted(wanted())
    pages = {}
    for c in chars:
        pages.setdefault(ord(c) // 64, []).append(c)
    text = "".join("".join(page) + "\n" for _, page in sorted(pages.items()))
    if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
        OUT.write_text(text, encoding="utf-8")
    print(f"charset.txt: {len(chars)} characters", file=sys.stderr)


if __name__ == "__main__":
    main()
