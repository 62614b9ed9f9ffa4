#!/usr/bin/env bash
# Renders a contact sheet of every item of a sorting pack: one section per bin (headed by the bin's
# colour and names), each cell the item's icon PNG with its id, Chinese and English names below.
# It is for checking by eye that every picture shows its item (children sort by the picture).
#
#   tools/art/contact-sheet.sh [PACK [OUT.png]]
#
# PACK   a pack name under assets/packs (default: default) or a path to a pack folder or to its
#        sorting/items.json.
# OUT    the picture to write (default: docs/items.png for the default pack, otherwise
#        docs/items-<pack>.png).
#
# Icons come from assets/sprites/icons/<icon>.png (run make-sprites.sh icons first); a missing
# one is drawn as a red "missing" cell and reported. Text uses the game's own font,
# assets/fonts/NotoSansSC-GreenActor.otf, which covers every character the packs ship.
# Needs: python3 (standard library only) and ImageMagick (Debian package imagemagick); uses
# pngquant and optipng when present to keep the PNG small.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [ "${1:-}" = "--help" ] || [ "${1:-}" = "-h" ]; then
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
  exit 0
fi
[ $# -le 2 ] || { echo "usage: $0 [PACK [OUT.png]]   (see --help)" >&2; exit 2; }

need() { command -v "$1" >/dev/null 2>&1 || { echo "contact-sheet: '$1' not found (install: $2)" >&2; exit 1; }; }
need python3 python3
need montage imagemagick
need convert imagemagick

pack="${1:-default}"
if [ -f "$pack" ]; then
  items="$pack"
elif [ -d "$pack" ]; then
  items="$pack/sorting/items.json"
else
  items="$root/assets/packs/$pack/sorting/items.json"
fi
[ -f "$items" ] || { echo "contact-sheet: no items file for pack '$pack' ($items)" >&2; exit 1; }
pack_name="$(basename "$(dirname "$(dirname "$(realpath "$items")")")")"
if [ -n "${2:-}" ]; then
  out="$2"
elif [ "$pack_name" = "default" ]; then
  out="$root/docs/items.png"
else
  out="$root/docs/items-$pack_name.png"
fi
mkdir -p "$(dirname "$out")"

font="$root/assets/fonts/NotoSansSC-GreenActor.otf"
[ -f "$font" ] || { echo "contact-sheet: font $font not found" >&2; exit 1; }
icons="$root/assets/sprites/icons"
cols=8

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# One line per record, tab-separated:
#   B <bin id> <colour> <zh name> <en name> <item count>
#   I <item id> <icon> <label text, lines joined by a literal \n, which montage reads as a line break>
python3 - "$items" >"$tmp/list.tsv" <<'PY'
import json, sys, textwrap

data = json.load(open(sys.argv[1], encoding="utf-8"))
bins = data.get("bins", [])
items = data.get("items", [])
known = [b["id"] for b in bins]
order = known + sorted({i["bin"] for i in items} - set(known))

def wrap(text, width):
    return textwrap.wrap(text, width) or [""]

def wrap_zh(text, width):
    # cut every `width` characters, but never start a line with closing punctuation
    lines = []
    for ch in text:
        if lines and (len(lines[-1]) < width or ch in "、，。；：）」』》！？"):
            lines[-1] += ch
        else:
            lines.append(ch)
    return lines or [""]

def esc(text):
    # montage reads % escapes and backslashes in labels
    return text.replace("\\", "\\\\").replace("%", "%%").replace("\t", " ")

for bid in order:
    b = next((b for b in bins if b["id"] == bid), {"id": bid, "color": "#888888", "name": {"zh": "?", "en": "(unknown bin)"}})
    members = [i for i in items if i["bin"] == bid]
    print("\t".join(["B", bid, b.get("color", "#888888"), esc(b["name"].get("zh", "")), esc(b["name"].get("en", "")), str(len(members))]))
    for i in members:
        lines = [i["id"]] + wrap_zh(i["name"].get("zh", ""), 9)[:2] + wrap(i["name"].get("en", ""), 20)[:3]
        print("\t".join(["I", i["id"], i.get("icon") or "-", "\\n".join(esc(l) for l in lines)]))
PY

# A red stand-in for icons that have no PNG.
convert -size 96x96 xc:none -fill '#F8312F' -draw 'roundrectangle 4,4 91,91 12,12' \
  -fill white -font "$font" -pointsize 16 -gravity center -annotate +0+0 'missing' "$tmp/missing.png"

sections=()
missing=0
bin_id="" colour="" bin_zh="" bin_en="" count=0
args=()
n=0

flush() { # renders the collected cells of the current bin into $tmp/sec-<n>.png with its header
  [ -n "$bin_id" ] || return 0
  n=$((n + 1))
  if [ ${#args[@]} -gt 0 ]; then
    montage -font "$font" -pointsize 13 -fill '#222222' -background white \
      "${args[@]}" -tile "${cols}x" -geometry 96x96+32+10 "$tmp/cells-$n.png"
  else
    convert -size 1280x20 xc:white "$tmp/cells-$n.png"
  fi
  local width
  width="$(identify -format '%w' "$tmp/cells-$n.png")"
  convert -size "${width}x48" "xc:$colour" -fill white -font "$font" -pointsize 24 -gravity west \
    -annotate +16+0 "$bin_id   $bin_zh   $bin_en   ($count)" "$tmp/head-$n.png"
  sections+=("$tmp/head-$n.png" "$tmp/cells-$n.png")
}

while IFS=$'\t' read -r kind a b c d e; do
  case "$kind" in
    B)
      flush
      bin_id="$a" colour="$b" bin_zh="$c" bin_en="$d" count="$e"
      args=()
      ;;
    I)
      png="$icons/$b.png"
      if [ -z "$b" ] || [ ! -f "$png" ]; then
        echo "contact-sheet: item $a: no icon PNG '$b' in assets/sprites/icons" >&2
        png="$tmp/missing.png"
        missing=$((missing + 1))
      fi
      args+=(-label "$c" "$png")
      ;;
  esac
done <"$tmp/list.tsv"
flush

[ ${#sections[@]} -gt 0 ] || { echo "contact-sheet: no bins or items in $items" >&2; exit 1; }
total="$(grep -c '^I' "$tmp/list.tsv" || true)"
width="$(identify -format '%w' "${sections[1]}")"
convert -size "${width}x56" xc:white -fill '#222222' -font "$font" -pointsize 26 -gravity west \
  -annotate +16+0 "Sorting items — pack \"$pack_name\" — $total items" "$tmp/title.png"
convert -background white "$tmp/title.png" "${sections[@]}" -gravity west -append \
  -strip "$tmp/sheet.png"

if command -v pngquant >/dev/null 2>&1; then
  pngquant --quality=60-90 --speed 1 --strip --force --output "$tmp/sheet.q.png" -- "$tmp/sheet.png" \
    && mv "$tmp/sheet.q.png" "$tmp/sheet.png" || true
fi
if command -v optipng >/dev/null 2>&1; then
  optipng -quiet -o2 -strip all "$tmp/sheet.png" || true
fi
mv "$tmp/sheet.png" "$out"
echo "contact-sheet: $out ($total items, $(identify -format '%wx%h' "$out"), $(du -h "$out" | cut -f1))"
[ "$missing" -eq 0 ] || { echo "contact-sheet: $missing item(s) without an icon PNG" >&2; exit 1; }
