#!/usr/bin/env bash
# Rasterizes the game's sprites. Re-runnable: the same sources give the same files.
#
#   tools/art/make-sprites.sh [icons|bins|world|all]     (default: all)
#
# icons  Microsoft Fluent Emoji Flat (MIT, npm package pinned in package.json) plus our own
#        tools/art/custom/*.svg → assets/sprites/icons/<name>.png (160×160) and index.json.
#        Which icons: every "icon" value in assets/packs/**/*.json, tools/art/ui-icons.txt and all
#        custom SVGs. PNGs no longer listed are removed.
# bins   tools/art/bins/bin-<ID>-{body,lid}.svg → assets/sprites/bins/*.png at 2× and index.json.
# world  tools/art/world/*.svg → assets/sprites/world/*.png at the SVG's own size and index.json.
#
# Needs: node + npm, rsvg-convert (librsvg2-bin). Uses pngquant and optipng when present
# (Debian packages of those names) to shrink the PNGs; without them the PNGs are just larger.
# The outputs are committed, so a normal build needs none of this.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
what="${1:-all}"

need() { command -v "$1" >/dev/null 2>&1 || { echo "make-sprites: '$1' not found (install: $2)" >&2; exit 1; }; }
need rsvg-convert librsvg2-bin

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# shrink <png>: lossy palette (pngquant) then lossless recompression (optipng), where installed.
shrink() {
  local png="$1"
  if command -v pngquant >/dev/null 2>&1; then
    # Exit 98/99 = could not reach the quality asked for: keep the RGBA file then.
    pngquant --quality=75-98 --speed 1 --strip --force --output "$png.q" -- "$png" && mv "$png.q" "$png" || rm -f "$png.q"
  fi
  if command -v optipng >/dev/null 2>&1; then
    optipng -quiet -o2 -strip all "$png" || true
  fi
}

# raster <svg> <png> [rsvg-convert size options...]: renders to a temp file, shrinks it and
# replaces <png> only if the bytes differ (keeps timestamps of unchanged files).
raster() {
  local svg="$1" png="$2"
  shift 2
  local out="$tmp/raster-$(basename "$png")"
  rsvg-convert --format=png --background-color=none "$@" -o "$out" "$svg"
  shrink "$out"
  if ! cmp -s "$out" "$png" 2>/dev/null; then
    mv "$out" "$png"
  else
    rm -f "$out"
  fi
}

# write_index <file> <key> <name>...: {"<key>": [names...]} in the given order, rewritten only on change.
write_index() {
  local file="$1" key="$2"
  shift 2
  node -e '
    const fs = require("fs");
    const [file, key, ...names] = process.argv.slice(1);
    const text = JSON.stringify({ [key]: names }, null, 2) + "\n";
    if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) fs.writeFileSync(file, text);
  ' "$file" "$key" "$@"
}

# prune <dir> <name>...: deletes <dir>/*.png whose name is not listed.
prune() {
  local dir="$1"
  shift
  local keep=" $* " png name
  for png in "$dir"/*.png; do
    [ -e "$png" ] || continue
    name="$(basename "$png" .png)"
    case "$keep" in
      *" $name "*) ;;
      *) echo "removing stale $png"; rm -f "$png" ;;
    esac
  done
}

make_icons() {
  need node nodejs
  need npm npm
  local out="$root/assets/sprites/icons"
  mkdir -p "$out"
  # The pinned icon set; `npm ci` follows package-lock.json exactly.
  if [ ! -f "$here/node_modules/@iconify-json/fluent-emoji-flat/icons.json" ] \
    || ! node -e 'const a=require(process.argv[1]).dependencies["@iconify-json/fluent-emoji-flat"], b=require(process.argv[2]).version; process.exit(a===b?0:1)' \
      "$here/package.json" "$here/node_modules/@iconify-json/fluent-emoji-flat/package.json"; then
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  fi

  node "$here/icons.mjs" collect "$root" "$tmp/icons" >"$tmp/icon-names.txt"
  local names=()
  mapfile -t names <"$tmp/icon-names.txt"
  local name
  for name in "${names[@]}"; do
    raster "$tmp/icons/$name.svg" "$out/$name.png" -w 160 -h 160
  done
  prune "$out" "${names[@]}"
  node "$here/icons.mjs" index "$out/index.json" "${names[@]}"
  echo "icons: ${#names[@]} in assets/sprites/icons ($(du -ch "$out"/*.png | tail -1 | cut -f1))"
}

make_bins() {
  local out="$root/assets/sprites/bins" names=() id part
  mkdir -p "$out"
  for id in R H F O; do
    for part in body lid; do
      # 2×: the SVGs are drawn on a 256-wide canvas.
      raster "$here/bins/bin-$id-$part.svg" "$out/bin-$id-$part.png" --zoom=2
      names+=("bin-$id-$part")
    done
  done
  prune "$out" "${names[@]}"
  write_index "$out/index.json" bins "${names[@]}"
  echo "bins: ${#names[@]} in assets/sprites/bins ($(du -ch "$out"/*.png | tail -1 | cut -f1))"
}

make_world() {
  local out="$root/assets/sprites/world" names=() name
  mkdir -p "$out"
  for name in ground conveyor sparkle leaf litter hills city-map; do
    raster "$here/world/$name.svg" "$out/$name.png"
    names+=("$name")
  done
  prune "$out" "${names[@]}"
  write_index "$out/index.json" world "${names[@]}"
  echo "world: ${#names[@]} in assets/sprites/world ($(du -ch "$out"/*.png | tail -1 | cut -f1))"
}

case "$what" in
  icons) make_icons ;;
  bins) make_bins ;;
  world) make_world ;;
  all) make_icons; make_bins; make_world ;;
  *) echo "usage: $0 [icons|bins|world|all]" >&2; exit 2 ;;
esac
