#!/usr/bin/env python3
"""Adds glyphs that Noto Sans CJK SC lacks to the subset font, composed from Noto's own outlines.

    add-glyphs.py <in.otf> <out.otf> [<bold.ttc>]

- Subscript digits ₀–₉ (U+2080–U+2089), for CO₂, H₂O, PM₂.₅: the proportional digits scaled to the
  size of the font's designed superscripts (² ³) and set below the baseline. Scaling thins the
  strokes, so when Noto Sans CJK Bold (same family, same licence; face 2 = SC) is given, its digits
  are used, which scaled come out at about the weight of the designed superscripts.
- ✗ (U+2717 BALLOT X): the font's × (U+00D7) scaled to the size of its ✓ (U+2713).

A glyph the font already has is never replaced. These glyphs are part of the Modified Version of
the font, under the same SIL Open Font License 1.1.
"""
import sys

from fontTools.misc.transform import Transform
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

SUBSCRIPT_BOTTOM = -120  # font units (1000/em): where a subscript's lowest point sits


def bounds(glyph_set, name):
    pen = BoundsPen(glyph_set)
    glyph_set[name].draw(pen)
    return pen.bounds


class Adder:
    def __init__(self, font):
        self.font = font
        self.cmap = font.getBestCmap()
        self.glyph_set = font.getGlyphSet()
        self.top = font["CFF "].cff.topDictIndex[0]
        self.cid_keyed = hasattr(self.top, "ROS")
        self.order = list(font.getGlyphOrder())
        used = set(self.order)
        # Free CIDs below CIDCount, from the top (Adobe-Identity-0: a CID is only an identifier).
        limit = getattr(self.top, "CIDCount", 65535)
        self.free_cids = (cid for cid in range(limit - 1, 0, -1) if f"cid{cid:05d}" not in used)
        self.added = []

    def add(self, codepoint, glyph_set, source, transform, advance, like):
        """Draws `glyph_set[source]` through `transform` as a new glyph for `codepoint`; hinting
        dictionary (FD) and vertical metrics are taken from this font's glyph `like`."""
        font, top = self.font, self.top
        charstrings = top.CharStrings
        like_id = font.getGlyphID(like)
        if self.cid_keyed:
            fd = top.FDSelect[like_id]
            private = top.FDArray[fd].Private
        else:
            fd, private = None, top.Private
        pen = T2CharStringPen(advance, None)
        glyph_set[source].draw(TransformPen(pen, transform))
        charstring = pen.getCharString(private=private, globalSubrs=top.GlobalSubrs)
        name = f"cid{next(self.free_cids):05d}" if self.cid_keyed else f"uni{codepoint:04X}"

        charstrings.charStringsIndex.append(charstring)
        charstrings.charStrings[name] = len(charstrings.charStringsIndex) - 1
        if self.cid_keyed:
            top.FDSelect.append(fd)
        self.order.append(name)
        font.setGlyphOrder(self.order)
        top.charset = self.order

        bounds_pen = BoundsPen(None)
        charstring.draw(bounds_pen)
        xmin, _, _, ymax = bounds_pen.bounds
        font["hmtx"].metrics[name] = (advance, int(round(xmin)))
        if "vmtx" in font:
            like_advance, like_tsb = font["vmtx"].metrics[like]
            like_top = bounds(self.glyph_set, like)[3]
            font["vmtx"].metrics[name] = (like_advance, int(round(like_tsb + like_top - ymax)))
        for table in font["cmap"].tables:
            if table.isUnicode() and (codepoint <= 0xFFFF or table.format in (12, 13)):
                table.cmap[codepoint] = name
        self.cmap[codepoint] = name
        self.added.append(chr(codepoint))


def main(src, dst, bold=None):
    font = TTFont(src, recalcTimestamp=False)
    adder = Adder(font)
    cmap, gs = adder.cmap, adder.glyph_set

    # Subscript digits, sized like the designed superscript two.
    two, sup_two = cmap.get(ord("2")), cmap.get(0x00B2)
    if two and sup_two:
        digits_font = TTFont(bold, fontNumber=2, lazy=True) if bold else font
        digits_gs = digits_font.getGlyphSet()
        digits_cmap = digits_font.getBestCmap()
        s_b = bounds(gs, sup_two)
        d_b = bounds(digits_gs, digits_cmap[ord("2")])
        scale = (s_b[3] - s_b[1]) / (d_b[3] - d_b[1])
        for digit in range(10):
            codepoint = 0x2080 + digit
            plain = cmap.get(ord(str(digit)))
            if codepoint in cmap or not plain:
                continue
            source = digits_cmap[ord(str(digit))]
            b = bounds(digits_gs, source)
            advance = int(round(digits_font["hmtx"].metrics[source][0] * scale)) + 20
            width = (b[2] - b[0]) * scale
            t = Transform().translate((advance - width) / 2, SUBSCRIPT_BOTTOM).scale(scale).translate(-b[0], -d_b[1])
            adder.add(codepoint, digits_gs, source, t, advance, like=plain)

    # Ballot X from the multiplication sign, at the check mark's size.
    times, check = cmap.get(0x00D7), cmap.get(0x2713)
    if 0x2717 not in cmap and times and check:
        tb, cb = bounds(gs, times), bounds(gs, check)
        scale = (cb[3] - cb[1]) / (tb[3] - tb[1])
        advance = font["hmtx"].metrics[check][0]
        width = (tb[2] - tb[0]) * scale
        t = Transform().translate((advance - width) / 2, cb[1]).scale(scale).translate(-tb[0], -tb[1])
        adder.add(0x2717, gs, times, t, advance, like=check)

    font.save(dst)
    if adder.added:
        print(f"add-glyphs: composed {''.join(adder.added)}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(*sys.argv[1:])
