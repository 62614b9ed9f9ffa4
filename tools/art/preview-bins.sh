#!/usr/bin/env bash
# Composes the bin sprites the way the sorting scene does (tinted by multiplying, lid on top,
# pictogram on the plate, white name and key number) into one picture for a quick look.
#   tools/art/preview-bins.sh [out.png] [open]      (default /tmp/bins-preview.png; "open" tilts the lids)
# Needs ImageMagick and fonts-noto-cjk. Writes nothing into the repository.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-/tmp/bins-preview.png}"
open="${2:-}"
font="$(fc-list ':lang=zh-cn' file | grep -m1 'NotoSansCJK-Regular' | cut -d: -f1 || true)"
bins="$root/assets/sprites/bins"
icons="$root/assets/sprites/icons"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# id colour icon name   (GB/T 19095-2019 colours, approximately)
set -- "R #1C6FB8 recycling-symbol 可回收物" "H #D8262E skull-and-crossbones 有害垃圾" \
       "F #2E9A46 green-apple 厨余垃圾" "O #5E6366 wastebasket 其他垃圾"
n=0
for spec in "$@"; do
  read -r id colour icon name <<<"$spec"
  n=$((n + 1))
  tint() { # tint <in> <out>: multiply RGB by the colour, keep alpha
    convert "$1" \( +clone -fill "$colour" -colorize 100 \) -compose Multiply -composite \
      \( "$1" -alpha extract \) -alpha off -compose CopyOpacity -composite "$2"
  }
  tint "$bins/bin-$id-body.png" "$tmp/body.png"
  tint "$bins/bin-$id-lid.png" "$tmp/lid.png"
  # canvas: lid (140 px) overlapping body top by 10 px; the lid is 2x of 70, the body 2x of 300
  lid="$tmp/lid.png"
  if [ "$open" = open ]; then
    # rotate about the lower-left corner by ~35 degrees (counter-clockwise)
    convert "$tmp/lid.png" -background none -gravity southwest -extent 512x512 \
      -distort SRT "0,512 1 -35 0,512" "$tmp/lid-open.png"
    lid="$tmp/lid-open.png"
    lidy=$((140 - 512))
  else
    lidy=0
  fi
  convert -size 560x780 xc:'#e4f3ff' \
    "$tmp/body.png" -geometry +24+170 -composite \
    "$lid" -geometry +24+$((40 + lidy)) -composite \
    \( "$icons/$icon.png" -resize 215x215 \) -gravity northwest -geometry +$((24 + 256 - 107))+$((170 + 216 - 107)) -composite \
    ${font:+-font "$font"} -fill white -pointsize 76 -gravity north -annotate +0+$((170 + 402 - 50)) "$name" \
    -pointsize 46 -gravity northwest -annotate +$((24 + 72 - 13))+$((170 + 72 - 30)) "$n" \
    "$tmp/bin-$n.png"
done
montage "$tmp"/bin-[1-4].png -tile 4x1 -geometry +0+0 -resize 50% "$out"
echo "$out"
