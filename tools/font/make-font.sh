#!/usr/bin/env bash
# Builds assets/fonts/NotoSansSC-GreenActor.otf: a subset of Noto Sans CJK SC (SIL OFL 1.1) with
# the characters listed in tools/font/charset.txt, plus a few glyphs the source font lacks
# (subscript digits ₀–₉ and ✗), composed from Noto's own outlines by add-glyphs.py.
#
#   tools/font/make-font.sh
#
# Needs: fonts-noto-cjk (the source), python3-fonttools (pyftsubset / fontTools). Re-runnable; the
# output is committed, so a normal build needs none of this. OTF (CFF) output: Bevy cannot load WOFF2.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/assets/fonts/NotoSansSC-GreenActor.otf"

# The Python that has fontTools: Debian's python3-fonttools lives in /usr/bin/python3, which another
# python3 earlier on PATH (pyenv, a venv) may not see.
py=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import fontTools.subset' 2>/dev/null; then
    py="$candidate"
    break
  fi
done
[ -n "$py" ] || { echo "make-font: no python3 with fontTools (apt-get install python3-fonttools)" >&2; exit 1; }

ttc=""
if command -v dpkg >/dev/null 2>&1; then
  ttc="$(dpkg -L fonts-noto-cjk 2>/dev/null | grep -m1 '/NotoSansCJK-Regular\.ttc$' || true)"
fi
[ -n "$ttc" ] || ttc=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
[ -f "$ttc" ] || { echo "make-font: $ttc not found (apt-get install fonts-noto-cjk)" >&2; exit 1; }
# The Bold collection (same package) gives the subscript digits the weight of the designed superscripts.
bold="$(dirname "$ttc")/NotoSansCJK-Bold.ttc"
[ -f "$bold" ] || { echo "make-font: $bold not found (apt-get install fonts-noto-cjk)" >&2; exit 1; }

# Face 2 of the collection is Noto Sans CJK SC.
"$py" - "$ttc" <<'EOF'
import sys
from fontTools.ttLib import TTFont
name = TTFont(sys.argv[1], fontNumber=2, lazy=True)["name"].getDebugName(4)
if name != "Noto Sans CJK SC":
    sys.exit(f"make-font: face 2 of {sys.argv[1]} is {name!r}, not Noto Sans CJK SC")
EOF

"$py" "$here/charset.py"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# pyftsubset is fontTools.subset; calling the module works where the script is not on PATH.
# --name-IDs='*' keeps the font's copyright, trademark and licence records (OFL condition 2).
# The default layout features only, and no vertical metrics: the game sets text horizontally, and
# the other features' alternate glyphs and the vertical tables cost 28 KB brotli of the first load.
"$py" -m fontTools.subset "$ttc" \
  --font-number=2 \
  --text-file="$here/charset.txt" \
  --no-hinting \
  --desubroutinize \
  --name-IDs='*' \
  --drop-tables+=vmtx,vhea,VORG \
  --output-file="$tmp/subset.otf"

"$py" "$here/add-glyphs.py" "$tmp/subset.otf" "$tmp/final.otf" "$bold"

mkdir -p "$(dirname "$out")"
if ! cmp -s "$tmp/final.otf" "$out" 2>/dev/null; then
  mv "$tmp/final.otf" "$out"
fi
echo "font: $(stat -c %s "$out") bytes in assets/fonts/NotoSansSC-GreenActor.otf"

"$py" "$here/check-coverage.py"
